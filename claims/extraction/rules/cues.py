"""Rules triggered by a reporting cue ("said", "according to", "fired back", ...).

Each rule takes the article and the cue and answers with a `Draft` (a claim: stop), `NO_CLAIM`
(this construction, but nothing to report here: stop) or `None` (not this construction: try
the next rule of the table in `rules/__init__.py`). A rule may rely on the rules before it
having declined, as the table's order says; its docstring gives an example of what it takes.
"""

from __future__ import annotations

import re
from functools import cached_property

from .. import lexicon as lx
from ..mentions import Mention, tokenize
from ..speakers import clause_subject, subject_after, subject_before
from .article import NO_CLAIM, Article, Draft, NoClaim
from .checks import (
    after_and,
    after_common_noun,
    after_determiner,
    complement_ok,
    content_is_before,
    fits_cue,
    only_adjunct_after,
    phrase_opens_clause,
    plausible_speaker,
    reports_speech,
    strong_complement,
    subject_adjacent,
)
from .content import content_after, cut_content, quote_ending_before, quote_or_clause, resumed_quote
from .patterns import (
    CLOSING_QUOTE_ENDINGS,
    NOT_PARENTHETICAL,
    QUOTE_CHARS,
    RELATIVE_REST_RE,
    count_words,
    strip_span,
)

Outcome = Draft | NoClaim | None


class Cue:
    """A cue match and what the rules ask about it, each computed once on first use
    (`cached_property`: after the first read an attribute lookup, no call)."""

    def __init__(self, art: Article, match: re.Match[str]):
        self.art = art
        self.match = match
        self.start, self.end = match.span()
        self.word = match.group()
        self.low = self.word.lower()
        # Which alternative of CUE_RE matched: "acc" (according to), "point" (points out),
        # "phrasal" (fired back), "head" (a "Says" headline) or "verb".
        self.kind = match.lastgroup
        self.belief = self.kind == "verb" and (
            self.low in lx.BELIEF_FORMS or self.low in lx.ATTITUDE_FORMS
        )

    @cached_property
    def sentence(self) -> tuple[int, int]:
        return self.art.sentence(self.start)

    @cached_property
    def c0(self) -> int:
        """Where the cue's clause begins (after a colon or dash of the sentence, if any)."""
        return self.art.clause_start(self.sentence[0], self.start)

    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @cached_property
    def subject(self) -> Mention | None:
        """The noun phrase before the cue, if it can speak; for "Mr. X, who said" the mention
        stays "who" and its antecedent is found."""
        text, s0 = self.art.text, self.sentence[0]
        mention = subject_before(text, self.c0, self.start)
        if mention is not None and mention.relative:
            k = max(text.rfind(sep, s0, mention.start) for sep in (",", "—", " - ", "("))
            mention.antecedent = subject_before(text, s0, k) if k > s0 else None
        if mention is not None and not plausible_speaker(mention, self.low):
            mention = None
        return mention

    @cached_property
    def adjacent_subject(self) -> Mention | None:
        """The subject when it fits the cue and ends next to it ("Smith said", "Smith, 54,
        said", "Smith has repeatedly said")."""
        mention = self.subject
        if mention is None or not fits_cue(mention, self.low):
            return None
        return mention if subject_adjacent(self.art, mention, self.start) else None


def _draft(art: Article, content: tuple[int, int], cue: Cue, mention: Mention | None) -> Draft:
    return Draft(*content, art.kind_of(*content), cue.span(), mention, cue.sentence)


def _phrase_start(mention: Mention) -> int:
    """Where the subject phrase begins, appositives and titles included ("Senator Ada Moss").
    (`phrase_start or start` would take a phrase at offset 0 for an unset one.)"""
    return min(mention.phrase_start, mention.start)


def _too_short(text: str, content: tuple[int, int]) -> bool:
    return content[1] - content[0] < 3 or count_words(text, *content, 2) < 2


# -- filters: cues that are no report ----------------------------------------------------------


