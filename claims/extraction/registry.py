"""In-article coreference: one `Entity` per speaker of an article, and how each mention
reached it ("Mr. Blinken", "he", "the secretary" -> "Antony J. Blinken").

Built fresh for every article; nothing is kept between calls.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import lexicon as lx
from .mentions import _INSTITUTION_WORDS, Mention, _strip_possessive

# Proper names anywhere in the text (for "Mr. Blinken" -> "Antony J. Blinken" and pronouns).
# Two to five capitalised tokens; middle initials allowed. Bounded repetition keeps it linear.
# Spelled so that the pattern opens with a character class: `re` then skips to the next
# capital letter in C instead of trying a match at every position (3-4x faster whole-text
# scans). The word boundary is checked after that first letter (`(?<!\w.)`: no word character
# before it) and the honorific is matched by its remaining letters. Same matches as the plain
# form `\b(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?[A-Z][a-zà-ÿ’'-]+(?:...){1,3}`.
_NAME_RE = re.compile(
    r"[A-Z](?<!\w.)(?:(?:(?<=M)(?:r|rs|s)|(?<=D)r|(?<=S)en|(?<=R)ep|(?<=G)(?:ov|en))\.\s+[A-Z])?"
    r"[a-zà-ÿ’'-]+"
    r"(?:\s+(?:[A-Z]\.\s*){0,2}(?:(?:de|van|von|bin|al|da|di|le|la|del|der)\s+)?"
    r"[A-Z][a-zà-ÿ’'-]+){1,3}"
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


@dataclass(slots=True)
class Entity:
    name: str
    kind: str
    role: str = ""
    affiliation: str = ""
    gender: str = ""  # "m", "f" or ""
    last: str = ""
    proper: bool = False


@dataclass(slots=True)
class Registry:
    """Speakers and person names seen so far in one article (built fresh per call)."""

    text: str
    in_quote: object  # callable(pos) -> bool
    by_last: dict[str, Entity] = field(default_factory=dict)
    by_name: dict[str, Entity] = field(default_factory=dict)
    mention_pos: list[int] = field(default_factory=list)
    mention_ent: list[Entity] = field(default_factory=list)
    speakers: list[tuple[int, Entity]] = field(default_factory=list)

    def prescan(self) -> None:
        """Register every multi-word proper name and honorific gender, in text order."""
        text = self.text
        genders: dict[str, str] = {}
        for m in _HONORIFIC_NAME_RE.finditer(text):
            h = m.group(1).lower() + "."
            g = "f" if h in lx.FEMALE_HONORIFICS or h == "miss." else "m" if h == "mr." else ""
            if g:
                genders.setdefault(_strip_possessive(m.group(2)), g)
        for m in _NAME_RE.finditer(text):
            start = m.start()
            if self.in_quote(start) or _PLACE_BEFORE_RE.search(text, max(0, start - 8), start):
                continue
            found = m.group()
            words = all_words = found.split()
            while words and words[0].lower() in _NAME_LEAD_SKIP:
                words = words[1:]
            if len(words) < 2 or words[0].lower() in lx.HONORIFICS:
                continue
            titles = all_words[: len(all_words) - len(words)]
            words[-1] = _strip_possessive(words[-1])
            lows = {w.lower() for w in words}
            if not lows.isdisjoint(_NOT_PERSON_WORDS):
                continue
            full = " ".join(words)
            if full in lx.COUNTRIES or not _PLACE_WORDS.isdisjoint(words):
                continue
            ent = self._person(full)
            if not ent.role and titles and all(w.lower() in lx.TITLE_WORDS for w in titles):
                lead = text[max(0, m.start() - 30) : m.start()].split()
                if len(lead) >= 2 and lead[-1] == "of" and lead[-2].lower() in lx.TITLE_WORDS:
                    titles = [*lead[-2:], *titles]
                ent.role = " ".join(titles)
            if ent.gender == "" and words[-1] in genders:
                ent.gender = genders[words[-1]]
            self.mention_pos.append(start + len(found) - len(found.lstrip()))
            self.mention_ent.append(ent)

    def _person(self, full: str) -> Entity:
        ent = self.by_name.get(full)
        if ent is None:
            last = full.split()[-1]
            ent = self.by_last.get(last)
            if ent is None or (
                len(full) > len(ent.name)
                and ent.name.split()[-1] == last
                and (full.split()[0] == ent.name.split()[0])
            ):
                if ent is None:
                    ent = Entity(full, "person", last=last, proper=True)
                    self.by_last[last] = ent
                else:
                    ent.name = full
            self.by_name[full] = ent
        return ent

    def resolve(self, m: Mention, pos: int) -> Entity | None:
        """Map a mention to an article-level entity, registering new ones."""
        if m.relative:
            return self.resolve(m.antecedent, pos) if m.antecedent is not None else None
        if m.pronoun:
            return self._resolve_pronoun(m, pos)
        if m.kind == "person":
            words = [w for w in m.name.split() if w.lower() not in lx.HONORIFICS]
            if not words:
                return None
            last = _strip_possessive(words[-1])
            ent = self.by_name.get(" ".join(words))
            if ent is None:
                ent = self.by_last.get(last)
            if ent is None:
                ent = Entity(" ".join(words), "person", last=last, proper=m.proper)
                self.by_last[last] = ent
                self.by_name[ent.name] = ent
            ent.proper = ent.proper or m.proper
            h = m.text.split()[0].lower() if m.text else ""
            if h in lx.FEMALE_HONORIFICS:
                ent.gender = "f"
            elif h in lx.MALE_HONORIFICS:
                ent.gender = "m"
            ent.role = ent.role or m.role
            ent.affiliation = ent.affiliation or m.affiliation
            return ent
        if not m.name:
            return None
        key = m.name.lower()
        ent = self.by_name.get(key)
        if ent is None and m.text.lower().startswith(("the ", "this ", "that ")):
            ent = self._generic(m)
        if ent is None:
            ent = Entity(m.name, m.kind, role=m.role, affiliation=m.affiliation)
            self.by_name[key] = ent
        return ent

    def _generic(self, m: Mention) -> Entity | None:
        head = m.name.split()[-1].lower()
        for _, ent in reversed(self.speakers[-8:]):
            if ent.name.split()[-1].lower() == head:
                return ent
            if head in lx.MEDIA_WORDS and ent.kind == "media":
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
