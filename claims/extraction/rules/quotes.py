"""Rules triggered by a quotation no cue has claimed, and by a claim noun ("the claim that").

A quote rule takes the article and a `QuoteSite` and answers like a cue rule: a `Draft`,
`NO_CLAIM` (handled: stop) or `None` (try the next rule). The first three extend or continue
a claim already found; the rest look for a speaker around the quote.
"""

from __future__ import annotations

import bisect
import re

from .. import lexicon as lx
from ..mentions import _back_np_start, mention_from_tokens, tokenize
from ..speakers import clause_subject, possessor_before, subject_before
from ..text import Quote
from ..verb_evidence import title_case_verb
from .article import NO_CLAIM, Article, Draft, NoClaim
from .checks import fits_cue, plausible_speaker
from .content import cut_content
from .patterns import (
    ANY_VERB_FIRST_RE,
    ANY_VERB_RE,
    CUE_RE,
    DASH_CREDIT_RE,
    count_words,
    strip_span,
)

Outcome = Draft | NoClaim | None


class QuoteSite:
    """A quote no rule has claimed yet, its sentence and paragraph, and the claim before it
    (`prev`) that it may continue."""

    __slots__ = ("p0", "prev", "q", "quote_only", "s0", "s1")

    def __init__(self, art: Article, q: Quote, prev: Draft | None, drafts: list[Draft], i: int):
        self.q = q
        self.s0, self.s1 = art.sentence(q.start)
        self.p0 = art.paragraph_of(q.start)[0]
        # A quote after "Calif." opens a sentence even though the abbreviation hid the break.
        opens = q.start <= self.s0 or art.text[max(0, q.start - 3) : q.start].rstrip().endswith(
            (".", "!", "?")
        )
        self.quote_only = opens and (self.s1 - q.end <= 2 or not art.cue_in(q.end, self.s1))
        if (
            prev is not None
            and prev.kind == "indirect"
            and i >= 1
            and drafts[i - 1].kind in ("direct", "mixed")
            and drafts[i - 1].sentence == prev.sentence
            and self.quote_only
            and not _continues_speaker(art, prev, drafts[i - 1])
        ):
            # `“A,” said X, who said B. “C.”`: bridge over the claim nested in the
            # attribution of the split quote.
            prev = drafts[i - 1]
        self.prev = prev

    def continues(self) -> Draft | None:
        """The previous claim, when this quote stands alone and may continue it."""
        prev = self.prev
        if prev is not None and prev.kind in ("direct", "mixed") and self.quote_only:
            return prev
        return None


def _continues_speaker(art: Article, prev: Draft, quoted: Draft) -> bool:
    """`“A,” X said, adding that B.`: B is the quoted speaker's own further words (a
    participle that goes on speaking), so a quote after the sentence continues B, not A."""
    if prev.speaker_of is not quoted or prev.cue is None:
        return False
    return art.text[prev.cue[0] : prev.cue[1]].lower() in lx.CONTINUING_PARTICIPLES


# -- continuations of a claim already found --------------------------------------------------


def split_quote_continuation(art: Article, site: QuoteSite) -> Draft | NoClaim | None:
    """`“We tried,” she said. “Nobody listened.”`: a quote split around its cue. When the
    attribution ends its sentence and the second half opens a new one, each half is a claim
    of its own (a desk checks them apart), the second credited by the same cue; within one
    sentence (`“We tried,” she said, “and failed.”`) the second half joins the claim, which
    then runs from the first opener to the last closer."""
    prev = site.continues()
    if prev is None:
        return None
    q = site.q
    n_breaks = bisect.bisect_right(art.breaks, q.start) - bisect.bisect_right(art.breaks, prev.end)
    if art.paragraph_of(prev.start)[0] != site.p0 or n_breaks > 1:
        return None
    if n_breaks == 1 and prev.cue is not None and prev.end <= prev.cue[0] < q.start:
        return Draft(q.start, q.end, "direct", prev.cue, None, (site.s0, site.s1), speaker_of=prev)
    art.extend(prev, q.end)
    return NO_CLAIM


def quote_after_reported_speech(art: Article, site: QuoteSite) -> Draft | None:
    """`She says the law is unfair. “It hurts families who work hard.”`: a sentence that is
    one quote, right after a sentence of reported speech in the same paragraph, goes on with
    that speaker's words: a claim of its own credited by the same cue."""
    prev = site.prev
    if prev is None or prev.kind != "indirect" or prev.cue is None or not site.quote_only:
        return None
    q = site.q
    n_breaks = bisect.bisect_right(art.breaks, q.start) - bisect.bisect_right(art.breaks, prev.end)
    if art.paragraph_of(prev.start)[0] != site.p0 or n_breaks != 1:
        return None
    return Draft(q.start, q.end, "direct", prev.cue, None, (site.s0, site.s1), speaker_of=prev)


