"""The claim extractor: triggers -> rules -> drafts -> in-article speaker resolution.

Three passes find the triggers (reporting cues, claim nouns before "that", quotes no cue
claimed) and try the rules of `rules.RULES` on each; `Registry` then resolves every draft's
speaker mention across the article. Cost model: one linear regex pass each for quotes,
sentence breaks, names and cues; then work bounded by a fixed window per trigger.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .registry import Entity, Registry
from .rules import NO_CLAIM, Article, Draft, rules_for
from .rules.cue import Cue
from .rules.interview import Turn, find_turns
from .rules.patterns import CUE_RE, claim_nouns
from .rules.quotes import QuoteSite


def _logger():
    """The module's logger, imported on the first failure: most processes never log, and
    `import logging` is a noticeable part of `python -m claims.extraction`'s start-up."""
    import logging

    return logging.getLogger(__name__)


# rules-2.0: the engine as named rules (claims/extraction/rules/), each claim naming its rule.
# rules-2.1: claims in the headline (extract_article); a quote split around a sentence-final
# cue is two claims.
# rules-2.2: the rules landed after 2.1 on 2026-12-02 (stance verbs with an object, passive
# and editor's-note filters, quote after reported speech, interview turns, content boundaries):
# `import_articles --update` re-extracts what 2.1 read.
# rules-2.3: 2026-12-02 evening: "according to Y" carriers (reported_by), as X put it, asides
# that close again are no cut, a quote resumed after a second cue is that cue's, ministries
# named with their portfolio, "the company".
# rules-2.4: 2026-12-03: one body under its acronym, expansion or function (bodykeys), carried
# statements, belief verbs with an "it" clause, resumed "and ..." quotes, title-case headline
# cues, conjoined intent verbs, quote and content boundaries (PolNeAR).
# rules-2.5: 2026-12-03 (issue 10's coverage work): "..., said X in an interview", "as X might
# put it", "Most of them said", "known as" is naming, time adverbs are no content, "told the
# Herald on Monday, “...”", "Contrast that with X, who", "was reported by", "X of the Y said",
# "“A,” X pointed out".
# rules-2.6: 2026-12-03 afternoon (PolNeAR quotes): a quoted sentence that goes on after
# "“A,” X said.", "what X called “label”", a quote resumed after the speaker's relative clause,
# a present participle after the subject, the subject looked for in 240 characters.
# rules-2.7: 2026-12-03 evening (issue 10's wrong outputs): a title before a name is no part
# of it ("Treasury Secretary Jacob Lew", "Secretary of the Treasury Jacob Lew"), an agency is a
# body of government, "the newspaper" is the paper that spoke before, a body's name before
# "estimates", a former post splits no person; then (same evening, before any import at 2.7)
# a sentence adverb is no speaker ("Hopefully, said X"), a verb before an article ends a name
# ("Tom Berg met the mayor"), "stated it will ...", "a statement from X said", "said of X and
# Y, “B”", no "New" before "plan:".
# rules-2.8: 2026-12-03 evening (issue 10, inverted cues between commas): "Fine, said X." is
# no claim of "Fine" with "X" as its content, "The tunnel, said X, will open ..." is X's, and
# a dotted acronym after "the" ("the U.N.", "the F.B.I.") is a body, not a dateline.
# rules-2.9: same evening (issue 10, known wrong outputs): "find" after a modal or "to" with
# no "that" is no cue ("would find the money"), a group or a government before a colon
# speaks the quote after it ("Democrats: “...”"), "A, he said, will close." joins both
# halves, and "..., said X, the mayor, on Monday." is X's.
# rules-2.10: same evening (issue 10, gender-aware pronouns): a person's given name tells a
# gender (lexicon.given_name_gender, a generated table: "Anna", "Khizr"; not "Kim"), so
# "she" skips "Tom Lund" and a bare "Mr. Khan" skips "Ghazala Khan"; an honorific outranks it.
# rules-2.11: same evening (issue 10, wrong outputs): an -s verb after an article and one noun
# ends the subject when its object follows ("The ad features old photos telling ...": "Ad").
# rules-2.12: same evening: a role noun of a person's description tells a gender too
# ("Kremlin spokeswoman Kim Lund", "Robin Berg, the husband of ..."; not "spokesman", which
# news style gives women, nor "a lawyer for his wife"), outranking the given name.
# rules-2.13: a one-word speaker the article shows to be a company ("the company" for it, a
# legal suffix after it, "X said its ...", a company the lexicon knows) is an organisation.
# rules-2.14: single quotation marks pair as quotes after a cue and a comma or a colon, or at
# a sentence's start, to a sentence's end (`Lund noted, 'A ...'` is direct), never apostrophes.
# rules-2.15: a carrier phrase opening with marks ("according to -- Reuters", "... Reuters")
# no longer raises and loses the claim (corpora unchanged: re-extracts what it had lost).
# rules-2.16: a title-case line's speaker before a colon ends before its -s verb ("Ina Lund
# Hammers Bank CEO: '...'" is Ina Lund's) when a given name opens it or the article names it.
# rules-2.17: a time adjunct between subject and cue ("Brockman on Saturday announced that",
# "Tom Berg yesterday said") no longer keeps the subject from its cue.
# rules-2.18: "A and, according to X, they B": two claims of X's, A and B (was one, "A and"),
# when the clause after the source opens with its own subject.
# rules-2.19: "as confirmed by X" is an attribution; content before "X told ABC News programme
# This Week." and "X said Saturday, in a deal ... that"; "after union chief X announced" ends it.
# rules-2.20: a description is matched against the words each person was introduced with:
# an apposition before the name, a party-and-state tag ("(R-Fla.)"), "the Vermont Democrat".
# rules-2.21: "the company" is the company the text names nearest before it (its paragraph or
# the one before, else the headline's), "the company's board" that company's; "Goldman Sachs".
# rules-2.22: an epithet no one was introduced with ("the mercenary", "the Kentucky
# Republican") is the person just named: the one earlier in its sentence, or the one whose
# name opens the sentence before.
# rules-2.23: the speaker before a time or place adjunct ("The company late Friday announced",
# "The mayor on the council floor said", "A poll released Monday showed"), a study's author
# after it ("conducted by X"); no negative subject speaks ("Nobody said"); a "Name:" line may
# hold a cue that made no claim ("US: uprising in Russia reveals ...").
# rules-2.24: remarks or a message stand for who made or sent them ("he made explosive comments
# calling for ..." is his; "X released a statement highlighting ..." is X's, not the sentence's
# first subject's); a name that owns the message speaks ("Lund's op-ed supporting ...").
# rules-2.25: "“A”, added X" (the comma outside the closing mark) is X's quote; "specify" and
# "underline" are reporting verbs before "that".
# rules-2.26: a he/she continues the person who is the subject of the sentence before it (or of
# its own sentence) when gender allows, before the previous speaker ("Tom Lund said X. Peter
# Berg took office. He said Y.": Berg); not a subject in a claim's words, a possessive, a question.
EXTRACTOR_VERSION = "rules-2.26"

