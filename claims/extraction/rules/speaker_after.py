"""Cue rules whose speaker comes after the cue: "according to X", "Said X, ...", "“A,” said
X", "“A,” the senator fired back" (phrasal cues), "X pointed out that ...".
"""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..mentions import tokenize
from ..speakers import subject_after, subject_before
from .article import NO_CLAIM, Article, Draft, NoClaim
from .checks import phrase_opens_clause, quote_is_title, reports_speech
from .content import content_after, cut_content, quote_ending_before, quote_or_clause, resumed_quote
from .cue import Cue, Outcome, make_draft, phrase_start, too_short
from .patterns import (
    ADJUNCT_REST_RE,
    CLOSING_QUOTE_ENDINGS,
    PREDICATE_REST_RE,
    RELATIVE_REST_RE,
    count_words,
    strip_span,
)

# -- "according to" ------------------------------------------------------------------------


def according_to(art: Article, cue: Cue) -> Outcome:
    """`According to the ministry, the bridge will reopen in May.` or `The bridge will reopen
    in May, according to the ministry.` (also "as reported by", "first stated by").

    Around a claim with its own cue (`“We will win,” Lund said, according to the Post.`,
    `According to the Post, Lund said ...`) the claim stays Lund's, and the Post is noted
    as the source that carried it (`Article.carriers`; the engine sets `reported_by`)."""
    if cue.kind != "acc":
        return None
    text = art.text
    (s0, s1), ce = cue.sentence, cue.end
    if _carried_document(text, s0, cue.start):
        return NO_CLAIM  # "X said in a statement reported by Interfax that ...": a via
    mention, _ = subject_after(text, ce, s1)
    if mention is None:
        return NO_CLAIM
    be = _BE_BEFORE_RE.search(text, max(s0, cue.start - 30), cue.start)
    if be is not None:
        # "The plan was first reported by the Herald.": what was reported is the subject.
        content = strip_span(text, s0, be.start())
        return NO_CLAIM if too_short(text, content) else make_draft(art, content, cue, mention)
    before = strip_span(text, s0, cue.start)
    long_before = before[1] - before[0] > 3 and count_words(text, *before, 3) >= 3
    coord = _COORDINATED_RE.search(text, before[0], before[1]) if long_before else None
    if coord is not None and _clause_follows(text, mention.end, s1):
        # "A and, according to X, they B": both clauses are the source's (not "... and,
        # according to X, adopted B": a verb phrase keeps the one subject before).
        first = _after_leading_adjunct(text, (before[0], coord.start()))
        if not too_short(text, first) and art.last_draft_in(s0, s1, *first) is None:
            extra = make_draft(art, first, cue, mention)
            extra.rule = "according_to"  # the engine names only the draft a rule returns
            art.add(extra)
        long_before = False
    if long_before:
        content = _after_leading_adjunct(text, before)
        if art.last_draft_in(s0, s1, *content) is not None:
            art.carriers.append((cue.span(), mention, cue.sentence))
            return NO_CLAIM  # "“A,” X said, according to Y.": already attributed
    else:
        comma = text.find(",", mention.end, min(s1, ce + 200))
        while comma >= 0 and art.in_quote(comma):
            comma = text.find(",", comma + 1, min(s1, ce + 200))
        if comma < 0:
            return NO_CLAIM
        # "According to John Smith, a spokesman, the plan ...": skip the appositive.
        nxt = text.find(",", comma + 1, min(s1, comma + 80))
        seg = tokenize(text, comma + 1, nxt) if nxt > 0 else []
        if seg and seg[0].low in ("a", "an", "the") and len(seg) <= 8:
            comma = nxt
        content = cut_content(art, comma + 1, s1)
        if reports_speech(art, *content):
            art.carriers.append((cue.span(), mention, cue.sentence))
            return NO_CLAIM  # "According to Reuters, X said ...": X's own cue takes it
    if too_short(text, content):
        return NO_CLAIM
    return make_draft(art, content, cue, mention)


_COORDINATED_RE = re.compile(r"\s(?:and|but)\Z")


def _clause_follows(text: str, start: int, s1: int) -> bool:
    """After the source's comma a clause opens with its subject: a pronoun, a determiner or
    a capitalised word ("according to X, they will ...", "..., the docks will ...")."""
    comma = text.find(",", start, s1)
    toks = tokenize(text, comma + 1, min(s1, comma + 40)) if comma >= 0 else []
    return bool(toks) and (
        toks[0].cap or toks[0].low in lx.PRONOUNS or toks[0].low in lx.DETERMINERS
    )


_BE_BEFORE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+|first\s+)?\Z")
_WORD_BEFORE_RE = re.compile(r"([\w-]+)\W*\Z")
_COMMENT_NOUNS = lx.DOCUMENT_NOUNS | lx.MESSAGE_NOUNS | frozenset(("comments", "words"))


