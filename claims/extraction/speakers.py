"""Where the speaker phrase stands next to a cue: before it ("Mr. Blinken said"), after it
("..., said Mr. Blinken, a spokesman"), as the clause's subject, or as a possessor ("his
warning"). Each finder returns a `Mention` (see `mentions.py`); resolving it to one speaker
per article is the `Registry`'s job (`registry.py`).

Cost is bounded by a fixed window per cue, not by the article length.
"""

from __future__ import annotations

from . import lexicon as lx
from .adjuncts import (
    NO_SUBJECT_END,
    PLACE_TIME_PREPOSITIONS,
    RELEASE_PARTICIPLES,
    description_speaks_for,
    document_author_at,
    finite_cue,
    lone_adverb,
    mute_thing,
    name_like,
    object_of_preposition,
    phrase_start_of,
    time_adjunct_start,
)
from .mentions import (
    _INITIAL_RE,
    _LEADING_SKIP,
    _QUANTIFIERS,
    Mention,
    Token,
    _affiliation,
    _back_np_start,
    _is_possessive,
    _is_wordish,
    _np_end,
    _only_time_words,
    _strip_possessive,
    mention_from_tokens,
    tokenize,
)
from .verb_evidence import s_verb_after_head


def _segment_start(tokens: list[Token], j: int) -> int:
    """Index of the first token after the nearest separator before tokens[j]."""
    i = j
    while i > 0 and _is_wordish(tokens[i - 1]):
        i -= 1
    return i


# A reduced relative clause after a subject: a past participle and its complement, "backed by
# the council", "briefed on the talks". After "by" any "-ed" word reads as a passive; with
# another preposition only participles that describe a source's place or access do, since
# "the meeting deteriorated from there" and "declined to comment" are finite verbs.
_SOURCE_PARTICIPLES = frozenset(
    (
        "briefed",
        "involved",
        "based",
        "stationed",
        "posted",
        "embedded",
        "employed",
        "engaged",
        "interviewed",
        "contacted",
        "quoted",
        "assigned",
        "appointed",
        "elected",
        "detained",
        "held",
        "born",
    )
)
_SOURCE_PREPS = frozenset(("on", "in", "with", "to", "by", "at", "about", "for"))
_TIME_HEADS = lx.CALENDAR_WORDS | lx.TIME_NOUNS
_ING_PREPS = frozenset(
    ("on", "in", "at", "through", "near", "outside", "inside", "across", "around", "along")
)


def reduced_relative(tokens: list[Token], k: int, limit: int) -> bool:
    """tokens[k:limit] is a reduced relative clause: a lower-case past participle and a
    preposition ("backed by the council", "briefed on the talks"), then at most six words,
    none of them a pronoun or a conjunction (a second verb would be a clause of its own)."""
    if k + 2 > limit or limit - k > 8:
        return False
    t, prep = tokens[k], tokens[k + 1].low
    if t.cap or not t.low.isalpha():
        return False
    if not (
        (prep == "by" and t.low.endswith("ed") and len(t.low) > 4)
        or (t.low in _SOURCE_PARTICIPLES and prep in _SOURCE_PREPS)
        # "Protesters marching through the streets chanted", "two officials speaking on
        # condition of anonymity said": a present participle and its place or manner.
        # ("spent Monday campaigning in Iowa": not after a day or a time)
        or (
            t.low.endswith("ing")
            and len(t.low) > 5
            and prep in _ING_PREPS
            and not (k > 0 and tokens[k - 1].low in _TIME_HEADS)
        )
    ):
        return False
    return all(
        _is_wordish(x) and x.low not in lx.PRONOUNS and x.low not in ("and", "or", "but")
        for x in tokens[k + 2 : limit]
    )