def cue_inside_quote_or_claim(art: Article, cue: Cue) -> NoClaim | None:
    """`“We never said that,” she said.`: the first "said" is quoted speech, not a cue; so is
    a cue inside a claim already found, or glued to markup (`<said`, `-said`, `@said`)."""
    cs = cue.start
    if art.in_quote(cs) or art.is_taken(cs) or art.text[cs - 1 : cs] in ("<", "-", "/", "@"):
        return NO_CLAIM
    return None


def cue_in_editors_note(art: Article, cue: Cue) -> NoClaim | None:
    """`Editor’s note: The senator has repeatedly pledged to cut taxes.`: the outlet's note
    on its coverage, not a report of what someone said."""
    notes = art.editors_notes
    if not notes:
        return None  # the usual case: one scan of the text found no note
    return NO_CLAIM if art.paragraph_of(cue.start)[0] in notes else None


def cue_as_adjective(art: Article, cue: Cue) -> NoClaim | None:
    """`the alleged plot`, `his stated goal`: a cue form after a determiner is an adjective."""
    if cue.kind != "acc" and after_determiner(art, cue.start):
        return NO_CLAIM
    return None


def called_as_naming(art: Article, cue: Cue) -> NoClaim | None:
    """`a short film called “Arrival”`: naming, not attribution."""
    if cue.word == "called" and after_common_noun(art, cue.start):
        return NO_CLAIM
    return None


def cue_past_sentence_window(art: Article, cue: Cue) -> NoClaim | None:
    """A cue longer than the sentence window around it: `According` and 2,000 spaces before
    `to` (only in hostile input)."""
    return NO_CLAIM if cue.end > cue.sentence[1] else None


# -- "according to" ------------------------------------------------------------------------


def according_to(art: Article, cue: Cue) -> Outcome:
    """`According to the ministry, the bridge will reopen in May.` or `The bridge will reopen
    in May, according to the ministry.` (also "as reported by", "first stated by")."""
    if cue.kind != "acc":
        return None
    text = art.text
    (s0, s1), ce = cue.sentence, cue.end
    mention, _ = subject_after(text, ce, s1)
    if mention is None:
        return NO_CLAIM
    before = strip_span(text, s0, cue.start)
    if before[1] - before[0] > 3 and count_words(text, *before, 3) >= 3:
        content = _after_leading_adjunct(text, before)
        if art.last_draft_in(s0, s1, *content) is not None:
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
            return NO_CLAIM  # "According to Reuters, X said ...": X's own cue takes it
    if _too_short(text, content):
        return NO_CLAIM
    return _draft(art, content, cue, mention)


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


def belief_without_clause(art: Article, cue: Cue) -> NoClaim | None:
    """`She believes him.`, `He wants a deal.`: belief and stance verbs report only with a
    clause after them ("believes that ...", "wants to ...")."""
    if cue.belief and not complement_ok(art, cue.end, cue.sentence[1], cue.low):
        return NO_CLAIM
    return None


_PASSIVE_BE_RE = re.compile(
    r"(?<!\w)(?:is|are|was|were|be|been|being|’s|'s)(?:[ \t\xa0]+[a-z]+ly)?[ \t\xa0]+\Z"
)


def passive_stance(art: Article, cue: Cue) -> NoClaim | None:
    """`Turnout is expected to rise.`, `She was seen as the favourite.`: a belief or stance
    verb in the passive names no holder of the view; its subject is what the view is about."""
    low = cue.low
    if cue.kind != "verb" or low in lx.SPEECH_FORMS or not low.endswith(("ed", "en", "wn", "ght")):
        return None
    if not (low in lx.BELIEF_FORMS or low in lx.INTENT_FORMS or low in lx.OBJECT_FORMS):
        return None
    if _PASSIVE_BE_RE.search(art.text, max(0, cue.start - 24), cue.start) is None:
        return None
    return NO_CLAIM


def negated_cue(art: Article, cue: Cue) -> NoClaim | None:
    """`He did not say whether ...`, `She declined to say ...`: no report."""
    return NO_CLAIM if art.negated(cue.sentence[0], cue.start) else None


_PASSIVE_BEFORE_RE = re.compile(
    r"\b(?:was|were|been|being|is|are|be)\s+(?:[a-z]+ly\s+|also\s+|not\s+)?\Z", re.IGNORECASE
)