def _carried_document(text: str, s0: int, cue_start: int) -> bool:
    """`in a statement reported by Interfax`, `in comments quoted by Tass`: the cue follows
    a document or a message, so the outlet only carried it (the claim is its author's, the
    outlet its via); "according to" and a cue after a clause are attributions."""
    if text[cue_start : cue_start + 9].lower().startswith("according"):
        return False
    word = _WORD_BEFORE_RE.search(text, max(s0, cue_start - 40), cue_start)
    return word is not None and word.group(1).lower() in _COMMENT_NOUNS


_LEADING_ADJUNCT_RE = re.compile(r"(?:After|Before|During|Following|Amid)\s[^,;:“”\"]{3,80},\s+")


def _after_leading_adjunct(text: str, content: tuple[int, int]) -> tuple[int, int]:
    """`After the talks, the two sides agreed on a truce, according to X`: the time adjunct
    before the clause is the reporter's framing, not the source's words (kept when the
    sentence quotes: the quoted words mark the span themselves)."""
    m = _LEADING_ADJUNCT_RE.match(text, content[0], content[1])
    span = text[content[0] : content[1]]
    if m is None or count_words(text, m.end(), content[1], 3) < 3 or any(c in span for c in '“”"'):
        return content
    return (m.end(), content[1])


def said_then_subject(art: Article, cue: Cue) -> Outcome:
    """`Said Ana Ruiz, who grew up there, “We were all so proud.”`: "Said" opens the
    sentence, the speaker follows it, then (after a comma or colon) the words."""
    if cue.word not in ("Said", "Says") or art.text[cue.c0 : cue.start].strip():
        return None
    text = art.text
    s1 = cue.sentence[1]
    mention, stop = subject_after(text, cue.end, s1)
    if mention is None or not (mention.proper or mention.pronoun):
        return None
    q = art.qindex.starting_in(stop, min(s1, stop + 200))
    if q is not None:
        content = cut_content(art, q.start, s1)
    else:
        k = stop
        while k < s1 and text[k] in " \t\xa0":
            k += 1
        if k >= s1 or text[k] not in ",:":
            return None
        content = cut_content(art, k + 1, s1)
    if too_short(text, content):
        return NO_CLAIM
    return make_draft(art, content, cue, mention)


# -- phrasal cues ------------------------------------------------------------------------------


def _inverted(art: Article, cue: Cue) -> Draft | NoClaim:
    """Content before the cue, speaker after it: `“A,” said X.` / `A, said X, “B.”`."""
    text = art.text
    cs, ce, c0 = cue.start, cue.end, cue.c0
    s0, s1 = cue.sentence
    mention, stop = subject_after(text, ce, s1)
    if mention is None:
        return NO_CLAIM
    pre = text[c0:cs].rstrip()
    content_end = c0 + len(pre)
    if pre.endswith(","):
        content_end -= 1
    content_start = c0
    prev = art.last_draft_in(s0, s1, content_start, content_end)
    if prev is not None:
        content_start = prev
    content = quote_or_clause(art, content_start, content_end)
    rest = text[stop:s1].lstrip()
    extended = False
    if rest.startswith(",") and count_words(text, stop, s1, 3) >= 3:
        tail_start = stop + (len(text[stop:s1]) - len(rest)) + 1
        s, e = cut_content(art, tail_start, s1)
        if e > s and art.in_quote(s + 1):
            content = (content[0], e)
            extended = True
    if not extended and art.qindex.containing(content[1] - 1) is not None:
        second = resumed_quote(art, stop, s1)
        if second is not None:
            content = (content[0], second.end)  # `“A,” said X of Y in Z, “B.”`
    if too_short(text, content):
        return NO_CLAIM
    return make_draft(art, content, cue, mention)


def quote_then_phrasal_cue(art: Article, cue: Cue) -> Outcome:
    """`“That is simply false,” the senator fired back.` (also "shot back", "chimed in")."""
    if cue.kind != "phrasal":
        return None
    if not art.text[cue.c0 : cue.start].rstrip().endswith(CLOSING_QUOTE_ENDINGS):
        return None
    return _inverted(art, cue)


def phrasal_cue(art: Article, cue: Cue) -> Outcome:
    """`The mayor fired back that the figures were wrong.` or `“A,” the mayor went on.`"""
    if cue.kind != "phrasal":
        return None
    text = art.text
    cs, c0 = cue.start, cue.c0
    s0, s1 = cue.sentence
    mention = subject_before(text, c0, cs)
    if mention is None:
        return NO_CLAIM
    pre = text[c0 : phrase_start(mention)].rstrip()
    if pre.endswith(CLOSING_QUOTE_ENDINGS):
        content = quote_or_clause(art, c0, c0 + len(pre))
    elif not pre:
        q = quote_ending_before(art, s0)
        content = (q.start, q.end) if q is not None else content_after(art, cs, cue.end, s1, "say")
    else:
        return NO_CLAIM
    if content[1] <= content[0]:
        return NO_CLAIM
    return make_draft(art, content, cue, mention)