def _drop_parentheses(tokens: list[Token]) -> list[Token]:
    """Remove short parenthesised asides ("Sen. X (D-Mo.) said") from a token list.

    Callers call it only when their window holds a "(" (always a token of its own)."""
    out: list[Token] = []
    depth_start = -1
    for t in tokens:
        if t.text == "(":
            depth_start = len(out)
            out.append(t)
        elif t.text == ")" and depth_start >= 0:
            if len(out) - depth_start <= 8:
                del out[depth_start:]
            else:
                out.append(t)
            depth_start = -1
        else:
            out.append(t)
    return out


_CLOSERS = frozenset(['"', "”"])
_OPENERS = frozenset(['"', "“"])


def _drop_title_quote(tokens: list[Token]) -> list[Token]:
    """`Tom Berg, the author of “Open Roads,” said`: the marks of a short title in an
    appositive, closed after its comma, are dropped, so that the appositive reads as one
    (`the author of Open Roads,`). The title opens with a capital after a lower-case word."""
    k = len(tokens) - 3
    while k >= 0 and len(tokens) - k <= 10 and tokens[k].text not in _OPENERS:
        k -= 1
    if (
        k < 1
        or len(tokens) - k > 10
        or not tokens[k - 1].text.islower()
        or not tokens[k + 1].text[:1].isupper()
    ):
        return tokens
    return tokens[:k] + tokens[k + 1 : -1]


# How far before a cue its subject may begin: "Rich Roe, a Tallahassee operative who ran
# McCain's 2008 win in the state and now runs the early vote, said" (an appositive chain with
# a relative clause) needs about 200 characters.
_SUBJECT_WINDOW = 240


def subject_before(text: str, start: int, cue_start: int) -> Mention | None:
    """The speaker phrase ending just before a cue, e.g. "Mr. Blinken" in "Mr. Blinken said".

    Handles appositives ("Ukraine's president, Volodymyr Zelensky, said"), role phrases with
    relative clauses ("the head of X that has ..., said") and intervening auxiliaries.
    Returns None when no plausible subject is found. Cost is bounded by the window size.
    """
    if cue_start - start > _SUBJECT_WINDOW:
        # A window cut inside a word would read its tail as a word ("ive director" of
        # "executive director"): start at the next word instead.
        start = cue_start - _SUBJECT_WINDOW
        while start < cue_start and text[start - 1].isalnum():
            start += 1
    tokens = tokenize(text, start, cue_start)
    if text.find("(", start, cue_start) >= 0:  # "(" is always a token of its own
        tokens = _drop_parentheses(tokens)
    if len(tokens) >= 4 and tokens[-1].text in _CLOSERS and tokens[-2].text == ",":
        tokens = _drop_title_quote(tokens)
    j = len(tokens)
    while (
        j > 0
        and _is_wordish(tokens[j - 1])
        and (
            tokens[j - 1].low in lx.AUX_ADVERBS
            or tokens[j - 1].low in lx.TRAILING_SUBJECT_ADVERBS
            or (
                tokens[j - 1].low.endswith("ly")
                and not tokens[j - 1].cap
                and len(tokens[j - 1].low) > 4
            )
        )
    ):
        j -= 1
    if j == 0:
        return None
    k = time_adjunct_start(tokens, j)
    if (
        0 < k < j
        and (tokens[k - 1].text == "," or _is_wordish(tokens[k - 1]))
        and tokens[k - 1].low not in NO_SUBJECT_END
    ):
        # "The company late Friday announced", "Tom Berg last week said": the subject ends
        # before the time adjunct (checks.subject_adjacent lets the adjunct stand there).
        published = k > 1 and tokens[k - 1].low in RELEASE_PARTICIPLES
        m = _subject_ending(text, start, cue_start, tokens, k - published)
        if m is not None and not object_of_preposition(tokens, m):
            if published and not m.relative:
                # "A poll released Monday showed": the participle goes with the adjunct.
                m.phrase_end = max(m.phrase_end, tokens[k - 1].end)
            return m
        # "Democrats trying to regain control of the Senate in November say": the phrase
        # before the adjunct is an object; read the words as before.
    return _subject_ending(text, start, cue_start, tokens, j)