KINDS = ("direct", "indirect", "mixed")


def _table(trigger: str) -> tuple[tuple[str, Callable], ...]:
    return tuple((rule.name, rule.apply) for rule in rules_for(trigger))


_TURN_RULES = _table("turn")
_CUE_RULES = _table("cue")
_NOUN_RULES = _table("claim_noun")
_LINE_RULES = _table("line")
_QUOTE_RULES = _table("quote")


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    """One attributed claim. All offsets are Python str indices into the text given to
    `extract_claims`; `text[start:end] == content` always holds, likewise for cue and mention.
    """

    content: str
    start: int
    end: int
    kind: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    mention: str | None
    mention_start: int | None
    mention_end: int | None
    speaker: str | None
    speaker_kind: str
    role: str
    affiliation: str
    context_start: int
    context_end: int
    rule: str = ""  # the name of the rule that found the claim (see rules.RULES)
    # How the speaker was reached from the mention (registry.RESOLUTIONS), and the agency or
    # paper that only carried the words ("according to Reuters, X said": X, via Reuters).
    speaker_resolution: str = ""
    via: str | None = None
    # From `extract_article`: the claim stands in the headline, and its offsets point into the
    # headline instead of the body.
    in_headline: bool = False
    # The source that carried the report and its cue, "“A,” X said, according to Y": (cue
    # start, cue end, Y's start, Y's end). PolNeAR annotates that as Y's attribution.
    reported_by: tuple[int, int, int, int] | None = None