def passive_cue(art: Article, cue: Cue) -> NoClaim | None:
    """`Brockman, whose exit was also announced Friday, ...`: a reporting verb in the passive
    with no clause after it reports nothing of its subject's (its agent, if any, comes after
    "by"); belief and stance verbs in the passive are `passive_stance`'s."""
    if not cue.low.endswith("ed") or not _PASSIVE_BEFORE_RE.search(
        art.text, max(0, cue.start - 30), cue.start
    ):
        return None
    after = art.text[cue.end : cue.end + 12].lstrip()
    if after.startswith(("that", "by", ":", *QUOTE_CHARS)) or after[:1] in QUOTE_CHARS:
        return None
    return NO_CLAIM


_GO_ON_TO_RE = re.compile(r"(?<!\w)(?:went|goes|go|going|gone)\s+on\s+to\s+\Z")


def went_on_to(art: Article, cue: Cue) -> Outcome:
    """`The mayor went on to say that the budget was balanced.` / `…, but went on to say,
    “…”`: the speaker is the subject before "went on to", or the clause's subject."""
    if cue.kind != "verb" or cue.belief:
        return None
    text = art.text
    if text[cue.start - 3 : cue.start - 1] != "to":
        return None  # fast path: most cues follow no "to"
    m = _GO_ON_TO_RE.search(text, max(cue.c0, cue.start - 24), cue.start)
    if m is None:
        return None
    s0, s1 = cue.sentence
    mention = subject_before(text, cue.c0, m.start())
    if mention is None or not plausible_speaker(mention):
        mention = clause_subject(text, s0, m.start())
    if mention is None or not plausible_speaker(mention):
        return NO_CLAIM
    if not complement_ok(art, cue.end, s1, cue.low):
        return NO_CLAIM
    content = content_after(art, cue.start, cue.end, s1, cue.word)
    if _too_short(text, content):
        return NO_CLAIM
    return _draft(art, content, cue, mention)


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
    if _too_short(text, content):
        return NO_CLAIM
    return _draft(art, content, cue, mention)


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
    if rest.startswith(",") and count_words(text, stop, s1, 3) >= 3:
        tail_start = stop + (len(text[stop:s1]) - len(rest)) + 1
        s, e = cut_content(art, tail_start, s1)
        if e > s and art.in_quote(s + 1):
            content = (content[0], e)
    elif art.qindex.containing(content[1] - 1) is not None:
        second = resumed_quote(art, stop, s1)
        if second is not None:
            content = (content[0], second.end)  # `“A,” said X of Y in Z, “B.”`
    if _too_short(text, content):
        return NO_CLAIM
    return _draft(art, content, cue, mention)


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
    pre = text[c0 : _phrase_start(mention)].rstrip()
    if pre.endswith(CLOSING_QUOTE_ENDINGS):
        content = quote_or_clause(art, c0, c0 + len(pre))
    elif not pre:
        q = quote_ending_before(art, s0)
        content = (q.start, q.end) if q is not None else content_after(art, cs, cue.end, s1, "say")
    else:
        return NO_CLAIM
    if content[1] <= content[0]:
        return NO_CLAIM
    return _draft(art, content, cue, mention)


def points_out(art: Article, cue: Cue) -> Outcome:
    """`The auditor pointed out that the fund had no board.`"""
    if cue.kind != "point":
        return None
    content = content_after(art, cue.start, cue.end, cue.sentence[1], "point out")
    mention = subject_before(art.text, cue.c0, cue.start)
    if mention is None or content[1] - content[0] <= 0:
        return NO_CLAIM
    return _draft(art, content, cue, mention)


# -- speaker after the cue ---------------------------------------------------------------------


def quote_then_cue_subject(art: Article, cue: Cue) -> Outcome:
    """`“We will not back down,” said Ana Ruiz, the union's leader.`"""
    if cue.belief or cue.low.endswith("ing"):
        return None
    if not art.text[cue.c0 : cue.start].rstrip().endswith(CLOSING_QUOTE_ENDINGS):
        return None
    return _inverted(art, cue)


