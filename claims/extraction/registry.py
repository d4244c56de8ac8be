"""In-article coreference: one `Entity` per speaker of an article, and how each mention
reached it ("Mr. Blinken", "he", "the secretary" -> "Antony J. Blinken").

`Registry.resolve` returns the entity and one of the `RESOLUTIONS` below; every claim carries
that word (`ExtractedClaim.speaker_resolution`), so a reviewer sees why a speaker was chosen.
Person names and their titles are `people.py`'s; documents and carriers `documents.py`'s.
Built fresh for every article; nothing is kept between calls. Cost: a prescan of the article's
capitalised names (one regex pass), then work per mention bounded by the names seen.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import lexicon as lx
from .antecedent import subject_antecedent
from .bodykeys import body_keys, is_description
from .companies import FIRM_HEADS, Companies, nearest_company
from .documents import carried, carrier_near, document_author
from .holders import capitalised_description, holder
from .mentions import Mention, _strip_possessive
from .people import (
    _DETERMINERS,
    _PERSON_HEADS,
    Entity,
    People,
    _is_honorific,
    _norm,
    honorific_gender,
    posts_of,
)

__all__ = ["RESOLUTIONS", "Entity", "Registry"]

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
# Generic heads of a body: "the ministry", "the company" -> the body of that kind named earlier.
_BODY_HEADS = lx.ORG_WORDS | lx.GOVERNMENT_WORDS | frozenset(("firm", "startup", "giant"))
# Generic heads of an outlet: "the newspaper" -> the paper that spoke before (a name that
# ends as a paper's title does), "the outlet" -> the outlet that spoke before.
_OUTLET_HEADS = frozenset(("newspaper", "paper", "outlet"))
_PAPER_HEADS = frozenset(("newspaper", "paper"))
# Heads of a description that a company answers to ("the company", "the firm").
_COMPANY_HEADS = frozenset(("company", "firm", "startup", "giant", "corporation", "group"))
_ISSUED_WORDS = frozenset(
    ["put", "out", "issued", "released", "signed", "sent", "posted", "published", "written"]
)
_WORD_RE = re.compile(r"[\w’'.-]+")
# What shows that a one-word name is a company's (`_typed_body`): a legal suffix after
# it anywhere in the text ("Nvidia Corp.", "Apple Inc"), or "its" opening the words it said
# ("Nvidia said its chips").
_SUFFIX_AFTER = r"(?:,?[ \t\xa0]+(?:Inc|Corp|Corporation|Co|Ltd|LLC|plc|PLC|GmbH|AG|NV|SE)\b)"
_SAID_ITS = (
    r"[ \t\xa0]+(?:said|says|added|adds|announced|announces|stated|states|reported|reports)"
    r"(?:[ \t\xa0]+that)?[ \t\xa0]+its\b"
)
_AFTER_NAME_RE = re.compile(f"{_SUFFIX_AFTER}|{_SAID_ITS}")
_NAME_CHAR_RE = re.compile(r"[\w’'-]")


@dataclass(slots=True)
class Registry:
    """Speakers seen so far in one article, and the people it names (built fresh per call)."""

    text: str
    in_quote: object  # callable(pos) -> bool
    speakers: list[tuple[int, Entity]] = field(default_factory=list)
    bodies: dict[str, Entity] = field(default_factory=dict)  # by lower-cased name
    people: People = field(init=False)
    depth: int = 0  # documents resolved inside documents ("the statement" -> "a statement")
    lowered: str | None = None  # text.lower(), for documents.carrier_near
    # (start, end) of every carrier word in `lowered`, sorted: documents.carrier_words
    carrier_spans: list[tuple[int, int]] | None = None
    # ids of the entities a later mention gave a name ("FSB" for "Russian state security"):
    # core._resolve gives the claims found before it that name too.
    renamed: set[int] = field(default_factory=set)
    typed: set[int] = field(default_factory=set)  # ids of one-word persons asked `_typed_body`
    companies: Companies | None = None  # the article's company names, on first use
    # callable(pos) -> (start, end) of the sentence around pos (Article.sentence); None: a
    # he/she never looks for the subject it continues (antecedent.subject_antecedent).
    sentence: object = None
    in_claim: object = None  # callable(pos) -> bool: is pos in the words of a claim?

    def __post_init__(self) -> None:
        self.people = People(self.text, self.in_quote, self.speakers)

    def prescan(self) -> None:
        """Register every person the article names (see `People.prescan`)."""
        self.people.prescan()

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
            author = carried(self, m.end, start, m.start)
            if author is not None and author is not ent:
                ent, how, via = author, "document", ent.name
        if via is None:
            via = carrier_near(self, sentence, start, end, ent.name if ent else "")
        return ent, how, via

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
            ent = capitalised_description(self, m, pos)
            if ent is not None:
                return ent, "role"
            words = [w for w in m.name.split() if not _is_honorific(w)]
            if not words:
                return None, ""
            words[-1] = _strip_possessive(words[-1])
            # "Mr Berg", "Dame Ana Lund", "Lord Berg": an honorific in the mention or right in
            # front of it (issue 10) tells whom it can be. Not the role: "of Baldwin, Miss."
            # is Mississippi.
            text_words = m.text.split()
            lead = text_words[: text_words.index(words[0])] if words[0] in text_words else []
            before = self.text[max(0, m.start - 8) : m.start]
            if before.endswith(" ") and "\n" not in before:
                lead += before.split()[-1:]
            gender = honorific_gender(lead)
            ent, how = self.people.person(words, pos, posts_of(m.role.split()), gender)
            ent.proper = True
            ent.role = ent.role or m.role
            ent.affiliation = ent.affiliation or m.affiliation
            ent.pending.extend([*m.role.split(), m.affiliation])
            _type_one_word(self, ent, words)
            return ent, how
        if not m.name:
            return None, ""
        words = _WORD_RE.findall(m.text)
        member = _member_of(self.people, words, pos)
        if member is not None:
            return member, "surname"
        head_words, tail = _split_head(words)
        while len(head_words) > 1 and _norm(head_words[-1]) in _ISSUED_WORDS:
            head_words = head_words[:-1]  # "a statement put out (by X)"
        head = _norm(head_words[-1]) if head_words else ""
        if head in lx.DOCUMENT_NOUNS and self.depth < 3:
            self.depth += 1
            try:
                ent = document_author(self, m, head_words, pos)
            finally:
                self.depth -= 1
            if ent is not None:
                return ent, "document"
        elif head in _PERSON_HEADS:
            ent = holder(self, words, head_words, tail, head, pos)
            if ent is not None:
                return ent, "role"
        if len(words) > 2 and _norm(words[0]) == "the" and words[1][-2:] in ("’s", "'s"):
            firm = self._firm(m.start) if _norm(words[1]) in FIRM_HEADS else None
            if firm is not None:  # "the company's board" is OpenAI's board
                m.name = f"{firm.name} {m.name.split(maxsplit=1)[1]}"
                m.kind = "organization"
        key = m.name.lower()
        ent = self.bodies.get(key)
        if ent is not None:
            if _plainer_spelling(m.name, ent.name):
                ent.name = m.name  # "OpenAI employees" for a headline's "OpenAI Employees"
                self.renamed.add(id(ent))
            return ent, "mention"
        keys = body_keys(words, self.text[m.end : m.end + 12]) if m.kind != "anonymous" else ()
        ent = next((self.bodies[k] for k in keys if k in self.bodies), None)
        if ent is not None:
            # Another name of a body the article named: "the FSB" after "Russian state
            # security", "the Central Intelligence Agency" after "the CIA".
            self._also_known_as(ent, m, words, key, keys)
            return ent, "organisation"
        if (
            (head in _BODY_HEADS or head in _OUTLET_HEADS)
            and words
            and _norm(words[0]) in ("the", "this", "that")
            and not any(w[:1].isupper() for w in words[1:])
        ):
            ent = self._generic(m)
            if ent is not None:
                return ent, "organisation"
        kind = "organization" if keys and m.kind in ("person", "group") else m.kind
        # "the FSB security service" is the FSB.
        name = next((k[8:] for k in keys if k.startswith("acronym:") and k[8:] in words), m.name)
        ent = Entity(name, kind, role=m.role, affiliation=m.affiliation, first_pos=pos)
        ent.pending = words
        self.bodies[key] = ent
        for k in keys:
            self.bodies.setdefault(k, ent)
        return ent, "mention"

    def _also_known_as(
        self, ent: Entity, m: Mention, words: list[str], key: str, keys: frozenset[str]
    ) -> None:
        """File another name of `ent` under its keys; a name ("FSB") replaces a description
        ("Russian state security") as the name the article's claims show (`renamed`)."""
        self.bodies.setdefault(key, ent)
        for k in keys:
            self.bodies.setdefault(k, ent)
        if is_description(ent.name.split()) and not is_description(words):
            ent.name = m.name
            ent.kind = "organization"
            self.renamed.add(id(ent))

    def _generic(self, m: Mention) -> Entity | None:
        """ "the ministry", "the company": the last speaker of that head or, failing that,
        of that kind ("the company" after "OpenAI said")."""
        head = m.name.split()[-1].lower()
        recent = self.speakers[-8:]
        for _, ent in reversed(recent):
            if ent.name.split()[-1].lower() == head or (
                ent.kind != "person" and head in self.people.described(ent)
            ):
                return ent  # a person is no body ("a spokesman for the ministry, X,")
            if (
                head in lx.MEDIA_WORDS
                and ent.kind == "media"
                and (head not in _PAPER_HEADS or ent.name.split()[-1].lower() in lx.PAPER_TITLES)
            ):
                return ent
        if head in _OUTLET_HEADS:
            return None  # an outlet is no other body
        if head in FIRM_HEADS:
            firm = self._firm(m.start)
            if firm is not None:
                return firm
        kind = "government" if head in lx.GOVERNMENT_WORDS else "organization"
        for _, ent in reversed(recent):
            if ent.kind == kind and ent.name.lower() != m.name.lower():
                return ent
        if head in _COMPANY_HEADS:
            for _, ent in reversed(recent):
                if self._one_word_body(ent):
                    _retype(self, ent)  # "the company" says what it is
                    return ent
        return None

    def _firm(self, pos: int) -> Entity | None:
        """The company "the company" at `pos` means: a recent speaker the text shows to be
        a company, else the company the text names last before it (companies.py)."""
        if self.companies is None:
            self.companies = Companies.of(self.text)
        for _, ent in reversed(self.speakers[-8:]):
            if ent.name.lower() in self.companies.lowered:
                _retype(self, ent)
                return ent
        name = nearest_company(self.text, self.companies, pos)
        if name is None:
            return None
        low = name.lower()
        ent = next((e for _, e in reversed(self.speakers[-50:]) if e.name.lower() == low), None)
        ent = ent or self.bodies.get(low) or self.people.by_name.get(name)
        if ent is None:
            ent = self.bodies[low] = Entity(name, "organization", proper=True, first_pos=pos)
        _retype(self, ent)
        return ent

    def _one_word_body(self, ent: Entity) -> bool:
        """A speaker named by one capitalised word that the article never gives a given
        name, a title or a pronoun: a company the mention classifier took for a person by its
        shape ("OpenAI said ... a statement put out by the company")."""
        name = ent.name
        if not ent.proper or ent.given or ent.gender or " " in name or not name[:1].isupper():
            return False
        if any(c.given for c in self.people.by_last.get(name, ())):
            return False  # "Brockman" of "Greg Brockman"
        return not (self.people.described(ent) & _PERSON_HEADS)

    def _resolve_pronoun(self, m: Mention, pos: int) -> Entity | None:
        p = m.pronoun
        want_person = p in ("m", "f", "s")  # `resolve` has taken relative pronouns already
        if p in ("s",) or m.text.lower() in ("we", "you"):
            return None
        if p in ("m", "f") and self.sentence is not None:
            ent = subject_antecedent(self, pos)
            if ent is not None and self._compatible(ent, p, True):
                return self._learn_gender(ent, p)
        # The previous speaker, if recent and compatible, wins: news prose keeps its subject.
        for spos, ent in reversed(self.speakers[-3:]):
            if pos - spos > 700:
                break
            if self._compatible(ent, p, want_person):
                return self._learn_gender(ent, p)
        if want_person:
            i = bisect.bisect_left(self.people.mention_pos, pos)
            steps = 0
            while i > 0 and steps < 30:
                i -= 1
                steps += 1
                ent = self.people.mention_ent[i]
                if pos - self.people.mention_pos[i] > 3000:
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

    def _compatible(self, ent: Entity, p: str, want_person: bool) -> bool:
        if want_person:
            if ent.kind != "person":
                return False
            if ent.pending or ent.spans:
                self.people.described(ent)  # a role noun may tell the gender ("spokeswoman")
            if ent.gender and ent.gender != p:
                return False
            head = ent.name.split()[-1].lower() if ent.name else ""
            return ent.proper or head in lx.ANONYMOUS_HEADS or head in lx.TITLE_WORDS
        if p == "p":
            return ent.kind in ("group", "anonymous", "government", "organization", "media")
        # "n" ("it", "its"): the only other code a mention's pronoun takes (lexicon PRONOUNS)
        return ent.kind in ("government", "organization", "media")

    def note_speaker(self, pos: int, ent: Entity) -> None:
        self.speakers.append((pos, ent))