def quoted_sentence_continuation(art: Article, site: QuoteSite) -> Draft | None:
    """`“We tried,” she said. But “nobody listened to us.”`: the sentence right after a
    quote credited behind it (`“A,” X said.`), in the same paragraph, that ends in quoted
    words of a sentence (`… to us.”`) without opening on them and holds no cue goes on with
    that speaker's words: the whole sentence is a claim credited by the same cue. A quoted
    name or label inside the sentence (`He hosts “Late Night” now.`) ends no sentence, a title
    at its end is too short for a sentence, and a quote after a colon is the colon's (`colon_introduced_quote`)."""
    prev = site.prev
    if prev is None or prev.kind == "indirect" or prev.cue is None or site.quote_only:
        return None
    q = site.q
    s0, s1 = site.s0, site.s1
    text = art.text
    closer = 2 if text[q.end - 2 : q.end] == "''" else 1
    last = text[q.end - closer - 1 : q.end - closer]
    if not q.closed or last not in (".", "!", "?") or q.end < s1 - 2:
        return None
    if count_words(text, q.start, q.end, 5) < 5:
        return None  # a title that ends the sentence (`signed on for “Rush Hour.”`)
    if text[s0 : q.start].rstrip().endswith(":"):
        return None
    if prev.cue[0] < prev.end or s0 < prev.cue[1] or not s0 < q.start < s1:
        return None  # the cue must stand between the quote and this sentence
    n_breaks = bisect.bisect_right(art.breaks, s0) - bisect.bisect_right(art.breaks, prev.end)
    if art.paragraph_of(prev.start)[0] != site.p0 or n_breaks != 1:
        return None
    # The quote may run on over sentences of its own, never past its line (a closed quote
    # ends before a newline). Nothing in [s0, s1) is taken: not the quote (a site's), nor the
    # two marks after it, nor the words before it, since `prev`, the claim that starts last
    # before the quote, ends before its cue and the cue before s0, and claims never overlap.
    s1 = max(s1, q.end)
    if any(not art.in_quote(m.start()) for m in CUE_RE.finditer(art.text, s0, s1)):
        return None  # a cue of its own: the sentence is another report
    start, end = strip_span(text, s0, q.end)
    return Draft(start, end, "mixed", prev.cue, None, (s0, s1), speaker_of=prev)


def multi_paragraph_quote(art: Article, site: QuoteSite) -> NoClaim | None:
    """A quote whose paragraph ends without a closing mark goes on in the next paragraph,
    which opens with a new quote mark (`“A.\n\n“B.”`): the claim is extended over it."""
    prev = site.continues()
    if prev is None:
        return None
    q, p0 = site.q, site.p0
    prev_q = art.qindex.containing(prev.end - 1)
    if (
        q.start == p0
        and art.prev_paragraph_end(p0) <= prev.end + 2
        and prev_q is not None
        and not prev_q.closed
    ):
        art.extend(prev, q.end)
        return NO_CLAIM
    return None


def continuation_paragraph(art: Article, site: QuoteSite) -> Draft | None:
    """A paragraph that is one quote of five words or more, right after the paragraph whose
    last claim is a quote, goes on with that speaker's words (`“A,” she said.\n\n“B.”`): a
    claim of its own credited by the same cue, as the second half of a split quote is."""
    prev = site.continues()
    if prev is None:
        return None
    q, p0 = site.q, site.p0
    if (
        q.start == p0
        and art.paragraph_of(prev.end - 1)[1] == art.prev_paragraph_end(p0)
        and site.s1 - q.end <= 2
        and count_words(art.text, q.start, q.end, 5) >= 5
    ):
        return Draft(q.start, q.end, "direct", prev.cue, None, (site.s0, site.s1), speaker_of=prev)
    return None


# -- a speaker around the quote ----------------------------------------------------------------


_PUT_IT = (
    r"(?:(?:might|may|would|could|will|can|should|must)\s+)?"  # "as one might put it"
    r"(?:has\s+|had\s+|once\s+|memorably\s+|later\s+)?(?P<cue>puts?\s+it)\b"
)
_AS_PUT_IT_BEFORE_RE = re.compile(
    r"(?<!\w)[Aa]s\s+(?P<np>[^,.;:!?“”\"]{1,80}?)\s+" + _PUT_IT + r"[^,.;:!?“”\"]{0,40}?[,:]\s*\Z"
)
_AS_PUT_IT_AFTER_RE = re.compile(r",?\s*as\s+(?P<np>[^,.;:!?“”\"]{1,80}?)\s+" + _PUT_IT)