def clause_then_cue_subject(art: Article, cue: Cue) -> Outcome:
    """`Prices will keep rising, said Tom Berg, an economist at the bank.`"""
    if cue.belief or cue.low in lx.TELL_FORMS:
        return None
    text = art.text
    cs, ce, c0 = cue.start, cue.end, cue.c0
    s1 = cue.sentence[1]
    if not text[c0:cs].rstrip().endswith(","):
        return None
    apposed = subject_before(text, c0, cs)
    if (
        apposed is not None
        and apposed.proper
        and phrase_opens_clause(art, c0, _phrase_start(apposed))
    ):
        return None  # "Tom Berg, an economist, said ...": the subject comes first
    after_mention, stop = subject_after(text, ce, s1)
    rest = text[stop:s1].strip(" .,;:!?\"”'")
    if after_mention is not None and (not rest or RELATIVE_REST_RE.match(text, stop)):
        return _inverted(art, cue)
    return None


# -- participles: the speaker is the clause subject ------------------------------------------


def _participle(art: Article, cue: Cue) -> Draft | NoClaim:
    """`…, adding that …` / `and arguing that …`: the speaker is the clause's subject, or
    the speaker of a claim already found in the sentence."""
    text = art.text
    cs, ce = cue.start, cue.end
    s0, s1 = cue.sentence
    pre = text[max(s0, cs - 6) : cs].rstrip()
    if not pre.endswith(
        (",", "and", "but", " by", "before", "after", "while", "also", *CLOSING_QUOTE_ENDINGS)
    ):
        return NO_CLAIM
    if cue.low in lx.WEAK_CUES and not strong_complement(art, ce, s1, cue.word):
        return NO_CLAIM
    prior = None
    for d in reversed(art.drafts[-3:]):
        if d.sentence == (s0, s1) and d.mention is not None:
            prior = d
            break
    mention = prior.mention if prior is not None else None
    if mention is None:
        # "Hours later, Trump returned the compliment, telling Reuters ...": the subject is
        # the first noun phrase in the sentence that a verb follows.
        mention = clause_subject(text, s0, cs)
        if mention is None or not plausible_speaker(mention):
            return NO_CLAIM
    content = content_after(art, cs, ce, s1, cue.word)
    if _too_short(text, content):
        return NO_CLAIM
    first = _first_conjoined_participle(text, s0, cs, ce)
    if first is not None and not art.overlaps_taken(first, content[1]):
        content = (first, content[1])
    d = _draft(art, content, cue, mention)
    d.speaker_of = prior
    return d


_CONJOINED_PARTICIPLE_RE = re.compile(r",\s+([a-z]+ing)\b[^,;:.!?“”\"]*\sand\s*$")


def _first_conjoined_participle(text: str, s0: int, cs: int, ce: int) -> int | None:
    """`…, pointing to the costs and arguing that the plan fails`: the cue is the second of
    two participles joined by "and" and takes a that-clause; the claim opens at the first
    participle. (`…, holding signs and chanting slogans` reports no claim of the first.)"""
    if not text[ce : ce + 6].lstrip().startswith("that "):
        return None
    m = _CONJOINED_PARTICIPLE_RE.search(text, s0, cs)
    return m.start(1) if m else None


def participle_clause(art: Article, cue: Cue) -> Outcome:
    """`The minister defended the plan, adding that no jobs would be lost.`"""
    if not cue.low.endswith("ing") or cue.belief:
        return None
    if not art.text[max(cue.c0, cue.start - 3) : cue.start].rstrip().endswith(","):
        return None
    return _participle(art, cue)


def statement_saying(art: Article, cue: Cue) -> Outcome:
    """`The league issued a statement saying the match would be replayed.`: the author of the
    statement (the clause subject) speaks."""
    mention = cue.subject
    if (
        mention is None
        or not cue.low.endswith("ing")
        or mention.pronoun
        or mention.relative
        or not (
            _carries_words(mention)
            or not (
                mention.proper or mention.kind in ("person", "government", "group", "anonymous")
            )
        )
    ):
        return None
    s0, s1 = cue.sentence
    subject = clause_subject(art.text, s0, mention.start)
    if subject is None or not plausible_speaker(subject):
        return None
    if cue.low in lx.WEAK_CUES and not strong_complement(art, cue.end, s1, cue.word):
        return NO_CLAIM
    content = content_after(art, cue.start, cue.end, s1, cue.word)
    if _too_short(art.text, content):
        return NO_CLAIM
    return _draft(art, content, cue, subject)