def _subject_ending(
    text: str, start: int, cue_start: int, tokens: list[Token], j: int
) -> Mention | None:
    """The subject phrase that ends at tokens[j] (subject_before's parsing)."""
    # "Mr. Trump, however, said": drop a parenthetical adverb between commas.
    if (
        j >= 3
        and tokens[j - 1].text == ","
        and tokens[j - 3].text == ","
        and (
            tokens[j - 2].low in _LEADING_SKIP
            or tokens[j - 2].low in lx.AUX_ADVERBS
            or tokens[j - 2].low in ("too", "though", "meanwhile", "however", "instead")
        )
    ):
        j -= 3
    if tokens[j - 1].text == ",":
        m = _appositive_subject(text, tokens, j)
        return m
    m = _plain_subject(text, tokens, j)
    if m is not None and not m.pronoun and not m.relative and finite_cue(text, cue_start):
        # "Lund in her speech said", "Lund at the time said": the phrase is the object
        # of a preposition; the subject stands before the preposition.
        k = next((n for n, t in enumerate(tokens) if t.start == min(m.phrase_start, m.start)), 0)
        if k >= 2 and tokens[k - 1].low in PLACE_TIME_PREPOSITIONS and _is_wordish(tokens[k - 2]):
            outer = subject_before(text, start, tokens[k - 1].start)
            if outer is not None and all(
                t.low in lx.AUX_ADVERBS or t.low.endswith("ly")
                for t in tokenize(text, outer.end, tokens[k - 1].start)
            ):
                if name_like(outer):
                    outer.phrase_end = max(outer.phrase_end, m.phrase_end, m.end)
                    return outer
                o = next((n for n, t in enumerate(tokens) if t.start >= phrase_start_of(outer)), 0)
                if (
                    o
                    and tokens[o - 1].low in lx.PREPOSITIONS
                    and outer.text.split()[-1][:1].islower()
                ):
                    return m  # "spill into the streets in protests": no subject before
                if description_speaks_for(outer, m):
                    outer.phrase_end = max(outer.phrase_end, m.phrase_end, m.end)
                    return outer
                if mute_thing(outer):
                    return None  # "uprising in Russia reveals": a thing, and no speaker
    return m