def as_x_put_it(art: Article, site: QuoteSite) -> Draft | None:
    """`As the mayor put it, “We are not for sale.”` / `“We are not for sale,” as the mayor
    put it.`: "put it" credits the quote to the phrase after "as"."""
    text, q = art.text, site.q
    lo = max(site.s0, q.start - 160)
    m = None
    if text.find("put", lo, q.start) >= 0:
        m = _AS_PUT_IT_BEFORE_RE.search(text, lo, q.start)
    if m is None and text.find("put", q.end, q.end + 100) >= 0:
        m = _AS_PUT_IT_AFTER_RE.match(text, q.end, min(site.s1, q.end + 100))
    if m is None:
        return None
    toks = tokenize(text, m.start("np"), m.end("np"))
    mention = mention_from_tokens(text, toks, 0, len(toks)) if toks else None
    if mention is None or not plausible_speaker(mention):
        return None
    return Draft(q.start, q.end, "direct", m.span("cue"), mention, (site.s0, site.s1))


_AND_THEN_RE = re.compile(r",?\s+and(?:\s+then|\s+later)?(?:\s+[a-z]+ly)?\s*\Z")


def colon_introduced_quote(art: Article, site: QuoteSite) -> Draft | None:
    """A quote introduced by a colon: the headline `Mayor Lund: “No new taxes”`, `... said
    pollster Ann Cho: “...”`, or `He told the crowd:` ending the previous paragraph."""
    text, q = art.text, site.q
    k = q.start
    while k > 0 and text[k - 1] in " \t\r\n\xa0":
        k -= 1
    if k == 0 or text[k - 1] != ":":
        return None
    colon = k - 1
    cs0, _ = art.sentence(max(0, colon - 1))
    if colon - cs0 > 400:
        cs0 = colon - 400
    sentence = (site.s0, site.s1)
    found = None
    for m in CUE_RE.finditer(text, cs0, colon):
        if art.in_quote(m.start()) or m.group("acc"):
            continue
        mention = subject_before(text, art.clause_start(cs0, m.start()), m.start())
        # (not `The new plan: “...”`: a cue of intent or belief that doubles as a noun
        # needs a subject that can hold a view, checks.fits_cue)
        low = m.group().lower()
        if (
            mention is not None
            and plausible_speaker(mention)
            and (low in lx.SPEECH_FORMS or fits_cue(mention, low))
        ):
            if found is None:
                found = (m.span(), mention)
        elif found is not None and _AND_THEN_RE.search(text, cs0, m.start()):
            # `“A,” he said, and then predicted: “B.”`: the cue next to the colon is the
            # quote's, its speaker the subject of the first.
            found = (m.span(), found[1])
    if found is not None:
        return Draft(q.start, q.end, "direct", found[0], found[1], sentence)
    toks = tokenize(text, max(cs0, colon - 120), colon)
    if toks and not toks[-1].cap and colon - cs0 <= 120:
        # "In a radio interview, Lund went further: “...”": the clause subject.
        subject = clause_subject(text, cs0, colon)
        if subject is not None and (subject.proper or subject.pronoun):
            return Draft(q.start, q.end, "direct", (colon, colon + 1), subject, sentence)
    if not toks or not toks[-1].cap:
        return None
    i = _back_np_start(toks, len(toks), 0)
    if _object_of_preposition(toks, i):
        subject = clause_subject(text, cs0, colon) if colon - cs0 <= 300 else None
        if (
            subject is not None
            and (subject.proper or subject.pronoun)
            and subject.end <= toks[i].start
        ):
            return Draft(q.start, q.end, "direct", (colon, colon + 1), subject, sentence)
        return None
    # `Ina Lund Hammers Bank CEO: “...”`: the speaker ends before a title-case verb.
    j = title_case_verb(text, toks, i, len(toks), (cs0, q.end)) or len(toks)
    mention = mention_from_tokens(text, toks, i, j)
    if mention is None or not (
        mention.proper or mention.kind in ("organization", "media", "government", "group")
    ):
        return None
    return Draft(q.start, q.end, "direct", (colon, colon + 1), mention, sentence)


# Prepositions whose object, named right before a colon, is not who speaks after it: `... a
# blunt message to Mayor Lund:`, `writing at The Daily Post:`, `by the Herald's Ana Cho:`.
# "from" is left out (`More from Lund and Berg:` credits them), as is "according to".
_OBJECT_PREPOSITIONS = frozenset(
    ["to", "at", "by", "on", "in", "with", "for", "about", "into", "against", "toward", "towards"]
)