def _carries_words(mention: Mention) -> bool:
    """A phrase that names a message or a time rather than a speaker: "an email", "a new
    radio ad", "a statement Wednesday" ("X sent an email saying ...": X speaks)."""
    words = mention.text.split()
    last = words[-1].lower().strip(".,’'") if words else ""
    return last in lx.DOCUMENT_NOUNS or last in lx.MESSAGE_NOUNS or last in lx.CALENDAR_WORDS


def conjoined_or_participle(art: Article, cue: Cue) -> Outcome:
    """`She thanked the crew and said the ship was safe.` / `…, insisting that …`: no
    subject next to the cue, so the clause's subject speaks. The rules after this one
    need a subject next to the cue; without one this rule stops the search."""
    if cue.adjacent_subject is not None:
        return None
    if (cue.low.endswith("ing") or after_and(art, cue.sentence[0], cue.start)) and not cue.belief:
        return _participle(art, cue)
    return NO_CLAIM


# -- speaker before the cue --------------------------------------------------------------------


def content_then_subject_cue(art: Article, cue: Cue) -> Outcome:
    """`“The vote is rigged,” he said.` and the parenthetical `The vote, he said, is rigged.`
    (which covers the whole sentence)."""
    mention = cue.adjacent_subject
    if mention is None or cue.belief:
        return None
    text = art.text
    ce, c0 = cue.end, cue.c0
    s0, s1 = cue.sentence
    pre = text[c0 : _phrase_start(mention)].rstrip()
    after = text[ce:s1]
    after_l = after.lstrip()
    if not (
        len(pre) > 1
        and pre.endswith((",", "—", *CLOSING_QUOTE_ENDINGS))
        and content_is_before(art, pre, ce, s1, after_l, cue.word, c0)
    ):
        return None
    content_end = c0 + len(pre)
    content_start = c0
    if pre.endswith(","):
        content_end -= 1
    prev = art.last_draft_in(s0, s1, content_start, content_end)
    if prev is not None:
        content_start = prev
    pre_is_quote = pre.endswith(CLOSING_QUOTE_ENDINGS)
    rest_l = after_l[1:].lstrip()
    if (
        after_l.startswith(",")
        and count_words(text, ce, s1, 3) >= 3
        and not NOT_PARENTHETICAL.match(after_l)
        and (not pre_is_quote or rest_l[:1] in QUOTE_CHARS or rest_l.startswith("that "))
    ):
        # Parenthetical attribution: "A, he said, B." covers the whole sentence.
        rest_start = ce + (len(after) - len(after_l)) + 1
        s, e = cut_content(art, rest_start, s1)
        first_s, _ = strip_span(text, content_start, content_end)
        content = (first_s, e) if e > s else strip_span(text, content_start, content_end)
    else:
        content = quote_or_clause(art, content_start, content_end)
        second = resumed_quote(art, ce, s1) if pre_is_quote else None
        if second is not None:
            content = (content[0], second.end)
    if _too_short(text, content):
        return NO_CLAIM
    return _draft(art, content, cue, mention)


def quote_sentence_then_subject_cue(art: Article, cue: Cue) -> Outcome:
    """`“We are ready.” Lopez said on Tuesday.`: the quote ended the sentence before."""
    mention = cue.adjacent_subject
    if mention is None:
        return None
    text = art.text
    pre = text[cue.c0 : _phrase_start(mention)].rstrip()
    after_l = text[cue.end : cue.sentence[1]].lstrip()
    if pre or not (
        not after_l
        or after_l[0] in ".!?"
        or only_adjunct_after(art, cue.end, cue.sentence[1], cue.low)
    ):
        return None
    q = quote_ending_before(art, cue.sentence[0])
    if q is None:
        return None
    return Draft(q.start, q.end, "direct", cue.span(), mention, cue.sentence)


# Where a stance verb's noun-phrase object ends: before an adjunct of time or circumstance
# ("... during a call with reporters", "... shortly after he spoke", "..., saying ...").
_OBJECT_END_RE = re.compile(
    r",|;|\s+(?:(?:shortly|soon|just|hours|days|weeks)\s+)?(?:after|following|during|amid|"
    r"before|while|as)\b"
)