def _apply(rules: tuple[tuple[str, Callable], ...], art: Article, site: object) -> Draft | None:
    """The draft of the first rule that takes `site`, named after that rule; None when a
    rule declines it or none takes it. A rule that raises loses only this site's claim."""
    name = ""
    try:
        for name, apply in rules:
            out = apply(art, site)
            if out is None:
                continue
            if out is NO_CLAIM:
                return None
            out.rule = name
            return out
    except Exception:
        _logger().exception(
            "extraction rule %s failed at offset %s; its claim is skipped", name, _offset(site)
        )
    return None


def _offset(site: Cue | QuoteSite | Turn | tuple[int, ...]) -> int:
    if isinstance(site, Cue):
        return site.start
    if isinstance(site, QuoteSite):
        return site.q.start
    if isinstance(site, Turn):
        return site.start
    return site[0]  # a claim noun's (start, end, that_end) or a line's paragraph span


def _find(art: Article) -> None:
    """Run the passes over `art`, leaving its drafts sorted by start."""
    for turn in find_turns(art):  # interview transcripts: before any cue inside them
        d = _apply(_TURN_RULES, art, turn)
        if d is not None:
            art.add(d)
    later = []
    for m in _cue_matches(art):
        cue = Cue(art, m)
        if cue.belief:
            later.append(cue)  # "X believed A, Y said B": B goes to the stronger cue
            continue
        d = _apply(_CUE_RULES, art, cue)
        if d is not None:
            art.add(d)
    for cue in later:
        d = _apply(_CUE_RULES, art, cue)
        if d is not None:
            art.add(d)
    for noun in claim_nouns(art.text):
        d = _apply(_NOUN_RULES, art, noun)
        if d is not None:
            art.add(d)
    text = art.text
    for para in art.paras:
        if text.find(":", para[0], para[0] + 80) >= 0:  # cheap test first: most have none
            d = _apply(_LINE_RULES, art, para)
            if d is not None:
                art.add(d)
    art.drafts.sort(key=lambda d: d.start)
    _attach_quotes(art)
    art.drafts.sort(key=lambda d: d.start)
    if art.carriers:
        _attach_carriers(art)


@functools.cache
def _title_cue_re() -> re.Pattern[str]:
    """A headline capitalises its verbs ("..., Announces CEO Ana Silva", "Nurses Threaten to
    Quit"): in the headline a cue is also found with a capital, except as its first word.
    Compiled on first use: only `extract_article` reads headlines, and compiling the cue
    pattern again is ~9 ms (~115 M instructions) of every `python -m claims.extraction`."""
    return re.compile(CUE_RE.pattern, re.IGNORECASE)


def _cue_matches(art: Article) -> Iterable[re.Match[str]]:
    """The cue matches of `art` in text order, with the capitalised verbs of its headline."""
    found = CUE_RE.finditer(art.text)
    if not art.headline_end:
        return found
    text = art.text
    first = len(text) - len(text.lstrip())
    extra = [
        m
        for m in _title_cue_re().finditer(text, 0, art.headline_end)
        if m.start() > first
        and m.lastgroup == "verb"
        and m.group()[:1].isupper()
        and CUE_RE.match(text, m.start()) is None
    ]
    if not extra:
        return found
    return sorted([*found, *extra], key=lambda m: m.start())


