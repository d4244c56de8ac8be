"""Cue rules whose speaker is the subject next to the cue, before it: "“A,” he said.", "The mayor
said the budget is balanced.", "The mayor thanked the volunteers."
"""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..mentions import _LEADING_SKIP, _TIME_WORDS, tokenize
from .article import NO_CLAIM, Article, Draft
from .checks import complement_ok, content_is_before, only_adjunct_after
from .content import (
    content_after,
    continuation_quote,
    cut_content,
    label_end,
    quote_ending_before,
    quote_or_clause,
    resumed_quote,
)
from .cue import Cue, Outcome, make_draft, phrase_start, too_short
from .patterns import (
    CLOSING_QUOTE_ENDINGS,
    CUE_RE,
    NOT_PARENTHETICAL,
    PREDICATE_REST_RE,
    QUOTE_CHARS,
    count_words,
    strip_span,
)

# -- speaker before the cue --------------------------------------------------------------------


_QUOTE_THEN_NAME_RE = re.compile(
    r"[,.!?][”\"][ \t\xa0]+(?:\xad?[A-Z][\w’'\xad.-]*[ \t\xa0]*){1,4}\Z"
)


def content_then_subject_cue(art: Article, cue: Cue) -> Outcome:
    """`“The vote is rigged,” he said.` and the parenthetical `The vote, he said, is rigged.`
    (which covers the whole sentence)."""
    mention = cue.adjacent_subject
    if mention is None or cue.belief:
        return None
    text = art.text
    ce, c0 = cue.end, cue.c0
    s0, s1 = cue.sentence
    pre = text[c0 : phrase_start(mention)].rstrip()
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
        if _QUOTE_THEN_NAME_RE.search(text, c0, content_end):
            # `“A,” Tom Berg, a spokesman for Mayor Ana Ruiz told the Post.`: the appositive
            # is not closed, and the name after the quote is the subject, not the cue's.
            return None
    prev = art.last_draft_in(s0, s1, content_start, content_end)
    if prev is not None:
        content_start = prev
    pre_is_quote = pre.endswith(CLOSING_QUOTE_ENDINGS)
    rest_l = after_l[1:].lstrip()
    if (
        after_l.startswith(",")
        # ", will close.": a short predicate still resumes the clause
        and (count_words(text, ce, s1, 3) >= 3 or PREDICATE_REST_RE.match(text, ce))
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
        # `“A,” X said Monday, “B.”`; unquoted, `A, X said Monday, “and B.”`
        second = resumed_quote(art, ce, s1) if pre_is_quote else continuation_quote(art, ce, s1)
        if second is not None:
            content = (content[0], second.end)
    if _only_adverbs(text, *content):
        return None  # `Later, in May, Ana Ruiz questioned the plan.`: the content is after
    if too_short(text, content):
        return NO_CLAIM
    return make_draft(art, content, cue, mention)


def _only_adverbs(text: str, start: int, end: int) -> bool:
    """`Then, last week, Ana Ruiz called.`: what stands before the subject is an adverb of
    time or sequence, no content."""
    toks = tokenize(text, start, end)
    if 1 < len(toks) <= 4 and toks[0].low in _INTRO_PREPOSITIONS and "," not in text[start:end]:
        return True  # "In the end, X told The Herald.", "In Paris, X said."
    return all(
        t.low in _LEADING_SKIP or t.low in _TIME_WORDS or not t.text[0].isalpha() for t in toks
    )


_INTRO_PREPOSITIONS = frozenset(("in", "at", "on", "for", "during", "after", "before", "with"))


def quote_sentence_then_subject_cue(art: Article, cue: Cue) -> Outcome:
    """`“We are ready.” Lopez said on Tuesday.`: the quote ended the sentence before."""
    mention = cue.adjacent_subject  # never None here: conjoined_or_participle takes those
    text = art.text
    pre = text[cue.c0 : phrase_start(mention)].rstrip()
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
    return make_draft(art, content, cue, cue.adjacent_subject)


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
    # Never in a quote (cue_inside_quote_or_claim drops such cues) nor too short: the content
    # holds the cue word and the word right after it.
    return strip_span(text, cue.start, m.start() if m is not None else s1)


_WHAT_BEFORE_RE = re.compile(r"(?<!\w)[Ww]hat\s+\Z")


def what_x_called(art: Article, cue: Cue) -> Outcome:
    """`The council passed what Mayor Lund called a “historic” budget.`: a free relative
    "what X called" with a quoted label is X's claim of that phrase, from "what" to the end
    of the label (`what she describes as “a disgrace,”`)."""
    if not (cue.low.startswith("call") or cue.low.startswith("describ")):
        return None
    mention = cue.adjacent_subject  # never None here: conjoined_or_participle takes those
    text = art.text
    start = phrase_start(mention)
    what = _WHAT_BEFORE_RE.search(text, max(0, start - 6), start)
    if what is None:
        return None
    q = art.qindex.starting_in(cue.end, min(cue.sentence[1], cue.end + 40))
    if q is None or not q.closed or CUE_RE.search(text, cue.end, q.start) is not None:
        return None
    end = q.end
    closer = 2 if text[q.end - 2 : q.end] == "''" else 1
    if _LABEL_GOES_ON_RE.match(text, q.end) and text[q.end - closer - 1] not in ",.!?":
        # `what it calls “smart” profiles of voters`: the label modifies a noun phrase that
        # goes on after it, as far as the cue's content goes.
        _, end = label_end(
            art, content_after(art, cue.start, cue.end, cue.sentence[1], cue.word), cue.low
        )
        end = max(end, q.end)
    return make_draft(art, strip_span(text, what.start(), end), cue, mention)


# After a quoted label, a lower-case word that goes on with its noun phrase (not a conjunction,
# a preposition other than "of", or a clause word).
_LABEL_GOES_ON_RE = re.compile(
    r"[ \t\xa0]+(?!(?:and|but|or|as|to|in|on|at|for|with|by|from|that|which|who|when|while|"
    r"after|before|than|because|if|is|are|was|were|has|have|had|will|would)\b)[a-z]"
)


def subject_cue_content(art: Article, cue: Cue) -> Outcome:
    """`The mayor said (on Monday) (that) the budget is balanced.`, `She told reporters that
    …`, `He said: “…”`, `They believe the plan will fail.`"""
    mention = cue.adjacent_subject  # never None here: conjoined_or_participle takes those
    s1 = cue.sentence[1]
    if not complement_ok(art, cue.end, s1, cue.low):
        return NO_CLAIM
    content = content_after(art, cue.start, cue.end, s1, cue.word)
    if mention.relative and art.text[: mention.start].rstrip().endswith(","):
        content = _end_of_relative_clause(art, content)
    elif SUBORDINATE_OPEN_RE.match(art.text, cue.sentence[0], mention.start):
        content = end_of_subordinate_clause(art, content)
    content = label_end(art, content, cue.low)
    if content[1] <= content[0] or (
        count_words(art.text, *content, 2) < 2 and not art.in_quote(content[0] + 1)
    ):
        return NO_CLAIM
    return make_draft(art, content, cue, mention)


# A sentence that opens with a subordinate clause holding the cue: "Though she conceded that
# A, B followed.", "While Lund says A, the council ...".
SUBORDINATE_OPEN_RE = re.compile(
    r"[\s“\"]*(?:(?:But|And|Yet|So)\s+(?=[a-z]))?(?i:though|although|even\s+though|while|whereas|"
    r"even\s+as|despite|when|as|after|because|since|if|before|once|until|unless)\s+[^,;:]*\Z"
)
# The comma that ends such a clause: a comma (inside or after a closing quote) followed by
# the main clause's subject: a name ("Lund won", "the Huffington Post reported"), a
# determiner or pronoun and a lower-case word ("others argue", "she's tacked"), or a bare
# noun phrase of up to three words and a verb in the past or an auxiliary ("ships stayed
# away", "public sentiment has").
_NOT_A_SUBJECT_WORD = (
    r"(?!(?:and|or|but|which|who|whom|whose|that|what|where|why|how|whether|not|also|already|"
    r"still|even|just|then|so|yet|now|only|as|if|in|on|at|to|of|for|with|by|from|when|while|"
    r"[a-z]+ly|[a-z]+ing)\b)"
)
_MAIN_CLAUSE_RE = re.compile(
    r",[”\"]?\s+(?="
    r"(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,4}[a-z]"
    r"|(?:the|a|an|his|her|their|its|our|your|this|these|those|some|many|most|several|others?|"
    r"another|he|she|it|they|we|you|I|there|nobody|no\s+one|everyone|someone)"
    r"(?:[’'](?:s|re|ve|d|ll|m))?\s+[a-z]"
    rf"|(?:{_NOT_A_SUBJECT_WORD}[a-z][\w-]*\s+){{1,3}}"
    r"(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|"
    r"[a-z]{2,}ed)\s)"
)


def end_of_subordinate_clause(art: Article, content: tuple[int, int]) -> tuple[int, int]:
    """`Though she conceded she is “not a natural speaker,” Lund won the vote.`: the content
    of a cue in a fronted subordinate clause ends where the main clause begins (a quote
    closed at that comma keeps its closing mark)."""
    s, e = content
    m = _MAIN_CLAUSE_RE.search(art.text, s, e)
    while m is not None and art.in_quote(m.start()) and art.text[m.start() + 1] not in '”"':
        m = _MAIN_CLAUSE_RE.search(art.text, m.end(), e)  # a comma inside a quote: its own
    if m is None:
        return content
    if art.text[m.start() + 1] in '”"':
        return s, m.start() + 2
    return strip_span(art.text, s, m.start())


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
