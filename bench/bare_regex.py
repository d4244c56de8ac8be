"""bare_regex.py FILE...: the "bare regex pass" that bench_extraction.py compares against.

One `finditer` of a double-quote regex and one of a said/says/told regex over each text,
keeping the match spans. Run as a script it is the bare whole process: interpreter start,
reading each file, the two scans, writing the spans as JSON Lines. It imports only `json`,
`re` and `sys`, so the process pays for nothing the extractor process would not.
"""

import json
import re
import sys

_BARE_QUOTE_RE = re.compile(r"[\"“][^\"“”\n]*[\"”]")
_BARE_SAID_RE = re.compile(r"\b(?:said|says|told)\b")


def bare_pass(texts: list[str]) -> int:
    found = 0
    for text in texts:
        quotes = [m.span() for m in _BARE_QUOTE_RE.finditer(text)]
        cues = [m.span() for m in _BARE_SAID_RE.finditer(text)]
        found += len(quotes) + len(cues)
    return found


def bare_files(paths: list[str]) -> int:
    """The bare pass as a process: read each file, find the spans, print them."""
    for path in paths:
        with open(path, encoding="utf-8", newline="") as fh:
            text = fh.read()
        quotes = [m.span() for m in _BARE_QUOTE_RE.finditer(text)]
        cues = [m.span() for m in _BARE_SAID_RE.finditer(text)]
        sys.stdout.write(json.dumps({"path": path, "quotes": quotes, "cues": cues}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(bare_files(sys.argv[1:]))