def _appositive_subject(text: str, tokens: list[Token], j: int) -> Mention | None:
    """ "A, B, said" and longer chains ("Cory James, 22, of Flint, Mich., said").

    Comma segments are read right to left while they are noun phrases or modifiers
    (relative clauses, prepositional phrases, ages). The leftmost proper name wins
    ("Ukraine's president, Volodymyr Zelensky, said"); otherwise the leftmost noun phrase
    ("Kazakhstan, which Mr. Blinken visited, said"). The other noun phrases give the role.
    """
    segs: list[tuple[int, int, str]] = []
    end = j - 1  # index of the comma before the cue
    while end > 0 and len(segs) < 6:
        start = _segment_start(tokens, end)
        if start >= end:
            break
        first = tokens[start].low
        if (
            first in lx.RELATIVE_PRONOUNS
            or first.startswith(("who’", "who'"))
            or first in lx.PREPOSITIONS
            or first in ("including", "now", "then", "like", "whose", "both", "speaking")
            # "many of whose aides left", "some of whom": a relative clause
            or (
                start + 2 < end
                and tokens[start + 1].low == "of"
                and tokens[start + 2].low in ("whom", "whose", "which")
            )
            or first.endswith("ing")
            or reduced_relative(tokens, start, end)
            or all(t.text[:1].isdigit() for t in tokens[start:end])
            or (end - start == 1 and (first in _LEADING_SKIP or first in lx.AUX_ADVERBS))
        ):
            kind = "mod"
        else:
            a = start
            while a < end and tokens[a].low in _LEADING_SKIP:
                a += 1
            e = _np_end(tokens, a, end) if a < end else a
            if a < end and tokens[a].low.endswith("ing") and a > start:
                e = a  # "also campaigning in Wisconsin": a participle phrase
            if a == e and a < end and tokens[a].low.endswith("ing"):
                kind = "mod"
            elif a < e and (e >= end - 1 or reduced_relative(tokens, e, end)):
                kind = "np"
            elif a < e or (a < end and tokens[a].low in ("the", "a", "an")):
                kind = "desc"  # a description: "a director at Human Rights Watch"
            else:
                kind = "other"
            if kind in ("np", "desc"):
                start = a
        if kind == "other":
            break
        segs.append((start, end, kind))
        if start == 0 or tokens[start - 1].text != ",":
            break
        end = start - 1
    nps = [(st, en) for st, en, k in segs if k == "np"]
    if not nps:
        # Not a chain: the phrase right before the comma, if it starts a noun phrase.
        b_start = _segment_start(tokens, j - 1)
        while b_start < j - 1 and tokens[b_start].low in _LEADING_SKIP:
            b_start += 1
        if b_start < j - 1 and (
            tokens[b_start].low in lx.RELATIVE_PRONOUNS or tokens[b_start].low in lx.PREPOSITIONS
        ):
            return None  # "that Sanders can catch Clinton, said X": not a subject
        seg = _np_end(tokens, b_start, j - 1) if b_start < j - 1 else b_start
        return mention_from_tokens(text, tokens, b_start, seg) if seg > b_start else None
    mentions = []
    for st, en in reversed(nps):  # left to right
        e = _np_end(tokens, st, en)
        m = mention_from_tokens(text, tokens, st, e)
        if m is not None:
            mentions.append(m)
    if not mentions:
        return None
    head = next((m for m in mentions if m.proper), mentions[0])
    descs = [(st, en) for st, en, k in segs if k == "desc" and tokens[st].start > head.start]
    for st, en in descs:
        e = _np_end(tokens, st, en)
        m = mention_from_tokens(text, tokens, st, e)
        if m is not None:
            mentions.append(m)
    for other in mentions:
        if other is head:
            continue
        if head.kind == "person":
            head.role = head.role or _role_text(other)
        head.affiliation = head.affiliation or other.affiliation
    head.phrase_start = mentions[0].phrase_start or mentions[0].start
    return head


def _role_text(m: Mention) -> str:
    """A description used as a role: "the foreign secretary of India" -> "foreign secretary"."""
    return _role_words(m.text.split())


def _role_words(words: list[str]) -> str:
    while words and (
        words[0].lower() in lx.DETERMINERS or _is_possessive(words[0]) or words[0] in lx.DEMONYMS
    ):
        words = words[1:]
    for cut in ("of", "for", "at", "in", "with", "who", "which", "from"):
        if cut in words:
            words = words[: words.index(cut)]
    return " ".join(words)


_PARTITIVE_HEADS = _QUANTIFIERS | frozenset(
    ("none", "each", "half", "dozens", "hundreds", "thousands", "two", "three", "four", "five")
)


