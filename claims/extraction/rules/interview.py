"""Interviews: the interviewer's questions and the guest's answers alternate; an answer is the
guest's claim, a question is no claim at all.

Transcript shapes as web news prints them (bold labels are plain text once a page is cleaned;
leftover `**` or `__` around a label is allowed):

- `Q: ...` / `A: ...` (also `Q.`, `Question:`, `Answer:`): the guest is the person the article
  names most before the transcript (the first named, when two are named as often);
- named turns, `HOLT: ...` / `PUTIN: ...`, `Lester Holt: ...`: the interviewer is the one label
  whose turns are mostly questions; every other label answers for itself;
- dash-led turns (`— Will you run again?` / `— No.`), as transcripts from many outlets print
  them: a turn that ends with a question mark is the question; the guest as for Q/A.

A transcript is at least three turns of one shape with a question and an answer; paragraphs
without a label between two turns go on with the turn before them. `find_turns` is one pass
over the paragraph starts; the `turn` rules then take each paragraph of each turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon as lx
from ..mentions import Mention, mention_from_tokens, tokenize
from ..people import _NAME_RE
from .article import NO_CLAIM, Article, Draft, NoClaim
from .quotes import QuoteSite

_MARK = r"[ \t*_]*"
_QA_RE = re.compile(_MARK + r"(?P<label>Q|A|Question|Answer)" + _MARK + r"[:.]" + _MARK + r"(?=\S)")
_NAMED_RE = re.compile(
    _MARK
    + r"(?P<label>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})"
    + _MARK
    + r":"
    + _MARK
    + r"(?=\S)"
)
_DASH_RE = re.compile(r"[ \t]*(?P<label>[—–])[ \t]+(?=\S)")
_MAX_GAP = 3  # unlabelled paragraphs a turn may run on for
_GUEST_WINDOW = 3000  # how far before a transcript its guest is looked for
_MAX_TRANSCRIPTS = 20  # an article of more is no interview: bounded work per article
_CLOSERS = "”\"’'*_ \t\n"  # after a question mark: closing quotes, markup, space
_SENTENCE_END_RE = re.compile(r"[.!]\s")


@dataclass(slots=True)
class Turn:
    """One paragraph of an interview turn: its content span, whether it asks, and who answers
    (None for a question). `label` is the label's span on a turn's first paragraph."""

    start: int
    end: int
    question: bool
    mention: Mention | None
    label: tuple[int, int] | None


def _label(text: str, p0: int, p1: int) -> tuple[str, str, int, int, int] | None:
    """(shape, label, label start, label end, content start) of a paragraph that opens a turn."""
    for shape, pattern in (("qa", _QA_RE), ("named", _NAMED_RE), ("dash", _DASH_RE)):
        m = pattern.match(text, p0, p1)
        if m is not None:
            return shape, m.group("label"), m.start("label"), m.end("label"), m.end()
    return None


def mentions_interview(text: str) -> bool:
    r"""Whether a word of the text opens with "interview" or "Interview": what
    `re.search(r"\b[Ii]nterview", text)` answers (its plain form, in
    tests/extraction/test_fast_paths.py). Found from the literal "nterview" with `str.find`
    (a C substring scan) instead of trying the pattern at every position of the article:
    45 ms -> 2 ms over PolNeAR train."""
    k = text.find("nterview", 1)
    while k >= 0:
        if text[k - 1] in "Ii" and (k == 1 or not _is_word_char(text[k - 2])):
            return True
        k = text.find("nterview", k + 1)
    return False


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # `re`'s \w for str patterns


def _asks(text: str, s: int, e: int) -> bool:
    return text[s:e].rstrip(_CLOSERS).endswith("?")


def find_turns(art: Article) -> list[Turn]:
    """Every paragraph of every interview transcript in the article, in text order."""
    text = art.text
    art.interview = mentions_interview(text)
    turns: list[Turn] = []
    block: list[tuple] = []  # (shape, label, ls, le, cs, p1, [(p0, p1) more paragraphs])
    gap: list[tuple[int, int]] = []
    for p0, p1 in art.paras:
        head = _label(text, p0, p1) if text[p0 : p0 + 1] not in ("“", '"') else None
        if head is None or (block and head[0] != block[0][0]):
            if block and head is None and len(gap) < _MAX_GAP:
                gap.append((p0, p1))
                continue
            turns += _turns_of(art, block)
            block, gap = [], []
            if head is None:
                continue
        if block:
            block[-1][6].extend(gap)
        gap = []
        block.append((*head, p1, []))
    turns += _turns_of(art, block)
    return turns


def _turns_of(art: Article, block: list[tuple]) -> list[Turn]:
    if len(block) < 3 or art.transcripts >= _MAX_TRANSCRIPTS:
        return []
    art.transcripts += 1
    text = art.text
    shape = block[0][0]
    asks = [_asks(text, t[4], (t[6][-1][1] if t[6] else t[5])) for t in block]
    if shape == "qa":
        kinds = {t[1][0] for t in block}
        if kinds != {"Q", "A"}:
            return []
        questions = [t[1][0] == "Q" for t in block]
        guests = {"A": _guest(art, block[0][2])}
    elif shape == "named":
        labels = {t[1] for t in block}
        if not 2 <= len(labels) <= 4 or not all(_plausible_label(t[1]) for t in block):
            return []
        share = {
            label: sum(a for t, a in zip(block, asks, strict=True) if t[1] == label)
            / sum(1 for t in block if t[1] == label)
            for label in labels
        }
        ranked = sorted(share.values(), reverse=True)
        if ranked[0] < 0.5 or ranked[0] == ranked[1]:
            return []
        asker = max(share, key=share.__getitem__)
        questions = [t[1] == asker for t in block]
        guests = {t[1]: _label_mention(text, t[2], t[3]) for t in block if t[1] != asker}
    else:
        questions = asks
        guests = {t[1]: _guest(art, block[0][2]) for t in block}
    if not any(questions) or all(questions) or None in guests.values():
        return []
    out = []
    for t, question in zip(block, questions, strict=True):
        mention = None if question else guests[t[1] if shape != "qa" else "A"]
        out.append(Turn(t[4], t[5], question, mention, (t[2], t[3])))
        out += [Turn(p0, p1, question, mention, None) for p0, p1 in t[6]]
    return out


def _plausible_label(label: str) -> bool:
    """A name or a short title, not a headline label ("UPDATE", "The Latest", "Photo")."""
    words = label.split()
    return words[0].lower() not in lx.DETERMINERS and words[-1].lower() not in lx.HEADLINE_LABELS


def _label_mention(text: str, s: int, e: int) -> Mention | None:
    """The speaker a label names: "PUTIN" is "Putin", "Lester Holt" himself."""
    words = text[s:e]
    name = words.title() if words.isupper() else words
    toks = tokenize(text, s, e)
    m = mention_from_tokens(text, toks, 0, len(toks)) if toks else None
    if m is not None and m.kind not in ("", "person"):
        return m
    return Mention(s, e, words, name, "person", proper=True, phrase_start=s, phrase_end=e)


def _guest(art: Article, start: int) -> Mention | None:
    """The person the article names most before a transcript (the first named of those):
    the guest of a Q/A or dash transcript."""
    text = art.text
    w0 = max(0, start - _GUEST_WINDOW)
    seen: dict[str, Mention] = {}
    for m in _NAME_RE.finditer(text, w0, start):
        if art.in_quote(m.start()):
            continue
        toks = tokenize(text, m.start(), m.end())
        mention = mention_from_tokens(text, toks, 0, len(toks)) if toks else None
        if mention is not None and mention.kind == "person" and mention.proper:
            seen[mention.name.split()[-1]] = mention
    if not seen:
        return None
    order = list(seen)  # first named first
    return seen[max(order, key=lambda last: (text.count(last, w0, start), -order.index(last)))]


def interview_turn(art: Article, turn: Turn) -> Draft | NoClaim:
    """A transcript's turn: `Q: Will the clinic open in May?` is no claim (nothing else is
    taken from it); `A: It will open on the first of May.` is the guest's, word for word."""
    s, e = turn.start, turn.end  # paragraphs end at their last non-space character
    if turn.question or e <= s:
        art.reserve(s, e)
        return NO_CLAIM
    return Draft(s, e, "direct", turn.label, turn.mention, art.sentence(s))