_NOT_AN_OBJECT = frozenset(("that", "this", "to", "it", "there", "so", "if", "whether"))
_DEFINITE = frozenset(("the", "a", "an", "its", "their", "his", "her", "our", "this"))


def stance_verb_object(art: Article, cue: Cue) -> Outcome:
    """`The mayor thanked the volunteers after the flood.`, `Lund confirmed an agreement with
    the union during a call`: a stance verb whose object is a noun phrase. The claim is the
    verb with its object (`thanked the volunteers`), adjuncts of time and circumstance left
    out; a clause after the verb (`confirmed that …`, `announced he would …`) is not this.
    Thanking, welcoming and protesting make claims only this way."""
    if cue.low not in lx.STANCE_OBJECT_FORMS:
        return None
    content = _stance_object(art, cue)
    if content is None:
        return NO_CLAIM if cue.low[:5] in ("thank", "welco", "prote") else None
    return _draft(art, content, cue, cue.adjacent_subject)


def _stance_object(art: Article, cue: Cue) -> tuple[int, int] | None:
    if cue.low in lx.STANCE_OBJECT_LEMMAS or cue.adjacent_subject is None:
        return None  # the bare form is as often a noun: "the protest", "a welcome step"
    text, s1 = art.text, cue.sentence[1]
    toks = tokenize(text, cue.end, min(s1, cue.end + 60))
    if len(toks) < 2 or text[cue.end : toks[0].start].strip():
        return None
    first = toks[0].low
    if first in _NOT_AN_OBJECT or first in lx.PRONOUNS or first in lx.WH_WORDS:
        return None  # a clause: "confirmed that ...", "announced he would ...", "what ..."
    if toks[0].cap:
        if not cue.low.startswith("thank"):  # "thanked Netanyahu"; "announced Lund had ..."
            return None
    elif cue.low.startswith("welcom") and first not in _DEFINITE:
        return None  # "welcomed several guests": a host's welcome, not a stance
    elif first not in lx.DETERMINERS and (
        first in lx.ADJUNCT_STARTS or first in lx.NON_CLAUSE_STARTS or not first.isalpha()
    ):
        return None
    m = _OBJECT_END_RE.search(text, toks[0].end, s1)
    content = strip_span(text, cue.start, m.start() if m is not None else s1)
    if art.in_quote(content[0]) or _too_short(text, content):
        return None
    return content


def subject_cue_content(art: Article, cue: Cue) -> Outcome:
    """`The mayor said (on Monday) (that) the budget is balanced.`, `She told reporters that
    …`, `He said: “…”`, `They believe the plan will fail.`"""
    mention = cue.adjacent_subject
    if mention is None:
        return None
    s1 = cue.sentence[1]
    if not complement_ok(art, cue.end, s1, cue.low):
        return NO_CLAIM
    content = content_after(art, cue.start, cue.end, s1, cue.word)
    if mention.relative and art.text[: mention.start].rstrip().endswith(","):
        content = _end_of_relative_clause(art, content)
    if content[1] <= content[0] or (
        count_words(art.text, *content, 2) < 2 and not art.in_quote(content[0] + 1)
    ):
        return NO_CLAIM
    return _draft(art, content, cue, mention)


def _end_of_relative_clause(art: Article, content: tuple[int, int]) -> tuple[int, int]:
    """`Hale, who said the mine was safe, left early.`: the relative clause, and so its
    content, ends at the comma before the main clause's verb (a lower-case word that opens no
    clause of its own)."""
    text = art.text
    k = text.find(",", content[0], content[1])
    while k >= 0:
        nxt = tokenize(text, k + 1, min(content[1], k + 40))
        if (
            not art.in_quote(k)
            and nxt
            and nxt[0].text.islower()
            and nxt[0].low not in lx.CLAUSE_LINKS
            and nxt[0].low not in lx.DETERMINERS
            and not nxt[0].low.endswith("ing")
        ):
            return strip_span(text, content[0], k)
        k = text.find(",", k + 1, content[1])
    return content