def _plain_subject(text: str, tokens: list[Token], j: int) -> Mention | None:
    seg_start = _segment_start(tokens, j)
    while seg_start < j and tokens[seg_start].low in _LEADING_SKIP:
        seg_start += 1
    if seg_start >= j:
        return None
    if tokens[j - 1].low in lx.PRONOUNS or tokens[j - 1].low in ("who", "which"):
        return mention_from_tokens(text, tokens, j - 1, j)
    if (
        tokens[j - 1].low == "that"
        and j >= 2
        and _is_wordish(tokens[j - 2])
        and tokens[j - 2].low not in lx.NP_STOP
    ):
        t = tokens[j - 1]  # "a message that said"
        return Mention(t.start, t.end, t.text, "", "", relative=True, phrase_start=t.start)
    if (
        j >= 3
        and tokens[j - 2].low == "of"
        and tokens[j - 1].low in ("them", "us")
        and (tokens[j - 3].low in _PARTITIVE_HEADS or tokens[j - 3].text[:1].isdigit())
        and (j == 3 or not _is_wordish(tokens[j - 4]) or tokens[j - 4].low in ("yet", "and", "but"))
    ):
        # "Most of them said", "Dozens of us say": part of a group named before.
        t = tokens[j - 3]
        phrase = text[t.start : tokens[j - 1].end]
        name = phrase[:1].upper() + phrase[1:]
        return Mention(t.start, tokens[j - 1].end, phrase, name, "anonymous", phrase_start=t.start)
    if tokens[j - 1].low in _QUANTIFIERS and (
        j == 1 or not _is_wordish(tokens[j - 2]) or tokens[j - 2].low in ("yet", "and", "but")
    ):
        t = tokens[j - 1]  # "Another said", "Most say"
        return Mention(
            t.start, t.end, t.text, t.text.capitalize(), "anonymous", phrase_start=t.start
        )
    first = tokens[seg_start].low
    if (first not in lx.PREPOSITIONS and first not in lx.NP_STOP) or first == "the":
        end = _np_end(tokens, seg_start, j)
        author = document_author_at(tokens, end, j)
        if author:
            # "a statement from the Union said", "a study conducted by Acme found": the
            # document speaks for its author, named after it; the phrase opens with it.
            m = mention_from_tokens(text, tokens, author, j)
            if m is not None:
                m.phrase_start = tokens[seg_start].start
            return m
        # The phrase must reach the cue, or be followed by a relative clause.
        if end > seg_start and (
            end == j
            or (
                tokens[end].low in ("that", "who", "which", "whose")
                # "Contrast that with the mayor": a demonstrative, not a relative clause
                and not (end + 1 < j and tokens[end + 1].low in lx.PREPOSITIONS)
            )
            or _only_time_words(tokens, end, j)
            # "A city official briefed on the talks said"; not a bare "Video recorded in ...".
            or (
                (end - seg_start >= 2 or tokens[end].low.endswith("ing"))
                and reduced_relative(tokens, end, j)
            )
        ):
            return mention_from_tokens(text, tokens, seg_start, end)
    i = _back_np_start(tokens, j, seg_start)
    if i + 2 < j and s_verb_after_head(tokens, i, j):
        # "The ad features old photos telling voters": the words before the cue are the
        # verb's object; the subject speaks, its phrase running to the cue.
        m = mention_from_tokens(text, tokens, i, i + 2)
        if m is not None:
            m.phrase_end = tokens[j - 1].end
        return m
    if i < j:
        return mention_from_tokens(text, tokens, i, j)
    return None


def clause_subject(text: str, start: int, end: int) -> Mention | None:
    """The subject of the main clause in text[start:end]: the first comma-separated segment
    whose opening noun phrase is followed by more words (a verb), skipping intro phrases."""
    end = min(end, start + 300)
    tokens = tokenize(text, start, end)
    if text.find("(", start, end) >= 0:  # "(" is always a token of its own
        tokens = _drop_parentheses(tokens)
    i = 0
    n = len(tokens)
    candidate: Mention | None = None
    while i < n:
        k = i
        while k < n and tokens[k].text != ",":
            k += 1
        a = i
        while a < k and (
            tokens[a].low in _LEADING_SKIP
            # "Shortly after the vote, Lund warned"; not "Carly Fiorina"
            or (lone_adverb(text, tokens[a].text) and (a + 1 == k or not tokens[a + 1].cap))
        ):
            a += 1
        if a < k and tokens[a].low.endswith("ing") and not tokens[a].cap:
            i = k + 1
            continue  # "Speaking at a town hall, Trump ...": skip the participle phrase
        if (
            a < k
            and tokens[a].cap
            and tokens[a].low.endswith("ing")
            and a + 1 < k
            and (tokens[a + 1].low in lx.PREPOSITIONS or not tokens[a + 1].cap)
        ):
            i = k + 1
            continue
        if a < k and tokens[a].low in ("he", "she", "they", "we", "i", "it") and a + 1 < k:
            return mention_from_tokens(text, tokens, a, a + 1)  # "he supported X and said"
        if a < k and tokens[a].low not in lx.PREPOSITIONS and _is_wordish(tokens[a]):
            e = _np_end(tokens, a, k)
            if a < e < k and not _only_time_words(tokens, e, k):
                return mention_from_tokens(text, tokens, a, e)
            if e == k and candidate is None and k < n:
                # "Dan Backer, the fund's lawyer, has rejected ...": an appositive chain.
                m = mention_from_tokens(text, tokens, a, e)
                if m is not None and m.proper:
                    candidate = m
            elif e == a and candidate is not None:
                return candidate
        i = k + 1
    return candidate