def _typed_body(text: str, name: str) -> bool:
    """Does the article show that a one-word name the mention classifier took for a person
    (`Registry._one_word_body`) is a company's? A name the lexicon knows ("Nvidia"), a legal
    suffix after it elsewhere ("Apple Inc."), or "its" opening what it said ("Apple said its
    phone ..."). "the company" for it is evidence too (`Registry._generic`). Cost: one `find`
    pass over the text for the name, a match after each occurrence."""
    if name.lower() in lx.KNOWN_COMPANIES:
        return True
    k = text.find(name)
    while k >= 0:
        end = k + len(name)
        if (k == 0 or not _NAME_CHAR_RE.match(text, k - 1)) and _AFTER_NAME_RE.match(text, end):
            return True
        k = text.find(name, end)
    return False


def _type_one_word(reg: Registry, ent: Entity, words: list[str]) -> None:
    """A person named by one word (`words`) that the article shows to be a company is one
    (asked once per entity: each answer reads the text), and so is one named by two words
    that make a known company's name."""
    if len(words) == 1 and id(ent) not in reg.typed:
        reg.typed.add(id(ent))
        if reg._one_word_body(ent) and _typed_body(reg.text, ent.name):
            _retype(reg, ent)
    elif len(words) == 2 and " ".join(words).lower() in lx.KNOWN_COMPANIES:
        _retype(reg, ent)  # "Goldman Sachs: ..." reads like a full name


