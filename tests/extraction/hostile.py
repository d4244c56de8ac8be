"""Hostile texts for the extractor, shared by the tests and `bench/bench_hostile.py`.

Each builder makes a text of roughly n characters that once made (or could make) a regex or
a loop do more than linear work. Add a builder here when a new shape is found: the slow
validity test and the linearity benchmark pick it up.
"""

from __future__ import annotations


def _letters(i: int) -> str:
    """A distinct lower-case word for each i ("aaaa", "aaab", ...): names that differ."""
    return "".join("abcdefghij"[int(d)] for d in f"{i:04d}")


HOSTILE = {
    "straight-quotes": lambda n: '"' * n,
    "curly-quotes": lambda n: "“”" * (n // 2),
    "opening-quotes": lambda n: "“" * n,
    "alternating-quote-words": lambda n: '"a" ' * (n // 4),
    "honorifics": lambda n: "Mr. " * (n // 4),
    "said": lambda n: "said " * (n // 5),
    "said-with-names": lambda n: "Mr. Smith said. " * (n // 16),
    "quote-said": lambda n: '"Yes," he said. ' * (n // 16),
    "one-huge-paragraph": lambda n: (
        (
            "The minister said that the plan was sound, and officials "
            "say it will work, according to reports. "
        )
        * (n // 100)
    ),
    "unbalanced-quotes": lambda n: "“He said it ” was “ fine, " * (n // 26),
    "exclamations": lambda n: "!" * n,
    "dots": lambda n: "." * n,
    "spaces-and-commas": lambda n: ", " * (n // 2),
    "nul-bytes": lambda n: "\x00said\x00" * (n // 6),
    "rtl-overrides": lambda n: "\u202e“said\u202d” he said\u2066. " * (n // 16),
    "according-to": lambda n: "according to " * (n // 13),
    "capitalised-words": lambda n: "Aaa " * (n // 4),
    "newlines": lambda n: "\n“a\n" * (n // 4),
    "colons": lambda n: "A: “b” " * (n // 7),
    # Interview transcripts: one long one, and many short ones each looking for its guest.
    "interview-turns": lambda n: "Ana Silva.\n\n" + "Q: Why?\n\nA: Yes.\n\n" * (n // 20),
    "interview-blocks": lambda n: (
        "Ana Silva.\n\nQ: Why?\n\nA: Yes.\n\nQ: How?\n\nx\n\nx\n\nx\n\nx\n\n" * (n // 50)
    ),
    "dash-turns": lambda n: "— Why?\n\n— Yes.\n\n" * (n // 16),
    "named-turns": lambda n: "LUND: Why?\n\nBERG: Yes.\n\n" * (n // 24),
    # Regexes that open with a character class and look behind it (names, honorifics,
    # sentence ends, quote marks): glued capitals, mark runs, doubled apostrophes.
    "glued-honorifics": lambda n: "MrMrs.Dr.Miss Gen.Sen " * (n // 22),
    "mark-runs": lambda n: "a.?!;. " * (n // 7),
    "apostrophe-runs": lambda n: "''`'``" * (n // 6),
    # Claim nouns are found by looking back from each "that" over whitespace.
    "claims-that": lambda n: "his claims that " * (n // 16),
    "that-runs": lambda n: "that " * (n // 5),
    "claim-then-whitespace": lambda n: "claim" + " " * (n - 9) + "that",
    # Content cuts open with [,\s] and look behind it.
    # Descriptions matched against every person named around them, one person per sentence
    # (holders.holder, its capitalised path), and "the company" in one long paragraph
    # (companies.nearest_company reads back to the paragraph before).
    "described-people": lambda n: "".join(
        f"Sen. Ana Q{_letters(i)} spoke. The Ohio Republican said no. " for i in range(n // 52)
    ),
    "the-company": lambda n: (
        "Analysts at Brill Corp. were calm. The company said yes. " * (n // 57)
    ),
    "cut-clauses": lambda n: "he said A, and he said, but also — which ”, and " * (n // 48),
}


def cleanup_text(n: int) -> str:
    """Boilerplate lines for `clean_text`, roughly n characters."""
    line = "Photo: x " + "a " * 50 + "\n" + "Leave a Reply\n" + "“quoted,” he said.\n"
    return line * max(1, n // len(line))