def _object_of_preposition(toks: list, i: int) -> bool:
    """Is the noun phrase opening at toks[i] the object of a preposition (`to Lund`)?"""
    if i == 0 or toks[i - 1].text not in _OBJECT_PREPOSITIONS:
        return False
    return not (toks[i - 1].low == "to" and i >= 2 and toks[i - 2].low == "according")


def dash_credit(art: Article, site: QuoteSite) -> Draft | None:
    """A quote credited after a dash, on its line or the next: `“Vote.” — Rosa Lind`."""
    text, q = art.text, site.q
    m = DASH_CREDIT_RE.match(text, q.end)
    if m is None:
        return None
    toks = tokenize(text, m.start("name"), m.end("name"))
    mention = mention_from_tokens(text, toks, 0, len(toks)) if toks else None
    if mention is None:
        return None
    return Draft(q.start, q.end, "direct", m.span("dash"), mention, (site.s0, site.s1))


def quote_then_unlisted_verb(art: Article, site: QuoteSite) -> Draft | None:
    """`“Get out of my office,” Lund barked.` / `“Splendid!” beamed Ann Cho.`: a quote closed
    with a comma (or ? !) and followed by a name or pronoun and a past-tense verb is
    attributed even when the verb is not in the lexicon."""
    text, q = art.text, site.q
    if not q.closed or text[q.end - 2 : q.end - 1] not in (",", "?", "!"):
        return None
    m = ANY_VERB_RE.match(text, q.end) or ANY_VERB_FIRST_RE.match(text, q.end)
    if m is None:
        return None
    toks = tokenize(text, m.start("subj"), m.end("subj"))
    mention = mention_from_tokens(text, toks, 0, len(toks)) if toks else None
    if mention is None or not (mention.proper or mention.pronoun):
        return None
    return Draft(q.start, q.end, "direct", m.span("verb"), mention, (site.s0, site.s1))


# -- headline lines ----------------------------------------------------------------------------

_LINE_CREDIT_RE = re.compile(
    r"[ \t]*(?P<name>[A-Z][\w.'’&-]*(?:[ \t]+[A-Z][\w.'’&-]*){0,4}):[ \t]+(?P<content>\S)"
)
_LINE_MAX = 250  # a headline or a one-line summary, not a paragraph of prose


def name_colon_line(art: Article, para: tuple[int, int]) -> Outcome:
    """A one-line paragraph credited before a colon, as headlines are: `Lund: Council Has Lost
    Its Way`, `Health Ministry: clinic to open in May`. The name must be a person or a body
    that the article names again below ("The Latest:", "UPDATE:" and other labels are not),
    the line short and without a cue."""
    p0, p1 = para
    text = art.text
    if p1 - p0 > _LINE_MAX or "\n" in text[p0:p1].strip():
        return None
    m = _LINE_CREDIT_RE.match(text, p0, p1)
    if m is None or art.overlaps_taken(m.start("content"), p1):
        return None
    name = m.group("name")
    if name.isupper() and len(name) > 4:  # "BREAKING", "FIX IS IN": a label, not a speaker
        return NO_CLAIM
    toks = tokenize(text, m.start("name"), m.end("name"))
    if not toks or toks[0].low in lx.DETERMINERS or toks[-1].low in lx.HEADLINE_LABELS:
        return NO_CLAIM
    # `Ina Lund Slams Bank CEO: Time to Go`: the speaker ends before a title-case verb.
    toks = toks[: title_case_verb(text, toks, 0, len(toks), para) or len(toks)]
    mention = mention_from_tokens(text, toks, 0, len(toks))
    if mention is None or not (
        mention.proper or mention.kind in ("organization", "media", "government")
    ):
        return NO_CLAIM
    if text.find(toks[-1].text, p1) < 0:
        return NO_CLAIM  # a speaker the article never names again is a headline phrase
    content = strip_span(text, m.start("content"), p1)
    if count_words(text, *content, 3) < 3:
        return NO_CLAIM
    colon = m.end("name")
    return Draft(*content, art.kind_of(*content), (colon, colon + 1), mention, art.sentence(p0))


# -- claim nouns -------------------------------------------------------------------------------


def claim_noun_that(art: Article, noun: tuple[int, int, int]) -> Outcome:
    """`The ministry's claim that the dam is safe ...`, `Lund's warning that prices will
    rise`: a possessor, a claim noun and a that-clause."""
    ns, ne, end = noun
    text = art.text
    if art.in_quote(ns) or art.is_taken(ns):
        return NO_CLAIM
    s0, s1 = art.sentence(ns)
    mention = possessor_before(text, s0, ns)
    if mention is None:
        return NO_CLAIM
    content = cut_content(art, end, s1)
    if count_words(text, *content, 3) < 3:
        return NO_CLAIM
    return Draft(*content, art.kind_of(*content), (ns, ne), mention, (s0, s1))
