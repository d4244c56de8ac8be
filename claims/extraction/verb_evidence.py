"""Is an -s word after a subject's noun its verb? `The ad features old photos` against
`the city parks department` and `the human rights groups`, from the words around it alone; in
a title-case headline, `Ina Lund Hammers Bank CEO:` against `Consumer Reports:`."""

from __future__ import annotations

import re

from . import lexicon as lx

# Object pronouns: after an -s word they make it a verb ("the ad shows them").
_OBJECT_PRONOUNS = frozenset(("him", "them", "us", "me", "it", "herself", "himself", "itself"))
_NOT_S_VERB_ENDINGS = ("ss", "us", "is", "'s", "’s", "ics")


def s_verb_after_head(tokens: list, i: int, limit: int) -> bool:
    """`The ad features old photos telling voters ...`: after an article and one singular
    noun (the head a verb agrees with), an -s word is the verb when the text after it can
    only be its object: an object pronoun, a number, or a plural noun with at most one
    modifier before it, where the noun phrase ends. Plural words that modify a noun
    (`the city parks department`, `the human rights groups`) and capitalised names (`The
    Teachers Union`, `Goldman Sachs`) stay inside the phrase."""
    det, head, word = tokens[i], tokens[i + 1], tokens[i + 2]
    if det.low not in ("the", "a", "an") or head.cap or not head.low.isalpha():
        return False
    if head.low.endswith("s") or head.low in lx.DETERMINERS or head.low in lx.NP_STOP:
        return False
    low = word.low
    if (
        word.cap
        or len(low) < 4
        or not low.isalpha()
        or not low.endswith("s")
        or low.endswith(_NOT_S_VERB_ENDINGS)
        or low in lx.PLURAL_MODIFIERS
    ):
        return False
    k = i + 3
    if k >= limit:
        return False
    nxt = tokens[k]
    if nxt.low in _OBJECT_PRONOUNS or nxt.text[:1].isdigit():
        return True
    # One lower-case modifier at most, then a plural noun.
    if _modifier(nxt) and k + 1 < limit:
        k += 1
    noun = tokens[k]
    if (
        noun.cap
        or not noun.low.isalpha()
        or not noun.low.endswith("s")
        or noun.low.endswith(_NOT_S_VERB_ENDINGS)
        or noun.low in lx.NP_STOP
    ):
        return False
    # ... where the phrase ends: `the city parks workers union` goes on with a noun.
    if k + 1 >= limit:
        return True
    after = tokens[k + 1]
    return not (
        after.low.isalpha()
        and not after.cap
        and after.low not in lx.NP_STOP
        and after.low not in lx.PREPOSITIONS
        and after.low not in lx.DETERMINERS
        and not after.low.endswith(("ing", "ed"))
    )


def _modifier(tok) -> bool:
    """A lower-case word that may stand before a plural noun (`old` in `old photos`); not a
    relative pronoun (`whose laws`), a determiner or a preposition."""
    low = tok.low
    return (
        not tok.cap
        and low.isalpha()
        and not low.endswith("s")
        and low not in lx.RELATIVE_PRONOUNS
        and low not in lx.DETERMINERS
        and low not in lx.NP_STOP
    )


def title_case_verb(text: str, tokens: list, i: int, n: int, line: tuple[int, int]) -> int:
    """`Ina Lund Hammers Bank CEO: “...”`: in a title-case line before a colon, the index of
    the verb that ends its speaker tokens[i:j], or 0 when there is none. A capital does not
    tell a verb from a name there, so the word must be the -s form of a verb in the table
    (`lx.S_VERB_FORMS`: "Slams", "Says", "Hammers") after one to four capitalised words, with
    something after it (a last word only when it is a speech verb and never a noun: "Lund
    Says:", not "United States:"), and the words before it a name: the article gives its last
    word again outside the `line`, not followed by the -s word (`Consumer Reports`,
    `United States` are names), or a given name opens it (`Elizabeth Warren`)."""
    for j in range(i + 1, min(n, i + 5)):
        prev, word = tokens[j - 1], tokens[j]
        if not (prev.cap and prev.low[:1].isalpha()):
            return 0
        if not (word.cap and word.text[1:].islower() and word.low in lx.S_VERB_FORMS):
            continue
        if j == n - 1 and (word.low not in lx.SPEECH_FORMS or word.low in lx.NOUNISH):
            continue
        if _named_elsewhere(text, prev.text, word.text, line) or (
            j - i >= 2 and lx.given_name_gender(tokens[i].text)
        ):
            return j
    return 0


def _named_elsewhere(text: str, last: str, verb: str, line: tuple[int, int]) -> bool:
    """Does `last` stand as a word outside `line`, not followed by `verb` (a name's part)?"""
    for m in re.finditer(r"\b" + re.escape(last) + r"\b", text):
        if line[0] <= m.start() < line[1]:
            continue
        if not text.startswith(" " + verb, m.end()):
            return True
    return False