def subject_after(text: str, cue_end: int, end: int) -> tuple[Mention | None, int]:
    """The speaker phrase right after an inverted cue ("..., said Mr. Smith, a spokesman.").

    Returns the mention and the offset where the phrase (with any appositive) ends.
    """
    end = min(end, cue_end + 300)
    tokens = tokenize(text, cue_end, end)
    if not tokens:
        return None, cue_end
    j = _np_end(tokens, 0, len(tokens))
    if j == 0:
        return None, cue_end
    m = mention_from_tokens(text, tokens, 0, j)
    stop = tokens[j - 1].end
    if m is not None and j < len(tokens) and tokens[j].text == ",":
        k = _np_end(tokens, j + 1, len(tokens))
        if k > j + 1 and (
            tokens[j + 1].low in lx.DETERMINERS
            or not tokens[j + 1].cap
            or tokens[j + 1].low in lx.TITLE_WORDS
        ):
            # A description runs to the next comma or the sentence end: "Larry Noble, an
            # attorney with the Campaign Legal Center."
            while (
                k < len(tokens)
                and tokens[k].text not in (",", ";", ".", "“", '"')
                and k - j < 25
                and tokens[k].low not in ("who", "which", "whose")
            ):
                k += 1
        # An appositive ends the sentence or is closed by a comma; otherwise it is a clause.
        if k > j + 1 and (k == len(tokens) or tokens[k].text in (",", ";", ".", "“", '"')):
            appos = [t.text for t in tokens[j + 1 : k]]
            if m.kind == "person":
                m.role = m.role or _role_words(appos)
                m.affiliation = m.affiliation or _affiliation(appos)
            stop = tokens[k - 1].end
    return m, stop


def possessor_before(text: str, start: int, noun_start: int) -> Mention | None:
    """The owner of a claim noun: "China's (longstanding) declaration", "his warning"."""
    tokens = tokenize(text, max(start, noun_start - 120), noun_start)
    j = len(tokens)
    # Skip adjectives between the possessor and the noun.
    k = j
    while (
        k > 0
        and _is_wordish(tokens[k - 1])
        and not tokens[k - 1].cap
        and (
            tokens[k - 1].low not in lx.PRONOUNS
            and tokens[k - 1].low not in ("his", "their", "its")
        )
        and not _is_possessive(tokens[k - 1].text)
        and j - k < 3
    ):
        k -= 1
    if k == 0:
        return None
    t = tokens[k - 1]
    if t.low in ("his", "her", "their", "its", "my", "our"):
        p = {"his": "m", "her": "f", "their": "p", "its": "n", "my": "s", "our": "p"}[t.low]
        return Mention(t.start, t.end, t.text, "", "", pronoun=p)
    if _is_possessive(t.text) and t.cap:
        i = k - 1
        while (
            i > 0
            and k - i < 6
            and (tokens[i - 1].cap or _INITIAL_RE.match(tokens[i - 1].text))
            and not _is_possessive(tokens[i - 1].text)
        ):
            i -= 1
        m = mention_from_tokens(text, tokens, i, k)
        if m is not None:
            # The mention keeps the possessive off its span.
            stripped = _strip_possessive(m.text)
            m.end = m.start + len(stripped)
            m.text = stripped
            if not m.name or m.name.endswith(("’s", "'s")):
                m.name = _strip_possessive(m.name)
        return m
    return None
