"""Documents and carriers: a statement, letter or post stands for its author ("the letter
said" -> who signed it), and an outlet that only carried the words is the claim's via, not its
speaker ("according to Reuters, X said"; "Interfax reported an FSB statement").

Functions of a `Registry` (registry.py), which they call back to resolve the author they find.
Cost: bounded windows around each mention and claim.
"""

from __future__ import annotations

import bisect
import re

from . import lexicon as lx
from .mentions import Mention, _is_possessive, _strip_possessive, mention_from_tokens, tokenize
from .people import _DETERMINERS, Entity, _norm
from .speakers import clause_subject, subject_before

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up cost)
if TYPE_CHECKING:
    from .registry import Registry

# "in a statement", "through a spokesman": the preposition before a document mention.
_BY_MEANS_OF = ("in", "through", "via", "with")
# "a statement from the FSB", "a letter signed by 500 employees".
_DOC_OWNER_AFTER_RE = re.compile(
    r"\s+(?:(?:put out|issued|released|signed|sent|written)\s+)?(?:by|from)\s+"
)
# "500 employees signed on to the letter": the clause's subject wrote what follows the verb.
_AUTHOR_VERB_BEFORE_RE = re.compile(
    r"\b(?:signed(?: on to| onto)?|wrote|drafted|issued|released|sent|penned|put out|published)"
    r"\s+(?:a|an|the|their|its|his|her|a joint)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_DOC_NOUN_RE: dict[str, re.Pattern[str]] = {}


def _owner_after(text: str, end: int) -> Mention | None:
    """Who is named after a document noun ending at `end`: "a statement from the FSB", "a
    letter signed by 500 employees"; None when nothing names an owner there."""
    after = _DOC_OWNER_AFTER_RE.match(text, end)
    if after is None:
        return None
    toks = tokenize(text, after.end(), min(len(text), after.end() + 80))
    return mention_from_tokens(text, toks, 0, _np_len(toks))


def document_author(reg: Registry, m: Mention, head_words: list[str], pos: int) -> Entity | None:
    """Who issued the statement, letter or post a mention names: its possessor ("Shear's
    post"), a name before it ("an FSB statement"), the subject that issued it ("OpenAI, in
    a statement, said"), or who the article said issued one of that kind before."""
    text = reg.text
    tokens = tokenize(text, m.start, m.end)
    h = next((k for k, t in enumerate(tokens) if t.low in lx.DOCUMENT_NOUNS), len(tokens))
    owned = [
        k
        for k in range(h)
        if _is_possessive(tokens[k].text) or (tokens[k].cap and tokens[k].low not in _DETERMINERS)
    ]
    if owned:  # "the union's letter", "an FSB statement"
        owner = mention_from_tokens(text, tokens, 0, owned[-1] + 1)
        if owner is not None:
            owner.text = _strip_possessive(owner.text)
            owner.name = _strip_possessive(owner.name)
            owner.end = owner.start + len(owner.text)
            ent, _ = reg.resolve(owner, pos)
            return ent
    # "a statement put out by Acme", "a letter from the union"
    owner = _owner_after(text, tokens[h].end) if h < len(tokens) else None
    if owner is not None:
        ent, _ = reg.resolve(owner, pos)
        if ent is not None:
            return ent
    before = text[max(0, m.start - 12) : m.start].split()
    if before and before[-1].lower() in _BY_MEANS_OF:
        cut = text.rfind(before[-1], max(0, m.start - 12), m.start)
        floor = max(0, cut - 200)
        s0 = max(text.rfind(". ", floor, cut), text.rfind("\n", floor, cut), floor - 1) + 1
        owner = subject_before(text, s0, cut)
        if owner is not None and not owner.pronoun:
            ent, _ = reg.resolve(owner, pos)
            if ent is not None and ent.kind != "media":
                return ent
    noun = _norm(head_words[-1])
    found = _DOC_NOUN_RE.get(noun)
    if found is None:
        found = _DOC_NOUN_RE[noun] = re.compile(rf"\b{re.escape(noun)}s?\b", re.IGNORECASE)
    # The last few mentions of that kind of document in the 2,500 characters before.
    for occ in list(found.finditer(text, max(0, m.start - 2500), m.end))[-4:][::-1]:
        floor = max(0, occ.start() - 200)
        s0 = max(text.rfind(". ", floor, occ.start()), text.rfind("\n", floor, occ.start()))
        s0 = s0 + 1 if s0 >= 0 else floor
        if _AUTHOR_VERB_BEFORE_RE.search(text, s0, occ.start()):
            owner = clause_subject(text, s0, occ.start())
            if owner is not None and not owner.pronoun:
                ent, _ = reg.resolve(owner, pos)
                if ent is not None:
                    return ent
        owner = _owner_after(text, occ.end())
        if owner is not None:
            ent, _ = reg.resolve(owner, pos)
            if ent is not None:
                return ent
        for spos, ent in reversed(reg.speakers[-20:]):
            # Who spoke in the sentence that mentioned the document ("X said in a
            # statement"): claims are noted at their content, near that sentence.
            if abs(occ.start() - spos) < 300 and ent.kind != "media":
                return ent
    if reg.speakers and pos - reg.speakers[-1][0] < 1000:
        return reg.speakers[-1][1]  # "..., according to state media. ..., the report said"
    return None


def carried(reg: Registry, s: int, e: int, pos: int) -> Entity | None:
    """The author of the document an outlet reported: "an FSB statement", "the
    ministry's statement", "a statement from the FSB" between the cue and the content."""
    text = reg.text
    tokens = tokenize(text, s, min(e, s + 120))
    for k, t in enumerate(tokens):
        if t.low not in lx.DOCUMENT_NOUNS:
            continue
        i = k
        while i > 0 and (tokens[i - 1].cap or _is_possessive(tokens[i - 1].text)):
            i -= 1
        owner = mention_from_tokens(text, tokens, i, k) if i < k else None
        if owner is None:
            owner = _owner_after(text, t.end)
        if owner is None:
            return None
        owner.text = _strip_possessive(owner.text)
        owner.name = _strip_possessive(owner.name)
        ent, _ = reg.resolve(owner, pos)
        return ent
    return None


def carrier_near(reg: Registry, sentence: tuple[int, int], start: int, end: int, speaker: str):
    """The outlet the sentence names as the channel of the claim text[start:end]; only
    a window around the claim counts (a sentence can be a page of run-on text). The regexes
    run only on a window that holds one of their words (one search in C)."""
    text = reg.text
    s0, s1 = max(sentence[0], start - 200), min(sentence[1], end + 200)
    if reg.lowered is None:
        reg.lowered = text.lower()
    low = reg.lowered  # lower() can change the length ("İ"): then the window's own copy
    hit = (
        carrier_word_in(reg, s0, s1)
        if len(low) == len(text)
        else _CARRIER_WORD_RE.search(text[s0:s1].lower()) is not None
    )
    if not hit:
        return None  # none of the words _VIA_RE and _CARRIER_SUBJECT_RE need
    own = speaker.lower().removeprefix("the ")
    for rx in (_VIA_RE, _CARRIER_SUBJECT_RE):
        at = s0
        while (m := rx.search(text, at, s1)) is not None:
            # Matches may overlap: "according to an FSB statement carried by Interfax" holds
            # "carried by Interfax" inside the first match's words.
            at = max(m.start("np"), m.start() + 1)
            if start <= m.start() < end:
                continue  # a report inside the claim is someone else's
            name = _carrier(m.group("np").split())
            if name and name.lower().removeprefix("the ") != own:
                return name[0].upper() + name[1:]
    return None


def carrier_word_in(reg: Registry, s0: int, s1: int) -> bool:
    """Whether `reg.lowered[s0:s1]` holds one of _CARRIER_WORDS: what
    `_CARRIER_WORD_RE.search(reg.lowered, s0, s1)` answers. The words are found once per
    article with `str.find` (a C scan per word) instead of a regex search per claim window,
    which tries the alternation at every position of a window of 400 characters or more."""
    spans = reg.carrier_spans
    if spans is None:
        low = reg.lowered
        spans = []
        for word in _CARRIER_WORDS:
            k = low.find(word)
            while k >= 0:
                spans.append((k, k + len(word)))
                k = low.find(word, k + 1)
        spans.sort()
        reg.carrier_spans = spans
    i = bisect.bisect_left(spans, (s0, 0))
    while i < len(spans) and spans[i][0] < s1:
        if spans[i][1] <= s1:
            return True
        i += 1
    return False


def _np_len(tokens: list) -> int:
    """Tokens of the noun phrase opening `tokens` (determiner, words, up to a break; the
    caller tokenizes a bounded window, so a long name is read whole)."""
    n = 0
    for t in tokens:
        stop = not t.text[0].isalnum() or (n and t.low in lx.VERB_STOP) or t.low in lx.NP_STOP
        if stop and (t.low != "the" or n):
            break
        n += 1
    return n


# "per Russian media", "according to Reuters", "in statements reported by AFP", "told CNN".
_VIA_RE = re.compile(
    r"\b(?:per|according to|(?:reported|quoted|cited|carried|published|broadcast|aired|released)"
    r" by|told|(?:spoke|speaking|talking)"
    r" to|(?:in|during) an? (?:interview|conversation) with)\s+"
    r"(?P<np>[\w’'&.-]+(?:[ \t]+[\w’'&.-]+){0,3})",
    re.IGNORECASE,
)
# "Interfax later reported", "TASS quoted": an outlet as the subject of a carrying verb.
_CARRIER_SUBJECT_RE = re.compile(
    r"(?P<np>\b[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,3})[ \t]+(?:later[ \t]+|also[ \t]+)?"
    r"(?:reported|quoted|cited|carried)\b"
)
# A word every match of _VIA_RE or _CARRIER_SUBJECT_RE holds: a cheap test first.
_CARRIER_WORDS = (
    "per ",
    "according to",
    "reported",
    "quoted",
    "cited",
    "carried",
    "published",
    "broadcast",
    "aired",
    "released",
    "told",
    "spoke",
    "speaking",
    "talking",
    "interview",
    "conversation",
)
_CARRIER_WORD_RE = re.compile("|".join(_CARRIER_WORDS))
_CARRIER_HEADS = frozenset(
    [
        "media",
        "agency",
        "agencies",
        "outlet",
        "outlets",
        "newspaper",
        "newspapers",
        "broadcaster",
        "television",
        "tv",
        "network",
        "press",
        "wire",
        "daily",
    ]
)


def _carrier(words: list[str]) -> str:
    """The longest opening run of `words` that names an outlet ("Russian media", "AFP"), after
    any leading marks ("according to ... Reuters": _VIA_RE's phrase may open with dots)."""
    while words and not any(ch.isalnum() for ch in words[0]):
        words = words[1:]
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n]).rstrip(".,;:")
        low = phrase.lower()
        if low in lx.CARRIER_NAMES or (
            (low.split()[-1] in _CARRIER_HEADS and n > 1) or low in ("state media", "media")
        ):
            return phrase
    return ""