def _attach_carriers(art: Article) -> None:
    """`“A,” X said, according to Y.` / `According to Y, X said A.`: the claim of the cue
    next to "according to" in its sentence (the last before it, or the first after it) was
    carried by Y (`reported_by`)."""
    drafts = art.drafts
    starts = [d.start for d in drafts]
    for span, mention, sentence in art.carriers:
        s0, s1 = sentence
        i = bisect.bisect_left(starts, span[0])
        before = drafts[i - 1] if i > 0 else None
        if before is not None and before.end <= span[0] and before.start >= s0:
            target = before
        elif i < len(drafts) and drafts[i].start < s1:
            target = drafts[i]
        else:
            continue
        if target.reported_by is None and target.mention is not None:
            target.reported_by = (span, mention)


def _attach_quotes(art: Article) -> None:
    """Quotes no cue claimed: split-quote halves, multi-paragraph and continuation quotes,
    and quotes credited by a colon, a dash or an unlisted verb."""
    drafts = art.drafts
    starts = [d.start for d in drafts]
    new: list[Draft] = []
    for q in art.quotes:
        if art.is_taken(q.start) or art.overlaps_taken(q.start, q.end):
            continue
        i = bisect.bisect_right(starts, q.start) - 1
        prev = drafts[i] if i >= 0 else None
        if new and (prev is None or new[-1].start > prev.start):
            prev = new[-1]
        d = _apply(_QUOTE_RULES, art, QuoteSite(art, q, prev, drafts, i))
        if d is not None:
            new.append(d)
            bisect.insort(art.taken, (d.start, d.end))
    drafts.extend(new)


def _resolve(art: Article) -> list[ExtractedClaim]:
    """Resolve each draft's speaker across the article and build the claims."""
    text = art.text
    reg = Registry(text, art.in_quote, sentence=art.sentence, in_claim=art.is_taken)
    reg.prescan()
    out: list[ExtractedClaim] = []
    ents: list[Entity | None] = []
    for d in art.drafts:
        try:
            out.append(_claim(art, reg, d))
            ents.append(d.ent)
        except Exception:
            # The registry is attrib's coreference; a bug there loses this claim, not the article.
            _logger().exception("extraction: resolving the speaker at offset %s failed", d.start)
    if reg.renamed:
        # A body first described ("Russian state security") and named further down ("the
        # FSB"): every claim of it shows the name.
        out = [
            dataclasses.replace(c, speaker=e.name, speaker_kind=e.kind)
            if e is not None and id(e) in reg.renamed
            else c
            for c, e in zip(out, ents, strict=True)
        ]
    return out


def _claim(art: Article, reg: Registry, d: Draft) -> ExtractedClaim:
    text = art.text
    m = d.mention
    ent: Entity | None = None
    how, via = "", None
    if d.speaker_of is not None and (m is None or d.speaker_of.mention is m):
        ent, how = d.speaker_of.ent, "continuation"
    elif m is not None:
        ent, how, via = reg.attribute(m, d.start, d.end, d.sentence)
    d.ent = ent
    if ent is not None:
        reg.note_speaker(d.start, ent)
    if m is not None and d.speaker_of is None:
        speaker_kind = (ent.kind if ent is not None else m.kind) or "person"
    elif ent is not None:
        speaker_kind = ent.kind
    else:
        speaker_kind = "anonymous"
    # Always one of checks.SPEAKER_KINDS: an entity's or mention's kind is mentions.classify's
    # answer, "person" or "anonymous" (a pronoun's "" is read as "person" above).
    p0, _ = art.paragraph_of(d.start)
    _, p1 = art.paragraph_of(max(d.start, d.end - 1))
    show_mention = m is not None and not (d.speaker_of is not None and d.cue is None)
    return ExtractedClaim(
        content=text[d.start : d.end],
        start=d.start,
        end=d.end,
        kind=d.kind,
        cue=text[d.cue[0] : d.cue[1]] if d.cue else None,
        cue_start=d.cue[0] if d.cue else None,
        cue_end=d.cue[1] if d.cue else None,
        mention=text[m.start : m.end] if show_mention else None,
        mention_start=m.start if show_mention else None,
        mention_end=m.end if show_mention else None,
        speaker=ent.name if ent is not None else None,
        speaker_kind=speaker_kind,
        role=(ent.role if ent is not None else "") or (m.role if m else ""),
        affiliation=(ent.affiliation if ent is not None else "") or (m.affiliation if m else ""),
        context_start=min(p0, d.start),
        context_end=max(p1, d.end),
        rule=d.rule,
        speaker_resolution=how if ent is not None else "",
        via=via,
        reported_by=(
            (*d.reported_by[0], d.reported_by[1].start, d.reported_by[1].end)
            if d.reported_by is not None
            else None
        ),
    )


