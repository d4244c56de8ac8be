"""The characters a reader cannot see (bidirectional overrides and isolates, zero-width
characters), and `strip_invisible`: no Django, so that the import's pool workers, which hash
cleaned texts with `claims.normalise`, start without it (`claims.importers.parallel`).
`claims.html` builds its display helpers on the same table and re-exports both names."""

from __future__ import annotations

import re

# Characters that reorder or hide text.
INVISIBLE = frozenset(
    [
        *range(0x200B, 0x2010),  # ZWSP, ZWNJ, ZWJ, LRM, RLM
        *range(0x202A, 0x202F),  # LRE RLE PDF LRO RLO
        *range(0x2060, 0x2065),  # word joiner, invisible operators
        *range(0x2066, 0x206A),  # LRI RLI FSI PDI
        0xFEFF,  # zero width no-break space (BOM)
    ]
)

_INVISIBLE_RE = re.compile("([" + "".join(re.escape(chr(c)) for c in sorted(INVISIBLE)) + "])")


def strip_invisible(text: str) -> str:
    """`text` without the INVISIBLE characters."""
    # A regex, not str.translate: translate looks every character of a non-ASCII text up in
    # a dict (0.5 ms for a 5 KB article, twice per imported article); the regex scans in C.
    return _INVISIBLE_RE.sub("", text)