def interview_quote(art: Article, site: QuoteSite) -> Draft | NoClaim | None:
    """In an interview told as quotes, questions and answers alternate: after the guest's
    words, `“Will it open on time?”` alone in its paragraph is the interviewer's question (no
    claim), and the one-quote paragraph after it is the guest's answer, `“It will open in
    May.”`, credited as the guest's words before it."""
    if not art.interview:
        return None
    prev = site.continues()
    if prev is None:
        return None
    text, q, p0 = art.text, site.q, site.p0
    p1 = art.paragraph_of(q.start)[1]
    if q.start != p0 or text[q.end : p1].strip():
        return None  # not a paragraph of one quote
    before = art.prev_paragraph_end(p0)
    if _asks(text, q.start, q.end) and not _SENTENCE_END_RE.search(text, q.start, q.end):
        if art.paragraph_of(prev.end - 1)[1] != before:
            return None  # a question, but not right after the guest's words
        art.reserve(q.start, q.end)
        art.asked.append((p0, p1))
        return NO_CLAIM
    if not art.asked or art.asked[-1][1] != before:
        return None
    # The question right before was asked after the guest's words (checked above): no claim
    # can start inside it (it is reserved), so `prev` is the one it followed.
    return Draft(q.start, q.end, "direct", prev.cue, None, (site.s0, site.s1), speaker_of=prev)