def points_out(art: Article, cue: Cue) -> Outcome:
    """`The auditor pointed out that the fund had no board.`"""
    if cue.kind != "point":
        return None
    content = content_after(art, cue.start, cue.end, cue.sentence[1], "point out")
    mention = subject_before(art.text, cue.c0, cue.start)
    if mention is None:
        return NO_CLAIM
    if content[1] - content[0] <= 0:
        return None  # `“A,” X pointed out.`: the content is before, the rules after take it
    return make_draft(art, content, cue, mention)


# -- speaker after the cue ---------------------------------------------------------------------


def quote_then_cue_subject(art: Article, cue: Cue) -> Outcome:
    """`“We will not back down,” said Ana Ruiz, the union's leader.`"""
    if cue.belief or cue.low.endswith("ing"):
        return None
    pre = art.text[cue.c0 : cue.start].rstrip()
    pre_end = cue.c0 + len(pre)
    if not pre.endswith(CLOSING_QUOTE_ENDINGS):
        if not _quote_then_comma(art, cue.c0, pre_end):
            return None
        pre_end -= 1  # `“We left”, added Lund, ...`: the comma outside the closing mark
    if _title_case_quote(art, pre_end) and quote_is_title(
        art, cue.c0, pre_end, cue.end, cue.sentence[1]
    ):
        return None  # `Berg, the author of “Open Roads,” said the era ... is over`
    return _inverted(art, cue)


def _quote_then_comma(art: Article, c0: int, pre_end: int) -> bool:
    """Is the clause before the comma at pre_end - 1 one closed double-quoted quote (the
    British and European `“A”, said X`)? A clause that only ends with a quote (`The storm
    was “a test”, said X`) is clause_then_cue_subject's."""
    text = art.text
    if text[pre_end - 1 : pre_end] != "," or text[pre_end - 2 : pre_end - 1] not in ('"', "”"):
        return False
    q = art.qindex.containing(pre_end - 2)
    return q is not None and q.closed and q.end == pre_end - 1 and not text[c0 : q.start].strip()


def _title_case_quote(art: Article, pre_end: int) -> bool:
    """Does the quote ending at pre_end open with a capital, as a title does (“Open Roads”)?"""
    q = art.qindex.containing(pre_end - 1)
    text = art.text[q.start : q.end] if q is not None else ""
    return next((ch for ch in text if ch.isalpha()), "").isupper()


def clause_then_cue_subject(art: Article, cue: Cue) -> Outcome:
    """`Prices will keep rising, said Tom Berg, an economist at the bank.`"""
    if cue.belief or cue.low in lx.TELL_FORMS or cue.low.endswith("ing"):
        return None  # "..., adding levity": a participle is never inverted
    text = art.text
    cs, ce, c0 = cue.start, cue.end, cue.c0
    s1 = cue.sentence[1]
    if not text[c0:cs].rstrip().endswith(","):
        return None
    after_mention, stop = subject_after(text, ce, s1)
    rest = text[stop:s1].strip(" .,;:!?\"”'")
    apposed = subject_before(text, c0, cs)
    if (
        after_mention is not None
        and after_mention.proper
        and PREDICATE_REST_RE.match(text, stop)
        and (apposed is None or not text[apposed.end : cs].strip(" ,"))
    ):
        # "The Bridge, said Tom Berg, will close.": the cue parts the subject from its
        # predicate; the claim runs over both, as "“A,” said X, “B.”" does (and "The Bridge"
        # before the comma is no speaker; "Tom Berg, an economist, said Lund, ..., was" is
        # Berg's).
        tail = cut_content(art, stop + 1, s1)
        return make_draft(art, (strip_span(text, c0, cs)[0], tail[1]), cue, after_mention)
    if (
        apposed is not None
        and not _named_both_sides(text, c0, cs, apposed, after_mention, rest)
        and apposed.proper
        and phrase_opens_clause(art, c0, phrase_start(apposed))
        and text[apposed.end : cs].lstrip()[:1] in (",", "(")
    ):
        # "Tom Berg, an economist, said ...": the subject comes first; but in "Berg was
        # angry, says Lund" the name is the subject of the content.
        return None
    if after_mention is not None and (
        not rest
        or RELATIVE_REST_RE.match(text, stop)
        # "..., said Lund in an interview.": a named speaker of "said", then time or place
        or (
            cue.low in ("said", "says")
            and after_mention.proper
            and ADJUNCT_REST_RE.match(text, stop)
        )
    ):
        return _inverted(art, cue)
    return None


def _named_both_sides(text: str, c0: int, cs: int, apposed, after, rest: str) -> bool:
    """`Fine, said Ina Lund.`: one capitalised word is all the clause before the cue, a name
    after it ends the sentence: the name is the speaker, the word its content (too short)."""
    return (
        after is not None
        and after.proper
        and not rest
        and strip_span(text, c0, cs) == (phrase_start(apposed), apposed.end)
    )
