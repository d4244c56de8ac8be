"""Person names in one article: who is named, with which titles, and which name a surname
or a full name refers to ("Anna Jones" and "Peter Jones" are two people; "Jones" is the one
who spoke last). The `Registry` (registry.py) keeps one `People` per article.

Cost: one regex pass over the article for names, then work per name bounded by the people of
that surname.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import descriptors
from . import lexicon as lx
from .mentions import _INSTITUTION_WORDS, _country_of, _is_possessive, _strip_possessive

# Proper names anywhere in the text (for "Mr. Blinken" -> "Antony J. Blinken" and pronouns).
# Two to five capitalised tokens; middle initials allowed. Bounded repetition keeps it linear.
# Spelled so that the pattern opens with a character class: `re` then skips to the next
# capital letter in C instead of trying a match at every position (3-4x faster whole-text
# scans). The word boundary is checked after that first letter (`(?<!\w.)`: no word character
# before it) and the honorific is matched by its remaining letters. Same matches as the plain
# form in tests/extraction/test_fast_paths.py. A word may hold a second capital after a
# hyphen or a prefix ("Al-Ansari", "McDonald"); "al-" and "el-" are particles ("Majed al-Ansari").
# A name never runs over a line break ("Headline\n\nBiden said": Biden, not "Headline Biden").
_NAME_RE = re.compile(
    r"[A-Z](?<!\w.)(?:(?:(?<=M)(?:r|rs|s)|(?<=D)r|(?<=S)en|(?<=R)ep|(?<=G)(?:ov|en))\.[^\S\n]+[A-Z])?"
    r"[a-zà-ÿ’'-]+(?:[A-Z][a-zà-ÿ’'-]+)?"
    r"(?:[^\S\n]+(?:[A-Z]\.[^\S\n]*){0,2}(?:(?:de|van|von|bin|al|da|di|le|la|del|der)[^\S\n]+|(?:al|el)-)?"
    r"[A-Z][a-zà-ÿ’'-]+(?:[A-Z][a-zà-ÿ’'-]+)?){1,3}"
)
# `\b(Mr|Mrs|Ms|Miss|Dr)\.?[^\S\n]+([A-Z][\w’'-]+)`, opened by a character class as above.
_HONORIFIC_NAME_RE = re.compile(
    r"([MD](?<!\w.)(?:(?<=M)(?:r|rs|s|iss)|(?<=D)r))\.?[^\S\n]+([A-Z][\w’'-]+)"
)

# A capitalised name right after one of these is a place ("in New Hampshire").
_PLACE_BEFORE_RE = re.compile(r"\b(?:in|at|from|to|near|across|throughout)\s+$")
_NOT_PERSON_WORDS = _INSTITUTION_WORDS | lx.TITLE_WORDS  # a name holding one is no person
_NAME_LEAD_SKIP = lx.TITLE_WORDS | lx.NP_STOP | lx.DETERMINERS  # dropped before a name
_PLACE_WORDS = frozenset(lx.COUNTRIES) | frozenset(lx.DEMONYMS)  # "Russia", "Russian"
# "Last Friday Prigozhin": time words are not part of a name.
_TIME_LEAD = frozenset(("last", "this", "next", "earlier", "later")) | lx.WEEKDAYS
_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "these", "those", "one"))
_PERSON_HEADS = lx.TITLE_WORDS | lx.PERSON_DESCRIPTION_HEADS | lx.LEADER_HEADS
# Words kept as descriptors of a named person ("Wagner chief", "Belarusian leader").
# Words dropped in front of a name: titles, stop words, time words, bodies ("Kremlin").
_LEAD_SKIP = _NAME_LEAD_SKIP | _TIME_LEAD | _INSTITUTION_WORDS
_DESCRIPTOR_WORDS = _PERSON_HEADS | _INSTITUTION_WORDS | frozenset(("of", "for", "and"))
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
    """Two given names (both non-empty) may belong to one person: equal, or one an initial
    of the other."""
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return False


@dataclass(slots=True)
class Entity:
    """One speaker of an article: a person, a body or a description standing for itself."""

    name: str
    kind: str
    role: str = ""
    affiliation: str = ""
    gender: str = ""  # "m", "f" or "": what "he" and "she" must agree with
    # The gender an honorific surely meant for this person gave ("Mrs. Ana Lund"; "Mr. Lund"
    # when no other Lund can be meant): a bare "Ms. Lund" never reaches a man by it.
    # `gender` may come from weaker evidence: a pronoun, or the honorific of a surname that
    # could have meant another person of it ("Mr. Khan" with Khizr and Ghazala Khan).
    titled: str = ""
    # The gender the given name tells (lexicon.given_name_gender: "Anna" f, "Tom" m, "Kim"
    # none), the weakest evidence: `gender` takes it only when nothing else told one, and an
    # honorific or a pronoun resolved before the given name was known outranks it.
    named: str = ""
    # The gender a role noun of its description tells ("spokeswoman", "her husband"; see
    # People.described): as sure as an honorific, but a bare "Mr. X" does not pick the
    # person by it, only rules out the one it gave the other gender.
    roled: str = ""
    last: str = ""
    proper: bool = False
    given: str = ""  # first given name of a person, "" when known by surname only
    first_pos: int = 0  # where the article first names it
    words: set[str] = field(default_factory=set)  # titles and descriptions, lower-cased
    # Read into `words` only when a description is matched (People.described): most
    # articles never ask, so the prescan stays one regex pass.
    pending: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # where the name stands


@dataclass(slots=True)
class People:
    """The people an article names, in text order (built fresh per article)."""

    text: str
    in_quote: object  # callable(pos) -> bool
    speakers: list[tuple[int, Entity]]  # the Registry's list: who spoke, in claim order
    by_last: dict[str, list[Entity]] = field(default_factory=dict)
    by_name: dict[str, Entity] = field(default_factory=dict)
    mention_pos: list[int] = field(default_factory=list)
    mention_ent: list[Entity] = field(default_factory=list)

    def prescan(self) -> None:
        """Register every multi-word person name, its titles and honorific gender, in text
        order ("Belarusian President Alexander Lukashenko": a person with two descriptors)."""
        text = self.text
        coordinated: list[tuple[int, str, int]] = []
        pos = 0
        while (m := _NAME_RE.search(text, pos)) is not None:
            pos = m.end()
            start = m.start()
            if self.in_quote(start):
                continue
            found = m.group()
            words = all_words = found.split()
            while words and (
                (low := words[0].lower()) in _LEAD_SKIP
                or words[0] in _PLACE_WORDS
                or _is_possessive(low)
                or _is_honorific(words[0])  # "Ms Ana Lund", as British papers write it
            ):
                words = words[1:]
            for k in range(len(words) - 3, -1, -1):
                if words[k].lower() in _PERSON_HEADS:
                    words = words[k + 1 :]  # "Harbour Minister Tove Lind"
                    break
            if len(words) == 1 and len(all_words) == 4:
                # "The Belarusian President Alyaksandr Lukashenka": the titles used up the
                # four words the pattern takes; read the name again from its first word.
                pos = start + found.rfind(words[0])
                continue
            if len(words) < 2 or _is_honorific(words[0]) or words[0].endswith("ing"):
                continue  # "Following Al-Ansari's announcement"
            lows = [w.lower() for w in words]
            if not _NOT_IN_NAMES.isdisjoint(lows):
                continue  # a headline in title case: "Hostages Will Be Released"
            if words is all_words and _PLACE_BEFORE_RE.search(text, max(0, start - 8), start):
                continue  # "in New Hampshire"; "to President X" is never a place
            titles = all_words[: len(all_words) - len(words)]
            words[-1] = _strip_possessive(words[-1])
            lows[-1] = words[-1].lower()
            if not _NOT_PERSON_WORDS.isdisjoint(lows) or not lx.PLACE_HEADS.isdisjoint(lows):
                continue
            full = " ".join(words)
            if full in lx.COUNTRIES or full in lx.REGIONS or not _PLACE_WORDS.isdisjoint(words):
                continue
            name_start = start + found.find(" " + words[0]) + 1 if titles else start
            ent, _ = self.person(words, name_start, posts_of(titles))
            ent.pending.extend(titles)
            ent.spans.append((start, m.end()))
            if not ent.role and titles and all(w.lower() in lx.TITLE_WORDS for w in titles):
                lead = _words_before(text, start)
                if len(lead) >= 2 and lead[-1] == "of" and lead[-2].lower() in lx.TITLE_WORDS:
                    titles = [*lead[-2:], *titles]
                ent.role = " ".join(titles)
            if ent.titled == "":
                _learn(ent, honorific_gender(titles))
            self.mention_pos.append(start + len(found) - len(found.lstrip()))
            self.mention_ent.append(ent)
            if len(words) == 2 and not titles:
                given = _coordinated_given(text, start)
                if given:
                    coordinated.append((given[0], given[1], len(self.mention_pos) - 1))
        self._register_coordinated(coordinated)
        self._honorific_genders()

    def _register_coordinated(self, found: list[tuple[int, str, int]]) -> None:
        """ "the parents, Khizr and Ghazala Khan": a lone given name joined by "and" to a full
        name shares its surname, so "Khizr Khan" is a person too. Not when the word is a
        surname the article names ("Trump and Hillary Clinton") or stands on its own
        elsewhere in the article ("Google and Tim Cook ... Google said"): then it is no
        given name."""
        for pos, given, k in found:
            surname = self.mention_ent[k].last
            if given in self.by_last or not _only_given_name(self.text, given):
                continue
            ent, _ = self.person([given, surname], pos, set())
            i = bisect.bisect_right(self.mention_pos, pos)
            self.mention_pos.insert(i, pos)
            self.mention_ent.insert(i, ent)

    def _honorific_genders(self) -> None:
        """A bare "Mr. Khan" or "Ms Lund" gives its gender to the one person of that surname
        it can mean: the only one the article names, else the only one named before it
        whom no honorific gave the other gender ("Mrs. Ana Lund ... Tom Lund ... Mr. Lund":
        Tom). An article that uses one honorific for a surname several people share means
        the one it names most often ("Hillary Clinton ... Bill Clinton ... Hillary Clinton
        ... Mrs. Clinton"); on a tie, no one. A given name that tells the other gender rules a
        person out ("Khizr and Ghazala Khan ... Mr. Khan": Khizr; lexicon.given_name_gender).
        With both honorifics and several people they can mean whom no given name tells
        apart, no one gets a gender; so does the lone person of a surname that takes both
        ("Ivana Trump" in an article on "Mr. Trump" that never names him in full). The
        honorific outranks the given name ("Mr. Graham" for "Lindsey Graham")."""
        seen: dict[str, list[tuple[int, str]]] = {}
        for m in _HONORIFIC_NAME_RE.finditer(self.text):
            g = honorific_gender([m.group(1)])
            surname = _strip_possessive(m.group(2))
            if g and surname in self.by_last:
                seen.setdefault(surname, []).append((m.start(), g))
        for surname, uses in seen.items():
            people = self.by_last[surname]
            for p in people:
                self.described(p)  # a role noun tells a gender too ("Tom Lund, her husband")
            genders = [g for _, g in uses]
            unanimous = genders.count(genders[0]) == len(genders)
            if len(people) == 1:
                if unanimous and people[0].titled == "":  # outranks the given name
                    _learn(people[0], genders[0])
                continue
            for _ in range(2):  # a gender learned late can settle an earlier use
                for pos, g in uses:
                    fits = [p for p in people if _sure(p) in ("", g)]
                    if any(p.titled == g for p in fits):
                        continue
                    earlier = [p for p in fits if p.first_pos <= pos] or fits
                    if len(earlier) == 1:
                        _learn(earlier[0], g)
            g = genders[0]
            if unanimous and all(p.titled != g for p in people):
                # the given name only rules people out ("Mr. Khan" is not Ghazala Khan)
                named = {id(p): 0 for p in people if _sure(p) in ("", g)}
                for e in self.mention_ent:
                    if id(e) in named:
                        named[id(e)] += 1
                most = max(named.values(), default=-1)
                main = [p for p in people if named.get(id(p)) == most]
                if len(main) == 1:
                    _learn(main[0], g)

    def described(self, ent: Entity) -> set[str]:
        """Every title and description the article gives `ent`, lower-cased: the words it
        was named with, the title words in front of its name ("Wagner chief") and an
        appositive after it (", the head of the Wagner group,")."""
        if ent.pending or ent.spans:
            words = ent.pending
            told = {role_gender(words)}
            for s, e in ent.spans:
                before, after = _words_before(self.text, s), _appositive_after(self.text, e)
                told |= {role_gender(before), role_gender(after)}
                words += before + after + descriptors.around(self.text, s, e, len(before))
            ent.words |= _descriptor_set(words)
            ent.pending, ent.spans = [], []
            told.discard("")
            if len(told) == 1 and not ent.roled:
                ent.roled = told.pop()
                # A role noun outranks a pronoun and the given name, not an honorific.
                ent.gender = ent.titled or ent.roled
        return ent.words

    def person(
        self, words: list[str], pos: int, posts: set[str], gender: str = ""
    ) -> tuple[Entity, str]:
        """The person a name refers to, registering it if new. Two people who share a
        surname stay two: a full name joins an earlier one only when the given names agree,
        and a name with a title joins one with another title only when they share a post
        ("President Biden" is not "first lady Jill Biden"). A bare surname goes to the
        person of that name who spoke last, else who was named last before `pos`, else (a
        headline before the body names anyone) to the only one named soon after; with an
        honorific's `gender` ("Mr. Khan"), never to a person of the other gender ("Ghazala
        Khan" once "Ms." or "she" told hers), and it gives its gender to the person it
        reaches only when no one else of that surname was a candidate."""
        full = " ".join(words)
        last = words[-1]
        posts = posts & _PERSON_HEADS
        ent = self.by_name.get(full)
        if ent is not None and _same_post(ent, posts) and ent.titled in ("", gender or ent.titled):
            ent.words |= posts
            if len(words) > 1 or len(self.by_last.get(last, ())) < 2:
                _learn(ent, gender)
            return ent, "name" if len(words) > 1 else "surname"
        given = words[0] if len(words) > 1 else ""
        known = self.by_last.get(last)
        if not known:
            return _learn(self._new_person(full, last, given, pos, posts), gender), "name"
        if posts or ent is not None:
            fitting = [c for c in known if _same_post(c, posts) and c is not ent]
        else:
            fitting = known
        if gender and not given:
            # "Mrs. Lund": never a man an honorific named, and the woman one did if any.
            fitting = [c for c in fitting if _sure(c) in ("", gender)]
            fitting = [c for c in fitting if c.titled == gender] or fitting
        if given:
            for cand in reversed(fitting):
                if cand.given and _given_compatible(given, cand.given):
                    return _learn(self._also(cand, full, posts, given), gender), "name"
            lone = [c for c in fitting if not c.given and c.first_pos <= pos]
            if len(lone) == 1 and len(known) == 1:
                return _learn(self._also(lone[0], full, posts, given), gender), "name"
            return _learn(self._new_person(full, last, given, pos, posts), gender), "name"
        before = [c for c in fitting if c.first_pos <= pos]
        if len(before) == 1:
            return _learn(self._also(before[0], "", posts, ""), gender), "surname"
        if before:
            spoken = {id(e) for _, e in self.speakers[-30:]}
            ent = next((c for c in reversed(before) if id(c) in spoken), None)
            ent = ent or max(before, key=lambda c: self.last_seen(c, pos))
            ent.gender = gender or ent.gender
            return self._also(ent, "", posts, ""), "surname"
        # Named soon after, with no other use of the surname in between: "Biden said ...
        # first lady Jill Biden" names someone else, the headline "Lund: ..." the body's Lund.
        after = [
            c
            for c in fitting
            if c.first_pos - pos < 1500 and not self._surname_between(last, pos, c.first_pos)
        ]
        if len(after) == 1:
            return _learn(self._also(after[0], "", posts, ""), gender), "surname"
        return _learn(self._new_person(full, last, "", pos, posts), gender), "name"

    def _surname_between(self, last: str, pos: int, until: int) -> bool:
        """Does `last` occur again after the mention at `pos` and before `until`?"""
        k = self.text.find(last, pos, until)
        return k >= 0 and self.text.find(last, k + len(last), until) >= 0

    def _also(self, ent: Entity, full: str, posts: set[str], given: str) -> Entity:
        """Record another name form (the longer one wins) and posts for a known person."""
        if full:
            if len(full) > len(ent.name):
                ent.name = full
            if given and not ent.given:
                ent.given = given
                ent.named = lx.given_name_gender(given)
                ent.gender = ent.gender or ent.named
            self.by_name[full] = ent
        ent.words |= posts
        return ent

    def _new_person(self, full: str, last: str, given: str, pos: int, posts: set) -> Entity:
        ent = Entity(full, "person", last=last, proper=True, given=given, first_pos=pos)
        ent.gender = ent.named = lx.given_name_gender(given) if given else ""
        ent.words |= posts
        self.by_last.setdefault(last, []).append(ent)
        self.by_name[full] = ent
        return ent

    def last_seen(self, ent: Entity, pos: int) -> int:
        i = bisect.bisect_right(self.mention_pos, pos)
        for k in range(i - 1, max(-1, i - 200), -1):
            if self.mention_ent[k] is ent:
                return self.mention_pos[k]
        return ent.first_pos


def _learn(ent: Entity, gender: str) -> Entity:
    """Give `ent` the gender an honorific surely meant for it told."""
    if gender:
        ent.gender = ent.titled = gender
    return ent


# A role noun right after one of these is someone else's: "a lawyer for his wife".
_ROLE_GOVERNORS = frozenset(("of", "for", "to", "with", "by", "from", "his", "her", "their"))


def role_gender(words: list[str]) -> str:
    """ "f" or "m" when a gendered role noun stands among the words of one description
    ("Kremlin spokeswoman", "a spokeswoman for the port", "the husband of Ana Lund"), not
    governed by a preposition or a possessive just before it ("the lawyer for his wife");
    "" when none does or both genders do."""
    found = set()
    for k, w in enumerate(words):
        low = _norm(w)
        role = low in lx.FEMALE_ROLE_NOUNS or low in lx.MALE_ROLE_NOUNS
        if role and not any(_norm(x) in _ROLE_GOVERNORS for x in words[max(0, k - 2) : k]):
            found.add("f" if low in lx.FEMALE_ROLE_NOUNS else "m")
    return found.pop() if len(found) == 1 else ""


def _sure(ent: Entity) -> str:
    """The gender an honorific, a role noun or the given name tells (not a pronoun's guess):
    whom a bare "Mr. Khan" can mean ("Khizr and Ghazala Khan": Khizr)."""
    return ent.titled or ent.roled or ent.named


def posts_of(words: list[str]) -> set[str]:
    """The post words among `words` ("Russian President" -> {"president"})."""
    return {_norm(w) for w in words} & _PERSON_HEADS


def honorific_gender(words: list[str]) -> str:
    """ "m" or "f" when an honorific among the words in front of a name tells the person's
    gender ("Mr.", "Mr", "Sir", "Lord"; "Ms", "Mrs.", "Miss", "Dame", "Lady", "Madam"), else
    "" (the given name is read apart: `Entity.named`)."""
    for w in words:
        bare = w.lower().rstrip(".")
        forms = (bare, bare + ".")
        if any(f in lx.FEMALE_HONORIFICS for f in forms):
            return "f"
        if any(f in lx.MALE_HONORIFICS for f in forms):
            return "m"
    return ""


# "Khizr and Ghazala Khan": a lone capitalised word and "and" right before a full name.
_COORDINATED_RE = re.compile(r"(?:^|[^\w’'.-])([A-Z][a-zà-ÿ’'-]+)[^\S\n]+and[^\S\n]+$")
_NOT_GIVEN = _LEAD_SKIP | _NOT_PERSON_WORDS | lx.PLURAL_GROUP_HINT | lx.ANONYMOUS_HEADS


def _coordinated_given(text: str, start: int) -> tuple[int, str] | None:
    """Where and which given name stands before "and" in front of the full name at `start`
    ("Khizr" in "the parents, Khizr and Ghazala Khan"), or None. The word must follow no
    other capitalised word ("John McCain and Lindsey Graham": McCain is a surname) and no
    preposition of place ("from Texas and Ted Cruz")."""
    lo = max(0, start - 40)
    m = _COORDINATED_RE.search(text, lo, start)
    if m is None:
        return None
    word = m.group(1)
    if word.lower() in _NOT_GIVEN or word in _PLACE_WORDS or _is_honorific(word):
        return None
    if word.lower() in lx.CALENDAR_WORDS or _is_possessive(word):
        return None
    before = text[max(0, m.start(1) - 30) : m.start(1)]
    prev = before.split()[-1:]
    if before.endswith(" ") and prev and prev[0][:1].isupper() and prev[0][-1] not in ",;:.":
        return None  # "John McCain and Lindsey Graham", "Senators Ann and Tom Berg"
    if _PLACE_BEFORE_RE.search(before):
        return None
    return m.start(1), word


def _only_given_name(text: str, word: str) -> bool:
    """Every other use of `word` in the text opens a name ("Khizr Khan"): it is no surname,
    company or place standing on its own ("Google said")."""
    for m in re.finditer(r"\b" + re.escape(word) + r"\b(?!\s+and\s)", text):
        after = text[m.end() : m.end() + 2]
        if not (after[:1] == " " and after[1:2].isupper()):
            return False
    return True


def _is_honorific(word: str) -> bool:
    """ "Mr.", and "Mr" as British papers write it."""
    low = word.lower()
    return low in lx.HONORIFICS or low + "." in lx.HONORIFICS


def _same_post(ent: Entity, posts: set[str]) -> bool:
    """No conflicting titles: either side has none, or they share one (or both lead)."""
    held = ent.words & _PERSON_HEADS
    if not posts or not held or posts & held or "former" in posts or "former" in held:
        return True  # "former Iowa governor Vilsack" may be "Agriculture Secretary Tom Vilsack"
    return bool(posts & lx.LEADER_HEADS and held & lx.LEADER_HEADS)


def _words_before(text: str, start: int) -> list[str]:
    """The title and description words right before a name ("Wagner chief", "Qatari foreign
    ministry spokesperson"), read back to the first word that is neither."""
    window = text[max(0, start - 80) : start]
    out: list[str] = []
    for w in reversed(window.split()):
        low = _norm(w)
        if w[-1:] in ",.;:" or not low:
            break
        # A demonym is capitalised ("Russian"): no country lookup needed here.
        if low in _DESCRIPTOR_WORDS or w[:1].isupper() or _is_possessive(w):
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