def _retype(reg: Registry, ent: Entity) -> None:
    """A one-word speaker is a company: every claim of it says so (`renamed`)."""
    if ent.kind == "person":
        ent.kind = "organization"
        reg.renamed.add(id(ent))


def _member_of(people: People, words: list[str], pos: int) -> Entity | None:
    """ "Heiserman of the Teachers Union": a surname the article gives a person, then "of"
    and the body, is that person (the phrase reads as the body's name only when nobody of
    that name is known)."""
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if len(words) < 3 or words[1] != "of" or words[0] not in people.by_last:
        return None
    ent, _ = people.person(words[:1], pos, set())
    return ent


def _split_head(words: list[str]) -> tuple[list[str], list[str]]:
    """ "spokesperson for Qatar's ministry" -> (["spokesperson"], ["Qatar's", "ministry"])."""
    for k, w in enumerate(words):
        if k and w.lower() in ("of", "for", "at"):
            return words[:k], words[k + 1 :]
    return words, []


def _plainer_spelling(new: str, old: str) -> bool:
    """`new` spells `old` with fewer capitals and the same first letter: a title-case
    headline's "OpenAI Employees" gives way to the body's "OpenAI employees"."""
    return (
        new != old
        and new[:1] == old[:1]
        and sum(ch.isupper() for ch in new) < sum(ch.isupper() for ch in old)
    )
