"""In-article coreference: one `Entity` per speaker of an article, and how each mention
reached it ("Mr. Blinken", "he", "the secretary" -> "Antony J. Blinken").

`Registry.resolve` returns the entity and one of the `RESOLUTIONS` below; every claim carries
that word (`ExtractedClaim.speaker_resolution`), so a reviewer sees why a speaker was chosen.
Built fresh for every article; nothing is kept between calls. Cost: a prescan of the article's
capitalised names (one regex pass), then work per mention bounded by the names seen.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import lexicon as lx
from .mentions import (
    _INSTITUTION_WORDS,
    Mention,
    _country_of,
    _is_possessive,
    _strip_possessive,
    mention_from_tokens,
    tokenize,
)
from .speakers import clause_subject, subject_before

# Proper names anywhere in the text (for "Mr. Blinken" -> "Antony J. Blinken" and pronouns).
# Two to five capitalised tokens; middle initials allowed. Bounded repetition keeps it linear.
# Spelled so that the pattern opens with a character class: `re` then skips to the next
# capital letter in C instead of trying a match at every position (3-4x faster whole-text
# scans). The word boundary is checked after that first letter (`(?<!\w.)`: no word character
# before it) and the honorific is matched by its remaining letters. Same matches as the plain
# form in tests/extraction/test_fast_paths.py. A word may hold a second capital after a
# hyphen or a prefix ("Al-Ansari", "McDonald"); "al-" and "el-" are particles ("Majed al-Ansari").
_NAME_RE = re.compile(
    r"[A-Z](?<!\w.)(?:(?:(?<=M)(?:r|rs|s)|(?<=D)r|(?<=S)en|(?<=R)ep|(?<=G)(?:ov|en))\.\s+[A-Z])?"
    r"[a-zà-ÿ’'-]+(?:[A-Z][a-zà-ÿ’'-]+)?"
    r"(?:\s+(?:[A-Z]\.\s*){0,2}(?:(?:de|van|von|bin|al|da|di|le|la|del|der)\s+|(?:al|el)-)?"
    r"[A-Z][a-zà-ÿ’'-]+(?:[A-Z][a-zà-ÿ’'-]+)?){1,3}"
)
# `\b(Mr|Mrs|Ms|Miss|Dr)\.?\s+([A-Z][\w’'-]+)`, opened by a character class as above.
_HONORIFIC_NAME_RE = re.compile(
    r"([MD](?<!\w.)(?:(?<=M)(?:r|rs|s|iss)|(?<=D)r))\.?\s+([A-Z][\w’'-]+)"
)


# A capitalised name right after one of these is a place ("in New Hampshire").
_PLACE_BEFORE_RE = re.compile(r"\b(?:in|at|from|to|near|across|throughout)\s+$")
_NOT_PERSON_WORDS = _INSTITUTION_WORDS | lx.TITLE_WORDS  # a name holding one is no person
_NAME_LEAD_SKIP = lx.TITLE_WORDS | lx.NP_STOP | lx.DETERMINERS  # dropped before a name
_PLACE_WORDS = frozenset(lx.COUNTRIES) | frozenset(lx.DEMONYMS)  # "Russia", "Russian"


# How a claim's speaker was reached, from the most to the least direct.
RESOLUTIONS = (
    "name",  # the mention names the speaker: "Anna Jones", "Gen. Valery Gerasimov"
    "surname",  # a shorter form of a name seen in the article: "Jones", "Mr. Jones"
    "role",  # a title or description held by someone the article names: "the defence secretary"
    "organisation",  # a generic phrase for a body the article names: "the ministry"
    "document",  # a statement, letter or post standing for its author: "the letter said"
    "pronoun",  # "he", "they", "who"
    "continuation",  # a claim that goes on with the previous claim's speaker
    "mention",  # the words themselves are the speaker: "Qatar", "a US official"
)
# "Last Friday Prigozhin": time words are not part of a name.
_TIME_LEAD = frozenset(
    [
        "last",
        "this",
        "next",
        "earlier",
        "later",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "these", "those", "one"))
_INDEFINITE = frozenset(("a", "an", "one"))
_PERSON_HEADS = lx.TITLE_WORDS | lx.PERSON_DESCRIPTION_HEADS | lx.LEADER_HEADS
# Generic heads of a body: "the ministry", "the company" -> the body of that kind named earlier.
_BODY_HEADS = lx.ORG_WORDS | lx.GOVERNMENT_WORDS | frozenset(("firm", "startup", "giant"))
# Words kept as descriptors of a named person ("Wagner chief", "Belarusian leader").
_DESCRIPTOR_WORDS = _PERSON_HEADS | _INSTITUTION_WORDS | frozenset(("of", "for", "and"))
_ISSUED_WORDS = frozenset(
    ["put", "out", "issued", "released", "signed", "sent", "posted", "published", "written"]
)
_WORD_RE = re.compile(r"[\w’'.-]+")
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
_NOT_IN_NAMES = (lx.PREPOSITIONS - {"de", "van", "von", "bin", "al", "da", "di", "le", "la"}) | {
    "will",
    "be",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "and",
    "or",
    "the",
}


def _norm(word: str) -> str:
    return _strip_possessive(word).lower().strip(".,;:")


def _descriptor_set(words: list[str]) -> set[str]:
    """Lower-cased words plus the country of any demonym ("Belarusian" -> "belarus")."""
    out: set[str] = set()
    for w in words:
        low = _norm(w)
        if not low or low in _DETERMINERS:
            continue
        out.add(low)
        country = _country_of(_strip_possessive(w).capitalize() if w.islower() else w)
        if country:
            out.add(country.lower())
    return out


def _given_compatible(a: str, b: str) -> bool:
    """Two given names may belong to one person: equal, or one an initial of the other."""
    if not a or not b:
        return True
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return False


@dataclass(slots=True)
class Entity:
    name: str
    kind: str
    role: str = ""
    affiliation: str = ""
    gender: str = ""  # "m", "f" or ""
    last: str = ""
    proper: bool = False
    given: str = ""  # first given name of a person, "" when known by surname only
    first_pos: int = 0  # where the article first names it
    words: set[str] = field(default_factory=set)  # titles and descriptions, lower-cased


@dataclass(slots=True)
class Registry:
    """Speakers and person names seen so far in one article (built fresh per call)."""

    text: str
    in_quote: object  # callable(pos) -> bool
    by_last: dict[str, list[Entity]] = field(default_factory=dict)
    by_name: dict[str, Entity] = field(default_factory=dict)
    mention_pos: list[int] = field(default_factory=list)
    mention_ent: list[Entity] = field(default_factory=list)
    speakers: list[tuple[int, Entity]] = field(default_factory=list)
    depth: int = 0  # documents resolved inside documents ("the statement" -> "a statement")
    carriers: list[tuple[int, str]] | None = None  # find_carriers(text), on first use

    def prescan(self) -> None:
        """Register every multi-word person name, its titles and honorific gender, in text
        order ("Belarusian President Alexander Lukashenko": a person with two descriptors)."""
        text = self.text
        genders: dict[str, str] = {}
        for m in _HONORIFIC_NAME_RE.finditer(text):
            h = m.group(1).lower() + "."
            g = "f" if h in lx.FEMALE_HONORIFICS or h == "miss." else "m" if h == "mr." else ""
            if g:
                genders.setdefault(_strip_possessive(m.group(2)), g)
        pos = 0
        while (m := _NAME_RE.search(text, pos)) is not None:
            pos = m.end()
            start = m.start()
            if self.in_quote(start):
                continue
            found = m.group()
            words = all_words = found.split()
            while words and (
                words[0].lower() in _NAME_LEAD_SKIP
                or words[0].lower() in _TIME_LEAD
                or words[0] in _PLACE_WORDS
                or _is_possessive(words[0])
                or _norm(words[0]) in _INSTITUTION_WORDS
            ):
                words = words[1:]
            posts = [k for k, w in enumerate(words[:-2]) if _norm(w) in _PERSON_HEADS]
            if posts:
                words = words[posts[-1] + 1 :]  # "Harbour Minister Tove Lind"
            if len(words) == 1 and len(all_words) == 4:
                # "The Belarusian President Alyaksandr Lukashenka": the titles used up the
                # four words the pattern takes; read the name again from its first word.
                pos = start + found.rfind(words[0])
                continue
            if len(words) < 2 or _is_honorific(words[0]) or words[0].endswith("ing"):
                continue  # "Following Al-Ansari's announcement"
            if any(w.lower() in _NOT_IN_NAMES for w in words):
                continue  # a headline in title case: "Hostages Will Be Released"
            if words is all_words and _PLACE_BEFORE_RE.search(text, max(0, start - 8), start):
                continue  # "in New Hampshire"; "to President X" is never a place
            titles = all_words[: len(all_words) - len(words)]
            words[-1] = _strip_possessive(words[-1])
            lows = {w.lower() for w in words}
            if not lows.isdisjoint(_NOT_PERSON_WORDS) or lows & lx.PLACE_HEADS:
                continue
            full = " ".join(words)
            if full in lx.COUNTRIES or not _PLACE_WORDS.isdisjoint(words):
                continue
            name_start = start + found.find(" " + words[0]) + 1 if titles else start
            lead = _words_before(text, start)
            ent, _ = self._person(words, name_start, _descriptor_set([*lead, *titles]))
            ent.words |= _descriptor_set([*lead, *titles])
            ent.words |= _descriptor_set(_appositive_after(text, m.end()))
            if not ent.role and titles and all(w.lower() in lx.TITLE_WORDS for w in titles):
                if len(lead) >= 2 and lead[-1] == "of" and lead[-2].lower() in lx.TITLE_WORDS:
                    titles = [*lead[-2:], *titles]
                ent.role = " ".join(titles)
            if ent.gender == "" and words[-1] in genders:
                ent.gender = genders[words[-1]]
            self.mention_pos.append(start + len(found) - len(found.lstrip()))
            self.mention_ent.append(ent)

    def _person(self, words: list[str], pos: int, posts: set[str]) -> tuple[Entity, str]:
        """The person a name refers to, registering it if new. Two people who share a
        surname stay two: a full name joins an earlier one only when the given names agree,
        and a name with a title joins one with another title only when they share a post
        ("President Biden" is not "first lady Jill Biden"). A bare surname goes to the
        person of that name who spoke last, else who was named last before `pos`, else (a
        headline before the body names anyone) to the only one named soon after."""
        full = " ".join(words)
        last = words[-1]
        posts = posts & _PERSON_HEADS
        ent = self.by_name.get(full)
        if ent is not None and _same_post(ent, posts):
            ent.words |= posts
            return ent, "name" if len(words) > 1 else "surname"
        given = words[0] if len(words) > 1 else ""
        known = self.by_last.setdefault(last, [])
        fitting = [c for c in known if _same_post(c, posts) and c is not ent]
        if given:
            for cand in reversed(fitting):
                if cand.given and _given_compatible(given, cand.given):
                    return self._also(cand, full, posts, given), "name"
            lone = [c for c in fitting if not c.given and c.first_pos <= pos]
            if len(lone) == 1 and len(known) == 1:
                return self._also(lone[0], full, posts, given), "name"
            return self._new_person(full, last, given, pos, posts), "name"
        before = [c for c in fitting if c.first_pos <= pos]
        if before:
            spoken = {id(e) for _, e in self.speakers[-30:]}
            ent = next((c for c in reversed(before) if id(c) in spoken), None)
            ent = ent or max(before, key=lambda c: self._last_seen(c, pos))
            return self._also(ent, "", posts, ""), "surname"
        after = [c for c in fitting if c.first_pos - pos < 1500]
        if len(after) == 1:
            return self._also(after[0], "", posts, ""), "surname"
        return self._new_person(full, last, "", pos, posts), "name"

    def _also(self, ent: Entity, full: str, posts: set[str], given: str) -> Entity:
        """Record another name form (the longer one wins) and posts for a known person."""
        if full:
            if len(full) > len(ent.name):
                ent.name = full
            ent.given = ent.given or given
            self.by_name[full] = ent
        ent.words |= posts
        return ent

    def _new_person(self, full: str, last: str, given: str, pos: int, posts: set) -> Entity:
        ent = Entity(full, "person", last=last, proper=True, given=given, first_pos=pos)
        ent.words |= posts
        self.by_last.setdefault(last, []).append(ent)
        self.by_name[full] = ent
        return ent

    def _last_seen(self, ent: Entity, pos: int) -> int:
        i = bisect.bisect_right(self.mention_pos, pos)
        for k in range(i - 1, max(-1, i - 200), -1):
            if self.mention_ent[k] is ent:
                return self.mention_pos[k]
        return ent.first_pos

    def attribute(
        self, m: Mention, start: int, end: int, sentence: tuple[int, int]
    ) -> tuple[Entity | None, str, str | None]:
        """Speaker, resolution and via of a claim text[start:end] whose mention is `m`.

        An outlet that only carries a statement is the via, not the speaker ("Interfax
        reported an FSB statement urging ...": the FSB, via Interfax); so is an outlet the
        sentence names as the channel ("..., said X, in statements reported by AFP")."""
        ent, how = self.resolve(m, m.start)
        via = None
        if ent is not None and ent.kind == "media" and m.end <= start:
            author = self._carried(m.end, start, m.start)
            if author is not None and author is not ent:
                ent, how, via = author, "document", ent.name
        if via is None:
            via = self._carrier_near(sentence, start, end, ent.name if ent else "")
        return ent, how, via

    def _carrier_near(self, sentence: tuple[int, int], start: int, end: int, speaker: str):
        """The outlet the sentence names as the channel of the claim text[start:end]; only
        a window around the claim counts (a sentence can be a page of run-on text)."""
        if self.carriers is None:
            self.carriers = find_carriers(self.text)
        s0, s1 = max(sentence[0], start - 200), min(sentence[1], end + 200)
        i = bisect.bisect_left(self.carriers, (s0, ""))
        own = speaker.lower().removeprefix("the ")
        while i < len(self.carriers) and self.carriers[i][0] < s1:
            at, name = self.carriers[i]
            i += 1
            if not start <= at < end and name.lower().removeprefix("the ") != own:
                return name  # a report inside the claim is someone else's
        return None

    def _carried(self, s: int, e: int, pos: int) -> Entity | None:
        """The author of the document an outlet reported: "an FSB statement", "the
        ministry's statement", "a statement from the FSB" between the cue and the content."""
        text = self.text
        tokens = tokenize(text, s, min(e, s + 120))
        for k, t in enumerate(tokens):
            if t.low not in lx.DOCUMENT_NOUNS:
                continue
            i = k
            while i > 0 and (tokens[i - 1].cap or _is_possessive(tokens[i - 1].text)):
                i -= 1
            owner = mention_from_tokens(text, tokens, i, k) if i < k else None
            if owner is None:
                after = _DOC_OWNER_AFTER_RE.match(text, t.end)
                if after is None:
                    return None
                toks = tokenize(text, after.end(), min(len(text), after.end() + 80))
                owner = mention_from_tokens(text, toks, 0, _np_len(toks))
            if owner is None:
                return None
            owner.text = _strip_possessive(owner.text)
            owner.name = _strip_possessive(owner.name)
            ent, _ = self.resolve(owner, pos)
            return ent
        return None

    def resolve(self, m: Mention, pos: int) -> tuple[Entity | None, str]:
        """The article-level entity a mention refers to, and how it was reached."""
        if m.relative:
            if m.antecedent is None:
                return None, ""
            ent, _ = self.resolve(m.antecedent, pos)
            return ent, "pronoun"
        if m.pronoun:
            return self._resolve_pronoun(m, pos), "pronoun"
        if m.kind == "person" and m.proper:
            words = [w for w in m.name.split() if not _is_honorific(w)]
            if not words:
                return None, ""
            words[-1] = _strip_possessive(words[-1])
            ent, how = self._person(words, pos, _descriptor_set(m.role.split()))
            ent.proper = True
            h = m.text.split()[0].lower() if m.text else ""
            if h in lx.FEMALE_HONORIFICS:
                ent.gender = "f"
            elif h in lx.MALE_HONORIFICS:
                ent.gender = "m"
            ent.role = ent.role or m.role
            ent.affiliation = ent.affiliation or m.affiliation
            ent.words |= _descriptor_set([*m.role.split(), m.affiliation])
            return ent, how
        if not m.name:
            return None, ""
        words = _WORD_RE.findall(m.text)
        head_words, tail = _split_head(words)
        while len(head_words) > 1 and _norm(head_words[-1]) in _ISSUED_WORDS:
            head_words = head_words[:-1]  # "a statement put out (by X)"
        head = _norm(head_words[-1]) if head_words else ""
        if head in lx.DOCUMENT_NOUNS and self.depth < 3:
            self.depth += 1
            try:
                ent = self._document_author(m, head_words, pos)
            finally:
                self.depth -= 1
            if ent is not None:
                return ent, "document"
        elif head in _PERSON_HEADS:
            ent = self._holder(words, head_words, tail, head, pos)
            if ent is not None:
                return ent, "role"
        key = m.name.lower()
        ent = self.by_name.get(key)
        if ent is not None:
            return ent, "mention"
        if (
            head in _BODY_HEADS
            and words
            and _norm(words[0]) in ("the", "this", "that")
            and not any(w[:1].isupper() for w in words[1:])
        ):
            ent = self._generic(m)
            if ent is not None:
                return ent, "organisation"
        ent = Entity(m.name, m.kind, role=m.role, affiliation=m.affiliation, first_pos=pos)
        ent.words = _descriptor_set(words)
        self.by_name[key] = ent
        return ent, "mention"

    def _holder(
        self, words: list[str], head_words: list[str], tail: list[str], head: str, pos: int
    ) -> Entity | None:
        """The named person a title or description stands for ("the defence secretary",
        "a somber-looking Russian president", "the Wagner boss"). Every telling word of the
        description (a name, a demonym, a title word) must be among the person's descriptors;
        an indefinite description resolves only to a single-holder office or when it says
        more than its head ("a spokesperson for Qatar's foreign ministry")."""
        mods = set()
        for w in [*head_words[:-1], *tail]:
            low = _norm(w)
            if low in _DETERMINERS or low in ("of", "for", "and", "at", "in"):
                continue
            if (
                w[:1].isupper()
                or low in lx.TITLE_WORDS
                or low in _INSTITUTION_WORDS
                or _country_of(w.capitalize())
            ):
                mods.add(low)
        indefinite = _norm(words[0]) in _INDEFINITE
        if indefinite and not mods:
            return None
        if indefinite and head not in lx.SINGLE_HOLDER_TITLES and len(mods) < 2:
            return None

        def fits(ent: Entity) -> bool:
            if ent.kind != "person" or not ent.proper:
                return False
            ws = ent.words
            if head in ws or (head in lx.LEADER_HEADS and ws & lx.LEADER_HEADS):
                head_ok = True
            else:
                head_ok = head in lx.PERSON_DESCRIPTION_HEADS and bool(mods)
            return head_ok and all(mod in ws or _country_key(mod) in ws for mod in mods)

        i = bisect.bisect_right(self.mention_pos, pos)
        for k in range(i - 1, max(-1, i - 40), -1):
            if fits(self.mention_ent[k]):
                return self.mention_ent[k]
        for _, ent in reversed(self.speakers[-8:]):
            if fits(ent):
                return ent
        if head in lx.PERSON_DESCRIPTION_HEADS and not mods:
            return None
        later = {id(e): e for e in self.mention_ent[i : i + 40] if fits(e)}
        return next(iter(later.values())) if len(later) == 1 and not indefinite else None

    def _document_author(self, m: Mention, head_words: list[str], pos: int) -> Entity | None:
        """Who issued the statement, letter or post a mention names: its possessor ("Shear's
        post"), a name before it ("an FSB statement"), the subject that issued it ("OpenAI, in
        a statement, said"), or who the article said issued one of that kind before."""
        text = self.text
        tokens = tokenize(text, m.start, m.end)
        h = next((k for k, t in enumerate(tokens) if t.low in lx.DOCUMENT_NOUNS), len(tokens))
        owned = [
            k
            for k in range(h)
            if _is_possessive(tokens[k].text)
            or (tokens[k].cap and tokens[k].low not in _DETERMINERS)
        ]
        if owned:  # "the union's letter", "an FSB statement"
            owner = mention_from_tokens(text, tokens, 0, owned[-1] + 1)
            if owner is not None:
                owner.text = _strip_possessive(owner.text)
                owner.name = _strip_possessive(owner.name)
                owner.end = owner.start + len(owner.text)
                ent, _ = self.resolve(owner, pos)
                return ent
        after = _DOC_OWNER_AFTER_RE.match(text, tokens[h].end) if h < len(tokens) else None
        if after:  # "a statement put out by Acme", "a letter from the union"
            toks = tokenize(text, after.end(), min(len(text), after.end() + 80))
            owner = mention_from_tokens(text, toks, 0, _np_len(toks))
            if owner is not None:
                ent, _ = self.resolve(owner, pos)
                if ent is not None:
                    return ent
        before = text[max(0, m.start - 12) : m.start].split()
        if before and before[-1].lower() in _BY_MEANS_OF:
            cut = text.rfind(before[-1], max(0, m.start - 12), m.start)
            floor = max(0, cut - 200)
            s0 = max(text.rfind(". ", floor, cut), text.rfind("\n", floor, cut), floor - 1) + 1
            owner = subject_before(text, s0, cut)
            if owner is not None and not owner.pronoun:
                ent, _ = self.resolve(owner, pos)
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
                    ent, _ = self.resolve(owner, pos)
                    if ent is not None:
                        return ent
            after = _DOC_OWNER_AFTER_RE.match(text, occ.end())
            if after:
                toks = tokenize(text, after.end(), min(len(text), after.end() + 80))
                owner = mention_from_tokens(text, toks, 0, _np_len(toks))
                if owner is not None:
                    ent, _ = self.resolve(owner, pos)
                    if ent is not None:
                        return ent
            for spos, ent in reversed(self.speakers[-20:]):
                # Who spoke in the sentence that mentioned the document ("X said in a
                # statement"): claims are noted at their content, near that sentence.
                if abs(occ.start() - spos) < 300 and ent.kind != "media":
                    return ent
        if self.speakers and pos - self.speakers[-1][0] < 1000:
            return self.speakers[-1][1]  # "..., according to state media. ..., the report said"
        return None

    def _generic(self, m: Mention) -> Entity | None:
        """ "the ministry", "the company": the last speaker of that head or, failing that,
        of that kind ("the company" after "OpenAI said")."""
        head = m.name.split()[-1].lower()
        recent = self.speakers[-8:]
        for _, ent in reversed(recent):
            if ent.name.split()[-1].lower() == head or head in ent.words:
                return ent
            if head in lx.MEDIA_WORDS and ent.kind == "media":
                return ent
        kind = "government" if head in lx.GOVERNMENT_WORDS else "organization"
        for _, ent in reversed(recent):
            if ent.kind == kind and ent.name.lower() != m.name.lower():
                return ent
        return None

    def _resolve_pronoun(self, m: Mention, pos: int) -> Entity | None:
        p = m.pronoun
        want_person = p in ("m", "f", "s")
        if m.relative:
            return None
        if p in ("s",) or m.text.lower() in ("we", "you"):
            return None
        # The previous speaker, if recent and compatible, wins: news prose keeps its subject.
        for spos, ent in reversed(self.speakers[-3:]):
            if pos - spos > 700:
                break
            if self._compatible(ent, p, want_person):
                return self._learn_gender(ent, p)
        if want_person:
            i = bisect.bisect_left(self.mention_pos, pos)
            steps = 0
            while i > 0 and steps < 30:
                i -= 1
                steps += 1
                ent = self.mention_ent[i]
                if pos - self.mention_pos[i] > 3000:
                    break
                if self._compatible(ent, p, True):
                    return self._learn_gender(ent, p)
        for spos, ent in reversed(self.speakers[-6:]):
            if pos - spos > 3000:
                break
            if self._compatible(ent, p, want_person):
                return ent
        return None

    @staticmethod
    def _learn_gender(ent: Entity, p: str) -> Entity:
        """Once "he" or "she" resolves to someone, later pronouns must agree with it."""
        if p in ("m", "f") and not ent.gender:
            ent.gender = p
        return ent

    @staticmethod
    def _compatible(ent: Entity, p: str, want_person: bool) -> bool:
        if want_person:
            if ent.kind != "person" or (ent.gender and ent.gender != p):
                return False
            head = ent.name.split()[-1].lower() if ent.name else ""
            return ent.proper or head in lx.ANONYMOUS_HEADS or head in lx.TITLE_WORDS
        if p == "p":
            return ent.kind in ("group", "anonymous", "government", "organization", "media")
        if p == "n":
            return ent.kind in ("government", "organization", "media")
        return False

    def note_speaker(self, pos: int, ent: Entity) -> None:
        self.speakers.append((pos, ent))


_DOC_NOUN_RE: dict[str, re.Pattern[str]] = {}


def _is_honorific(word: str) -> bool:
    """ "Mr.", and "Mr" as British papers write it."""
    low = word.lower()
    return low in lx.HONORIFICS or low + "." in lx.HONORIFICS


def _same_post(ent: Entity, posts: set[str]) -> bool:
    """No conflicting titles: either side has none, or they share one (or both lead)."""
    held = ent.words & _PERSON_HEADS
    if not posts or not held or posts & held:
        return True
    return bool(posts & lx.LEADER_HEADS and held & lx.LEADER_HEADS)


def _country_key(word: str) -> str:
    return _country_of(word.capitalize()).lower()


def _split_head(words: list[str]) -> tuple[list[str], list[str]]:
    """ "spokesperson for Qatar's ministry" -> (["spokesperson"], ["Qatar's", "ministry"])."""
    for k, w in enumerate(words):
        if k and w.lower() in ("of", "for", "at"):
            return words[:k], words[k + 1 :]
    return words, []


def _np_len(tokens: list) -> int:
    """Tokens of the noun phrase opening `tokens` (determiner, words, up to a break)."""
    n = 0
    for t in tokens:
        stop = not t.text[0].isalnum() or (n and t.low in lx.VERB_STOP) or t.low in lx.NP_STOP
        if stop and (t.low != "the" or n):
            break
        n += 1
        if n >= 6:
            break
    return n


def _words_before(text: str, start: int) -> list[str]:
    """The title and description words right before a name ("Wagner chief", "Qatari foreign
    ministry spokesperson"), read back to the first word that is neither."""
    window = text[max(0, start - 80) : start]
    out: list[str] = []
    for w in reversed(window.split()):
        low = _norm(w)
        if w[-1:] in ",.;:" or not low:
            break
        if (
            low in _DESCRIPTOR_WORDS
            or w[:1].isupper()
            or _is_possessive(w)
            or _country_of(w.capitalize())
        ):
            out.append(w)
            if len(out) >= 6:
                break
        else:
            break
    while out and _norm(out[-1]) in ("of", "for", "and"):
        out.pop()
    return out[::-1]


def _appositive_after(text: str, end: int) -> list[str]:
    """ "Yevgeny Prigozhin, the head of the Wagner group," -> the description's words."""
    if not text.startswith(", ", end):
        return []
    stop = len(text)
    for ch in ',.;:\n“"(':
        k = text.find(ch, end + 2, end + 90)
        if 0 <= k < stop:
            stop = k
    if stop == len(text):
        return []
    words = text[end + 2 : stop].split()
    for k, w in enumerate(words):
        if w.lower() in ("who", "which", "that", "whose"):
            words = words[:k]  # "the cofounder who helped oust X": the clause is no title
            break
    if not words or len(words) > 10:
        return []
    first = words[0]
    if (
        first.lower() in _DETERMINERS
        or _is_possessive(first)
        or first.lower() in lx.TITLE_WORDS
        or _country_of(first)
    ):
        return words
    return []


# "per Russian media", "according to Reuters", "in statements reported by AFP", "told CNN".
_VIA_RE = re.compile(
    r"\b(?:per|according to|(?:reported|quoted|cited|carried) by|told|(?:spoke|speaking|talking)"
    r" to|(?:in|during) an? (?:interview|conversation) with)\s+"
    r"(?P<np>[\w’'&.-]+(?:[ \t]+[\w’'&.-]+){0,3})",
    re.IGNORECASE,
)
# "Interfax later reported", "TASS quoted": an outlet as the subject of a carrying verb.
_CARRIER_SUBJECT_RE = re.compile(
    r"(?P<np>\b[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,3})[ \t]+(?:later[ \t]+|also[ \t]+)?"
    r"(?:reported|quoted|cited|carried)\b"
)
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
    """The longest opening run of `words` that names an outlet ("Russian media", "AFP")."""
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n]).rstrip(".,;:")
        low = phrase.lower()
        if low in lx.CARRIER_NAMES or (
            (low.split()[-1] in _CARRIER_HEADS and n > 1) or low in ("state media", "media")
        ):
            return phrase
    return ""


def find_carriers(text: str) -> list[tuple[int, str]]:
    """Every outlet the text names as a channel ("according to Reuters", "Interfax
    reported"), as (offset, name) in text order: one pass of two regexes per article."""
    found = []
    for rx in (_VIA_RE, _CARRIER_SUBJECT_RE):
        for m in rx.finditer(text):
            name = _carrier(m.group("np").split())
            if name:
                found.append((m.start(), name[0].upper() + name[1:]))
    found.sort()
    return found