def extract_claims(text: str) -> list[ExtractedClaim]:
    """All attributed claims in `text`, in text order.

    Deterministic and pure: no I/O, no state kept between calls. Never raises for any `str`
    (anything else is treated as empty): a rule that raises loses its claim and is logged.
    Runs in time linear in len(text).
    """
    return _extract(text, 0)


def _extract(text: str, headline_end: int) -> list[ExtractedClaim]:
    if not isinstance(text, str) or not text:
        return []
    try:
        art = Article(text, headline_end)
    except Exception:  # quotes, sentences or paragraphs could not be read: nothing to find
        _logger().exception("extraction: could not segment a text of %d characters", len(text))
        return []
    _find(art)
    return _resolve(art)


HEADLINE_BREAK = "\n\n"  # the headline is read as the article's first paragraph


def extract_article(headline: str, body: str) -> list[ExtractedClaim]:
    """The claims of an article kept as a headline and a body, as a reader reads it: the
    headline, a blank line, the body (so `Lund: “No new taxes”` in the headline is found, and
    a name in the headline helps resolve the body's speakers). Each claim's offsets then point
    into the part it stands in: the headline for `in_headline` claims, the body for the rest.
    A mention or cue that stands in the other part keeps no offsets (and no mention text).
    """
    headline = headline if isinstance(headline, str) else ""
    if not headline.strip():
        return extract_claims(body)
    if not isinstance(body, str):
        body = ""
    shift = len(headline) + len(HEADLINE_BREAK)
    out = []
    for c in _extract(headline + HEADLINE_BREAK + body, len(headline)):
        if c.end <= len(headline):
            out.append(_rebase(c, 0, len(headline), 0, in_headline=True))
        elif c.start >= shift:
            out.append(_rebase(c, shift, shift + len(body), shift, in_headline=False))
    return out


def _rebase(c: ExtractedClaim, lo: int, hi: int, shift: int, *, in_headline: bool):
    """`c` with its offsets into [lo, hi) moved back by `shift`; spans outside it dropped."""

    def inside(a: int | None, b: int | None) -> bool:
        return a is not None and b is not None and lo <= a and b <= hi

    changes: dict = {
        "start": c.start - shift,
        "end": c.end - shift,
        "context_start": max(c.context_start, lo) - shift,
        "context_end": min(c.context_end, hi) - shift,
        "in_headline": in_headline,
    }
    if inside(c.mention_start, c.mention_end):
        changes["mention_start"] = c.mention_start - shift
        changes["mention_end"] = c.mention_end - shift
    else:
        changes.update(mention=None, mention_start=None, mention_end=None)
    if inside(c.cue_start, c.cue_end):
        changes["cue_start"] = c.cue_start - shift
        changes["cue_end"] = c.cue_end - shift
    else:
        changes.update(cue=None, cue_start=None, cue_end=None)
    if c.reported_by is not None:
        a, b, ms, me = c.reported_by
        inside_all = inside(a, b) and inside(ms, me)
        changes["reported_by"] = (
            (a - shift, b - shift, ms - shift, me - shift) if inside_all else None
        )
    return dataclasses.replace(c, **changes)
