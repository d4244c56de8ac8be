"""The per-rule case table: invented sentences, what each rule must find in them.

One `Case` per construction: the text, the claim it must yield (content, resolved speaker,
kind) and the name of the rule that must find it. `NO_CLAIM_CASES` are texts a filter rule
must keep from yielding a claim. A rule added to `claims.extraction.rules.RULES` needs cases
here (tests/extraction/test_rules.py checks that every rule has one).

Every sentence here is made up for the tests; none is taken from an article.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    rule: str  # the rule the case exercises
    text: str
    content: str
    speaker: str | None
    kind: str
    claim_rule: str = ""  # the claim's rule when `rule` extends a claim found by another

    @property
    def id(self) -> str:
        return f"{self.rule}:{self.text[:40]}"


CASES = [
    # -- cue rules ---------------------------------------------------------------------------
    # "X was reported by Y": what was reported is the subject ("The plan was" before).
    Case(
        "according_to",
        "The harbour plan was first reported by the Herald on Monday.",
        "The harbour plan",
        "Herald",
        "indirect",
    ),
    Case(
        "according_to",
        "According to Mayor Ina Lund, the new clinic will open in May.",
        "the new clinic will open in May",
        "Ina Lund",
        "indirect",
    ),
    Case(
        "according_to",
        "The bridge will stay closed until spring, according to Tom Berg, the city engineer.",
        "The bridge will stay closed until spring",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "according_to",
        "After a long night of talks, the two unions agreed to end the strike, according to the"
        " city's radio station.",
        "the two unions agreed to end the strike",
        "City's radio station",
        "indirect",
    ),
    Case(
        "according_to",
        "According to Tom Berg, a city engineer, the bridge will stay closed until spring.",
        "the bridge will stay closed until spring",
        "Tom Berg",
        "indirect",
    ),
    # "A and, according to X, B": both clauses are the source's words, two claims, when the
    # clause after the source opens with its own subject (was one claim, "A and").
    Case(
        "according_to",
        "The port will close in June and, according to Tom Berg, the docks will follow in July.",
        "the docks will follow in July",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "according_to",
        "The port will close in June and, according to Tom Berg, the docks will follow in July.",
        "The port will close in June",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "according_to",
        "The board fired the chief but, according to Tom Berg, they will hire one by May.",
        "they will hire one by May",
        "Tom Berg",
        "indirect",
    ),
    # "as confirmed by X" is an "according to" (rules-2.19); a bare "confirmed by the Senate"
    # is a vote (DECLINED_CASES). A participle after it is X's too (was the clause subject's).
    Case(
        "according_to",
        "The ferry will run again in May, as confirmed by harbour master Tom Berg.",
        "The ferry will run again in May",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "participle_clause",
        "The ferry will run in May, as confirmed by harbour master Tom Berg, adding that the"
        " fares will rise.",
        "the fares will rise",
        "Tom Berg",
        "indirect",
    ),
    # Around a claim with its own cue, "according to" names the source that carried it: the
    # claim stays the speaker's (its `reported_by` holds the carrier).
    Case(
        "according_to",
        "“The levee will hold,” Tom Berg said, according to the Valley Herald.",
        "“The levee will hold,”",
        "Tom Berg",
        "direct",
        claim_rule="content_then_subject_cue",
    ),
    Case(
        "according_to",
        "According to the Valley Herald, Tom Berg said the levee would hold through the spring.",
        "the levee would hold through the spring",
        "Tom Berg",
        "indirect",
        claim_rule="subject_cue_content",
    ),
    Case(
        "quote_then_phrasal_cue",
        "“That figure is simply wrong,” fired back Senator Ada Moss.",
        "“That figure is simply wrong,”",
        "Ada Moss",
        "direct",
    ),
    Case(
        "phrasal_cue",
        "“We are not done yet.” Councillor Ruth Amsel chimed in on Tuesday.",
        "“We are not done yet.”",
        "Councillor Ruth Amsel",
        "direct",
    ),
    Case(
        "phrasal_cue",
        "“That figure is simply wrong,” Senator Ada Moss fired back.",
        "“That figure is simply wrong,”",
        "Ada Moss",
        "direct",
    ),
    Case(
        "phrasal_cue",
        "Senator Ada Moss fired back that the audit had been rigged from the start.",
        "the audit had been rigged from the start",
        "Ada Moss",
        "indirect",
    ),
    # "pointed out" after its content: the quote before it (was no claim).
    Case(
        "points_out",
        "“The port is far too old,” Ana Ruiz pointed out.",
        "“The port is far too old,”",
        "Ana Ruiz",
        "direct",
        claim_rule="content_then_subject_cue",
    ),
    Case(
        "points_out",
        "The auditor, Pia Holm, pointed out that the fund had no independent board.",
        "the fund had no independent board",
        "Pia Holm",
        "indirect",
    ),
    # A quote resumed after the speaker's appositive with a relative clause or a participle
    # phrase (no cue, no other clause) is the same speaker's.
    # The comma outside the closing mark (`“A”, added X`, British and European style), and
    # the participle after it X's too (rules-2.20).
    Case(
        "quote_then_cue_subject",
        "“We left to keep the peace”, added Ina Lund, noting that the march was over.",
        "“We left to keep the peace”",
        "Ina Lund",
        "direct",
    ),
    Case(
        "participle_clause",
        "“We left to keep the peace”, added Ina Lund, noting that the march was over.",
        "the march was over",
        "Ina Lund",
        "indirect",
    ),
    # "underline" and "specify" report speech before "that" (rules-2.20).
    Case(
        "participle_clause",
        "“We saw no threat”, said Tom Berg, underlining that the march was peaceful.",
        "the march was peaceful",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "The union also specified that ten ferries will run in May.",
        "ten ferries will run in May",
        "Union",
        "indirect",
    ),
    Case(
        "quote_then_cue_subject",
        "“The risk,” said Ana Ruiz, an economist who runs the harbour office, “is that the"
        " jobs move away.”",
        "“The risk,” said Ana Ruiz, an economist who runs the harbour office, “is that the"
        " jobs move away.”",
        "Ana Ruiz",
        "direct",
    ),
    Case(
        "quote_then_cue_subject",
        "“These people know words,” said Tom Berg, speaking of the council, “and they use them"
        " well.”",
        "“These people know words,” said Tom Berg, speaking of the council, “and they use them"
        " well.”",
        "Tom Berg",
        "direct",
    ),
    Case(
        "quote_then_cue_subject",
        "The fair, held in the old harbour every summer, “brings the whole valley together,”"
        " said Tom Berg.",
        "The fair, held in the old harbour every summer, “brings the whole valley together,”",
        "Tom Berg",
        "mixed",
    ),
    Case(
        "quote_then_cue_subject",
        "“We will not back down,” said Ana Ruiz, the union's leader.",
        "“We will not back down,”",
        "Ana Ruiz",
        "direct",
    ),
    Case(
        "quote_then_cue_subject",
        "“We will not back down,” said Ana Ruiz, “not this year and not ever.”",
        "“We will not back down,” said Ana Ruiz, “not this year and not ever.”",
        "Ana Ruiz",
        "direct",
    ),
    Case(
        "clause_then_cue_subject",
        "Her rise may have surprised her rivals more than anyone else, said several observers.",
        "Her rise may have surprised her rivals more than anyone else",
        "Observers",
        "indirect",
    ),
    Case(
        "clause_then_cue_subject",
        "The shop uses the same stock photo over and over, said Rita Kahn, who studies fraud.",
        "The shop uses the same stock photo over and over",
        "Rita Kahn",
        "indirect",
    ),
    # A name opening the content is its subject, not an appositive before the cue (headlines).
    Case(
        "clause_then_cue_subject",
        "Tom Berg was furious during the long talks, says Ana Silva",
        "Tom Berg was furious during the long talks",
        "Ana Silva",
        "indirect",
    ),
    # A named speaker of "said" with an adjunct of time or place after the name; the comma
    # after the quote outside it.
    Case(
        "clause_then_cue_subject",
        "The storm was “a real test for the city”, said Ana Ruiz in an interview on Sunday.",
        "The storm was “a real test for the city”",
        "Ana Ruiz",
        "mixed",
    ),
    # An inverted cue between a subject and its predicate: the name after it speaks, and the
    # claim runs over both halves (not "The ferry" saying "Tom Berg, will ...").
    Case(
        "clause_then_cue_subject",
        "The night ferry, said Tom Berg, the harbour master, will run again in May.",
        "The night ferry, said Tom Berg, the harbour master, will run again in May",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "clause_then_cue_subject",
        "The old tunnel, said Rita Kahn, has been closed for a decade.",
        "The old tunnel, said Rita Kahn, has been closed for a decade",
        "Rita Kahn",
        "indirect",
    ),
    # ... also when the subject before the comma is a name ("Harbour Bridge" no speaker).
    Case(
        "clause_then_cue_subject",
        "The Harbour Bridge, says Ina Lund, is safe again.",
        "The Harbour Bridge, says Ina Lund, is safe again",
        "Ina Lund",
        "indirect",
    ),
    # "the U.N.": a dotted acronym after "the" names a body, not a dateline ("N.H."); the
    # relative clause between it and the cue is skipped.
    Case(
        "subject_cue_content",
        "The U.N., which runs the camps, called the plan a “disgrace.”",
        "the plan a “disgrace.”",
        "U.N.",
        "mixed",
    ),
    # A sentence adverb in -ly opens no subject, and a verb before an article ends the name
    # ("Tom Berg met the mayor"); a given name in -ly before a surname stays a name.
    Case(
        "participle_clause",
        "Shortly after the vote, Tom Berg met the mayor, warning that the budget would fail.",
        "the budget would fail",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "participle_clause",
        "Carly Lund threw her support behind the plan, calling it “a triumph.”",
        "it “a triumph.”",
        "Carly Lund",
        "mixed",
    ),
    Case(
        "participle_clause",
        "The finance minister, Ana Silva, defended the budget, adding that no jobs would be lost.",
        "no jobs would be lost",
        "Ana Silva",
        "indirect",
    ),
    Case(
        "went_on_to",
        "Mayor Ina Lund thanked the crew, but went on to say that the budget was “a mess.”",
        "the budget was “a mess.”",
        "Ina Lund",
        "mixed",
    ),
    Case(
        "went_on_to",
        "The letter went on to say, “We will not pay for the new bridge.”",
        "“We will not pay for the new bridge.”",
        "Letter",
        "direct",
    ),
    Case(
        "said_then_subject",
        "The old school was rebuilt. Said Ana Ruiz, who taught there, “We are so proud of it.”",
        "“We are so proud of it.”",
        "Ana Ruiz",
        "direct",
    ),
    Case(
        "said_then_subject",
        "Says Tom Berg: the harbour will reopen in May.",
        "the harbour will reopen in May",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "statement_saying",
        "The Football Association issued a statement saying the match would be replayed.",
        "the match would be replayed",
        "Football Association",
        "indirect",
    ),
    Case(
        "statement_saying",
        "Senator Ada Moss sent an email saying the vote was “rigged.”",
        "the vote was “rigged.”",
        "Ada Moss",
        "mixed",
    ),
    Case(
        "statement_saying",
        "The town council released a statement Wednesday saying the bridge would reopen.",
        "the bridge would reopen",
        "Town council",
        "indirect",
    ),
    # A conjoined intent verb with its infinitive goes on with the speaker of the claim before.
    Case(
        "conjoined_or_participle",
        "Tom Berg says he regrets the delay and threatens to quit unless the board resigns.",
        "to quit unless the board resigns",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "conjoined_or_participle",
        "Captain Joe Varga thanked the crew and said the ship was safe to sail again.",
        "the ship was safe to sail again",
        "Joe Varga",
        "indirect",
    ),
    Case(
        "content_then_subject_cue",
        "“The vote was rigged from the start,” Ana Silva said.",
        "“The vote was rigged from the start,”",
        "Ana Silva",
        "direct",
    ),
    Case(
        "content_then_subject_cue",
        "The new tax, Ana Silva said, would hurt small farmers the most.",
        "The new tax, Ana Silva said, would hurt small farmers the most",
        "Ana Silva",
        "indirect",
    ),
    # The content stands before "X told ADDRESSEE." when the addressee is an outlet or a
    # programme with lower-case words in it, and before "X said Saturday, in a deal ... that"
    # (a relative "that" after the time adjunct's comma, not the cue's), rules-2.19.
    Case(
        "content_then_subject_cue",
        "The ferry will run again in May, Tom Berg told ABC News programme Harbour Week.",
        "The ferry will run again in May",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "content_then_subject_cue",
        "The strike is over, the union said Saturday, in a deal brokered by Mayor Ina Lund that"
        " ends a long dispute.",
        "The strike is over",
        "Union",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "In Lyon, Tom Berg said Saturday, in a statement, that the strike is over.",
        "the strike is over",
        "Tom Berg",
        "indirect",
    ),
    # A second speaker's report after "after" ends the first content, a title of lower-case
    # words before the name too ("after union chief Tom Berg announced"), rules-2.19.
    Case(
        "subject_cue_content",
        "Mayor Ina Lund vowed on Friday to end what she called a strike after union chief Tom"
        " Berg announced he had closed the port.",
        "to end what she called a strike",
        "Ina Lund",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Mayor Ina Lund vowed on Friday to end what she called a strike after union chief Tom"
        " Berg announced he had closed the port.",
        "he had closed the port",
        "Tom Berg",
        "indirect",
    ),
    # A quote after the cue that opens with a conjunction goes on with the sentence before the
    # cue: one claim, quoted or not (a quote that opens a clause of its own is the cue's).
    Case(
        "content_then_subject_cue",
        "The count is rigged, Tom Berg said on Monday, “and we will prove it in court.”",
        "The count is rigged, Tom Berg said on Monday, “and we will prove it in court.”",
        "Tom Berg",
        "mixed",
    ),
    Case(
        "content_then_subject_cue",
        "The plan looks sound, Ana Silva said, “but nobody on the board has read it.”",
        "The plan looks sound, Ana Silva said, “but nobody on the board has read it.”",
        "Ana Silva",
        "mixed",
    ),
    # "what X called" with a quoted label: from "what" to the label, or on over the noun
    # phrase the label modifies; the clause after it is no part of X's words.
    Case(
        "what_x_called",
        "The council passed what Mayor Ina Lund called a “historic budget” and went home.",
        "what Mayor Ina Lund called a “historic budget”",
        "Ina Lund",
        "mixed",
    ),
    Case(
        "what_x_called",
        "The board dropped what Tom Berg described as the “reckless” plan to sell the harbour.",
        "what Tom Berg described as the “reckless” plan to sell the harbour",
        "Tom Berg",
        "mixed",
    ),
    # A weak cue before a bare content clause: a subject pronoun and a modal ("stated it will").
    Case(
        "subject_cue_content",
        "Ana Lund stated it will not fund the new stadium.",
        "it will not fund the new stadium",
        "Ana Lund",
        "indirect",
    ),
    # A statement from a body speaks for the body named after it.
    Case(
        "content_then_subject_cue",
        "The strike will go on until the spring, a statement from the Nurses Union said.",
        "The strike will go on until the spring",
        "Nurses Union",
        "indirect",
    ),
    # A quote resumed after "said of X and Y,": the "and" joins noun phrases, no clause.
    Case(
        "content_then_subject_cue",
        "Tom Berg spoke on Monday. “The levee will hold,” he said of the dam and the river, “and"
        " the town is safe.”",
        "“The levee will hold,” he said of the dam and the river, “and the town is safe.”",
        "Tom Berg",
        "direct",
    ),
    # A body's name before a cue that doubles as a noun, in its -s form ("estimates").
    Case(
        "subject_cue_content",
        "The Centers for Road Safety and Repair estimates that one bridge in five is unsafe.",
        "one bridge in five is unsafe",
        "Centers for Road Safety and Repair",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "In the capital, Tom Berg said on Monday, “we will prove it in court.”",
        "“we will prove it in court.”",
        "Tom Berg",
        "direct",
    ),
    Case(
        "quote_sentence_then_subject_cue",
        "“We are ready for the storm.” Lopez said on Tuesday.",
        "“We are ready for the storm.”",
        "Lopez",
        "direct",
    ),
    # An aside the sentence closes again does not end the content: a pair of dashes, a
    # relative clause that a comma closes before the main verb.
    Case(
        "subject_cue_content",
        "Tom Berg said the new bridge — like the old ferry before it — would open in May.",
        "the new bridge — like the old ferry before it — would open in May",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Ruiz said the report, which the council ordered last year, was wrong about the river.",
        "the report, which the council ordered last year, was wrong about the river",
        "Ana Ruiz",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Ruiz said the report was wrong, which the council denied.",
        "the report was wrong",
        "Ana Ruiz",
        "indirect",
    ),
    # Content that opens with a quote right after its cue ends with the quote when an
    # adjunct or a second clause follows: after a quoted utterance (closed by , . ! ?) any
    # adjunct, after a quoted phrase (maybe a noun phrase) only a clause adjunct or "and"
    # with a participle; "said “budget reforms” and new taxes ..." goes on.
    Case(
        "subject_cue_content",
        "Outside the town hall, the crowd chanted “Lock the gates!” as the council met.",
        "“Lock the gates!”",
        "Crowd",
        "direct",
    ),
    Case(
        "subject_cue_content",
        "Asked about the vote, Tom Berg said “We will see,” when the council met.",
        "“We will see,”",
        "Tom Berg",
        "direct",
    ),
    Case(
        "subject_cue_content",
        "Asked about the vote, Tom Berg said, “We will see,” when the council met on Monday.",
        "“We will see,”",
        "Tom Berg",
        "direct",
    ),
    Case(
        "subject_cue_content",
        "The union leader wrote “The strike goes on” and vowing to meet the mayor again.",
        "“The strike goes on”",
        "Union leader",
        "direct",
    ),
    Case(
        "subject_cue_content",
        "Mayor Ina Lund said “budget reforms” and new taxes would pay for the bridge.",
        "“budget reforms” and new taxes would pay for the bridge",
        "Ina Lund",
        "mixed",
    ),
    # "accused X of ...": the accused is part of the content, as with "called X “Y”".
    Case(
        "subject_cue_content",
        "Tom Berg has accused Mayor Ina Lund of “misleading the voters” about the bridge.",
        "Mayor Ina Lund of “misleading the voters” about the bridge",
        "Tom Berg",
        "mixed",
    ),
    Case(
        "subject_cue_content",
        "Tom Berg accused him of misleading the voters about the bridge.",
        "him of misleading the voters about the bridge",
        "Tom Berg",
        "indirect",
    ),
    # A quote that its own cue credits (`, she said`) is not the content of the cue before
    # it, when a colon or a dash introduces it: that content ends before the colon or dash.
    Case(
        "subject_cue_content",
        "In her speech, Ina Lund declared the need for calm and courage: “Stay home and help"
        " your neighbours,” she said.",
        "the need for calm and courage",
        "Ina Lund",
        "indirect",
    ),
    Case(
        "content_then_subject_cue",
        "Ina Lund said the latest plan was unserious - “We need the details,” she said - and"
        " charged that the council had failed.",
        "“We need the details,”",
        "Ina Lund",
        "direct",
    ),
    # ... and one opened after a parenthesis: the quote is the content, not the lead before it.
    Case(
        "content_then_subject_cue",
        "The vote was close (“We lost by a hair,” Tom Berg said) and the port closed.",
        "“We lost by a hair,”",
        "Tom Berg",
        "direct",
    ),
    # A cue in a fronted subordinate clause: its content ends where the main clause begins.
    Case(
        "subject_cue_content",
        "Though Ina Lund conceded that she is “not a natural speaker,” the mayor won the vote"
        " on Tuesday.",
        "she is “not a natural speaker,”",
        "Ina Lund",
        "mixed",
    ),
    Case(
        "subject_cue_content",
        "Although Tom Berg said the bridge was safe, the council closed it for the winter.",
        "the bridge was safe",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "When Tom Berg said the bridge was “perfectly safe,” the council closed it anyway.",
        "the bridge was “perfectly safe,”",
        "Tom Berg",
        "mixed",
    ),
    # The main clause's subject may be a bare noun phrase and a verb in the past or an
    # auxiliary ("ships stayed away"), a determiner or pronoun of any kind ("others argue",
    # "another says") or a name after "the" ("the Valley Herald reported").
    Case(
        "subject_cue_content",
        "While Mayor Ina Lund said the port was safe, ships stayed away.",
        "the port was safe",
        "Ina Lund",
        "indirect",
    ),
    # ... also after "But", "And", "Yet" or "So" ("But when X said A, nobody listened").
    Case(
        "subject_cue_content",
        "But when Tom Berg said the port was safe, nobody listened.",
        "the port was safe",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "While one mayor says the port is safe, another says it is not.",
        "the port is safe",
        "Mayor",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Though Ana Ruiz said the port would reopen, the Valley Herald reported that it stayed"
        " shut.",
        "the port would reopen",
        "Ana Ruiz",
        "indirect",
    ),
    # A comma inside a quote is the quote's own, not the end of the clause.
    Case(
        "subject_cue_content",
        "While Tom Berg called the race “the loudest, most bitter in years,” the council stayed"
        " calm.",
        "the race “the loudest, most bitter in years,”",
        "Tom Berg",
        "mixed",
    ),
    # No main clause after the cue's content: the content runs to the end of the sentence.
    Case(
        "subject_cue_content",
        "As Mayor Ina Lund said on Monday, “The port is safe.”",
        "“The port is safe.”",
        "Ina Lund",
        "direct",
    ),
    # A quoted label ends the content of a naming or stance verb when an adjunct of time or
    # place or a participle follows it.
    Case(
        "subject_cue_content",
        "Tom Berg blasted the mayor as a “disgrace” on Wednesday during the morning show.",
        "the mayor as a “disgrace”",
        "Tom Berg",
        "mixed",
    ),
    Case(
        "subject_cue_content",
        "Ina Lund called the plan “a disaster” in a radio interview on Monday.",
        "the plan “a disaster”",
        "Ina Lund",
        "mixed",
    ),
    # A quote right after "cautioned" is its content, not an addressee as after "told".
    Case(
        "subject_cue_content",
        "Tom Berg cautioned “let us not get ahead of ourselves,” before predicting a long winter.",
        "“let us not get ahead of ourselves,”",
        "Tom Berg",
        "direct",
    ),
    # ", but only ..." goes on with the content (a restriction, not a new clause).
    Case(
        "subject_cue_content",
        "Ina Lund says parts of the plan are “negotiable,” but only minor details about the"
        " new wall.",
        "parts of the plan are “negotiable,” but only minor details about the new wall",
        "Ina Lund",
        "mixed",
    ),
    # A quote resumed after a second cue is that cue's: "adding" takes “We built it to last.”
    Case(
        "participle_clause",
        "“The levee will hold,” Tom Berg said, adding, “We built it to last a century.”",
        "“We built it to last a century.”",
        "Tom Berg",
        "direct",
    ),
    Case(
        "content_then_subject_cue",
        "“The levee will hold,” Tom Berg said, adding, “We built it to last a century.”",
        "“The levee will hold,”",
        "Tom Berg",
        "direct",
    ),
    Case(
        "subject_cue_content",
        "Mayor Ina Lund said on Monday that the budget is balanced for the first time.",
        "the budget is balanced for the first time",
        "Ina Lund",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Doctors believe the outbreak will peak within two weeks.",
        "the outbreak will peak within two weeks",
        "Doctors",
        "indirect",
    ),
    # A clause with the subject "it" after a belief verb ("it" with an object complement is
    # no clause: see NO_CLAIM_CASES).
    Case(
        "subject_cue_content",
        "Ana Silva thinks it is over for the season.",
        "it is over for the season",
        "Ana Silva",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Mayor Ina Lund believes it will pass before the summer.",
        "it will pass before the summer",
        "Ina Lund",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Tom Berg believes it’s too late to save the mill.",
        "it’s too late to save the mill",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva told reporters that the talks had collapsed overnight.",
        "the talks had collapsed overnight",
        "Ana Silva",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva said: “The talks have collapsed.”",
        "“The talks have collapsed.”",
        "Ana Silva",
        "direct",
    ),
    Case(
        "claim_noun_that",
        "Ana Silva repeated her belief that the dam is safe for another decade.",
        "the dam is safe for another decade",
        "Ana Silva",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva said on Tuesday the talks had collapsed overnight.",
        "the talks had collapsed overnight",
        "Ana Silva",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva said the talks had collapsed, and also accused the envoy of lying.",
        "the talks had collapsed",
        "Ana Silva",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva said she regrets her actions—and is even threatening to quit.",
        "she regrets her actions",
        "Ana Silva",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva said, however, that the talks had collapsed overnight.",
        "the talks had collapsed overnight",
        "Ana Silva",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva said “the talks have collapsed” before leaving.",
        "“the talks have collapsed”",
        "Ana Silva",
        "direct",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva called the ruling “a disgrace to the court” on Monday.",
        "the ruling “a disgrace to the court”",
        "Ana Silva",
        "mixed",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva told The Daily Courier that the talks had collapsed.",
        "the talks had collapsed",
        "Ana Silva",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva urged him to resign before the vote.",
        "to resign before the vote",
        "Ana Silva",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva called for an immediate ceasefire in the region.",
        "an immediate ceasefire in the region",
        "Ana Silva",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva said in a statement, the talks had collapsed overnight.",
        "the talks had collapsed overnight",
        "Ana Silva",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva said in a statement, while the talks went on, that nothing changed.",
        "nothing changed",
        "Ana Silva",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva told the mayors who gathered in Lyon, “The talks have collapsed.”",
        "“The talks have collapsed.”",
        "Ana Silva",
        "direct",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva said ''the talks have collapsed'' in Lyon.",
        "''the talks have collapsed'' in Lyon",
        "Ana Silva",
        "mixed",
    ),
    Case(
        "subject_cue_content",
        "Ana Silva warned to be careful with the figures.",
        "to be careful with the figures",
        "Ana Silva",
        "indirect",
    ),
    Case(
        "content_then_subject_cue",
        "“The talks,” Ana Silva said Wednesday, “have collapsed for good.”",
        "“The talks,” Ana Silva said Wednesday, “have collapsed for good.”",
        "Ana Silva",
        "direct",
    ),
    Case(
        "subject_cue_content",
        "Mayor Ina Lund, who said the mine was safe, left the meeting early.",
        "the mine was safe",
        "Ina Lund",
        "indirect",
    ),
    Case(
        "content_then_subject_cue",
        "“This is not the era of war,” Ina Lund said, quoting an old speech.",
        "“This is not the era of war,”",
        "Ina Lund",
        "direct",
    ),
    Case(
        "subject_cue_content",
        "Ina Lund told the crowd “this is not the era of war,” repeating an old line.",
        "“this is not the era of war,”",
        "Ina Lund",
        "direct",
    ),
    Case(
        "subject_cue_content",
        "Ina Lund says she respects the union’s “passion” but argues that it cannot deliver.",
        "she respects the union’s “passion”",
        "Ina Lund",
        "mixed",
    ),
    Case(
        "conjoined_or_participle",
        "The nurses' union rejected the offer, pointing to rising rents and arguing that the raise"
        " is far too small.",
        "pointing to rising rents and arguing that the raise is far too small",
        "Nurses' union",
        "indirect",
    ),
    Case(
        "conjoined_or_participle",
        "Mayor Ina Lund defended the plan, citing the long queues and saying the new ward would"
        " open in May.",
        "the new ward would open in May",
        "Ina Lund",
        "indirect",
    ),
    Case(
        "conjoined_or_participle",
        "Ina Lund says she respects the union’s “passion” but argues that it cannot deliver.",
        "it cannot deliver",
        "Ina Lund",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ina Lund called him a “nice guy” and he did not answer the question.",
        "him a “nice guy”",
        "Ina Lund",
        "mixed",
    ),
    Case(
        "subject_cue_content",
        "Ina Lund called the senator “the next great leader” – a phrase her rivals mocked.",
        "the senator “the next great leader”",
        "Ina Lund",
        "mixed",
    ),
    Case(
        "stance_verb_object",
        "Mayor Ina Lund thanked the volunteers and the fire brigade after the flood.",
        "thanked the volunteers and the fire brigade",
        "Ina Lund",
        "indirect",
    ),
    Case(
        "stance_verb_object",
        "Tom Berg, the city engineer, confirmed an agreement with the union during a call.",
        "confirmed an agreement with the union",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "stance_verb_object",
        "The council welcomed the ruling on Monday, saying it was overdue.",
        "welcomed the ruling on Monday",
        "Council",
        "indirect",
    ),
    Case(
        "stance_verb_object",
        "Ina Lund thanked Tom Berg for his work.",
        "thanked Tom Berg for his work",
        "Ina Lund",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ina Lund said the new clinic will open on Friday, after a delay of two weeks.",
        "the new clinic will open on Friday",
        "Ina Lund",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ina Lund says she regrets the vote and threatens to resign from the council.",
        "she regrets the vote",
        "Ina Lund",
        "indirect",
    ),
    # -- headline lines ----------------------------------------------------------------------
    Case(
        "name_colon_line",
        "Ina Lund: Council Has Lost Its Way\n\nThe mayor, Ina Lund, spoke in the square.",
        "Council Has Lost Its Way",
        "Ina Lund",
        "indirect",
    ),
    Case(
        # A title-case verb ends the speaker ("Defends" is an -s form of the verb table).
        "name_colon_line",
        "Ana Silva Defends Clinic Plan: Nurses Will Stay\n\nAna Silva spoke at the clinic.",
        "Nurses Will Stay",
        "Ana Silva",
        "indirect",
    ),
    Case(
        "name_colon_line",
        "Berg Slams Port Deal: “It Is a Giveaway.”\n\nTom Berg, the council leader, voted no.",
        "“It Is a Giveaway.”",
        "Tom Berg",
        "direct",
    ),
    # ... and not inside a name: "Sachs", "Borders" are no verbs; "Kremlin" speaks alone.
    Case(
        "name_colon_line",
        "Goldman Sachs: “We Are Not Leaving the City.”\n\nGoldman Sachs kept its office.",
        "“We Are Not Leaving the City.”",
        "Goldman Sachs",
        "direct",
    ),
    Case(
        "name_colon_line",
        "Doctors Without Borders: “The Clinic Was Hit Twice.”\n\nDoctors Without Borders"
        " runs the clinic.",
        "“The Clinic Was Hit Twice.”",
        "Doctors Without Borders",
        "direct",
    ),
    Case(
        "name_colon_line",
        "Kremlin: “The Talks Are Over.”\n\nThe Kremlin spoke on Monday.",
        "“The Talks Are Over.”",
        "Kremlin",
        "direct",
    ),
    # -- interviews (rules/interview.py) -----------------------------------------------------
    Case(
        "interview_turn",
        "Ana Silva runs the harbour clinic, which adds a wing this spring.\n\n"
        "Q: When will the new wing open?\n\n"
        "A: The new wing will open in May, if the builders finish.\n\n"
        "Q: And the cost?\n\n"
        "A: It costs less than the old one did.",
        "The new wing will open in May, if the builders finish.",
        "Ana Silva",
        "direct",
    ),
    Case(
        "interview_turn",
        "Tom Berg is the city engineer.\n\n"
        "LUND: Will the bridge reopen this year?\n\n"
        "BERG: The bridge will reopen in the spring, once the repairs are done.\n\n"
        "LUND: What about the ferry?\n\n"
        "BERG: The ferry keeps running until then.",
        "The bridge will reopen in the spring, once the repairs are done.",
        "Tom Berg",
        "direct",
    ),
    Case(
        "interview_turn",
        "Ina Lund has been mayor for ten years.\n\n"
        "— Will taxes rise next year?\n\n"
        "— Taxes will not rise next year, and the pool stays open.\n\n"
        "— Not even for the new school?\n\n"
        "— The school is paid for already.",
        "Taxes will not rise next year, and the pool stays open.",
        "Ina Lund",
        "direct",
    ),
    Case(
        "interview_quote",
        "In an interview on Monday, Ana Silva said the clinic was ready. “We have hired every"
        " nurse we need,” Silva said.\n\n"
        "“Will it open on time?”\n\n"
        "“It will open on the first of May, as planned.”",
        "“It will open on the first of May, as planned.”",
        "Ana Silva",
        "direct",
    ),
    # -- quote rules -------------------------------------------------------------------------
    Case(
        "split_quote_continuation",
        "“We tried everything,” Ana Ruiz said. “Nobody listened to us.”",
        "“Nobody listened to us.”",
        "Ana Ruiz",
        "direct",
    ),
    Case(
        "split_quote_continuation",
        "“We tried everything,” Ana Ruiz said, “and nobody listened to us.”",
        "“We tried everything,” Ana Ruiz said, “and nobody listened to us.”",
        "Ana Ruiz",
        "direct",
        claim_rule="content_then_subject_cue",
    ),
    Case(
        "multi_paragraph_quote",
        "Ana Ruiz said: “The players gave all they had.\n\n“Next year will be different.”",
        "“The players gave all they had.\n\n“Next year will be different.”",
        "Ana Ruiz",
        "direct",
        claim_rule="subject_cue_content",
    ),
    # The next sentence ends in quoted words of a sentence without opening on them and has no
    # cue: the same speaker goes on (the record joins both, as PolNeAR's span does).
    Case(
        "quoted_sentence_continuation",
        "“We tried everything,” Ana Ruiz said at the gate. But “nobody on the board listened"
        " to us. It hurts.”",
        "But “nobody on the board listened to us. It hurts.”",
        "Ana Ruiz",
        "mixed",
    ),
    Case(
        "quoted_sentence_continuation",
        "''The vote was close,'' said Tom Berg, a council member. Now, ''the work on the"
        " bridge can start.''",
        "Now, ''the work on the bridge can start.''",
        "Tom Berg",
        "mixed",
    ),
    Case(
        "quote_after_reported_speech",
        "Ana Ruiz says the new law is unfair. “It hurts the families who work hardest.”",
        "“It hurts the families who work hardest.”",
        "Ana Ruiz",
        "direct",
    ),
    Case(
        # "adding" goes on with the same speaker's words: the quote after it is the
        # participle's, not the first quote's.
        "quote_after_reported_speech",
        "“We never gave up,” Ana Ruiz said, adding that the board had voted twice. “Nobody"
        " listened to the workers.”",
        "“Nobody listened to the workers.”",
        "Ana Ruiz",
        "direct",
    ),
    Case(
        # a claim nested in the attribution (a relative clause): the quote after the
        # sentence resumes the first quote.
        "split_quote_continuation",
        "“We never gave up,” said Ana Ruiz, who said the board had voted twice. “Nobody"
        " listened to the workers.”",
        "“Nobody listened to the workers.”",
        "Ana Ruiz",
        "direct",
    ),
    Case(
        "continuation_paragraph",
        "“We tried everything we could,” said Ana Ruiz.\n\n"
        "“Next season the players will come back stronger than ever.”",
        "“Next season the players will come back stronger than ever.”",
        "Ana Ruiz",
        "direct",
    ),
    Case(
        "as_x_put_it",
        "As the harbour master put it, “No ship leaves before the storm has passed.”",
        "“No ship leaves before the storm has passed.”",
        "Harbour master",
        "direct",
    ),
    Case(
        "as_x_put_it",
        "The town is “not for sale at any price,” as Mayor Ina Lund put it on Monday.",
        "“not for sale at any price,”",
        "Ina Lund",
        "direct",
    ),
    # A modal before "put it" is not part of the speaker ("the harbour master might").
    Case(
        "as_x_put_it",
        "“No ship leaves in a storm,” as the harbour master might put it.",
        "“No ship leaves in a storm,”",
        "Harbour master",
        "direct",
    ),
    Case(
        # "and then predicted:": the cue next to the colon credits the quote, with the
        # subject of the first cue.
        "colon_introduced_quote",
        "“We think the message will resonate,” Tom Berg said at a news conference, and then"
        " predicted: “Our support is growing in every district.”",
        "“Our support is growing in every district.”",
        "Tom Berg",
        "direct",
    ),
    Case(
        "colon_introduced_quote",
        "Ambassador Pia Holm: “No deal without guarantees”",
        "“No deal without guarantees”",
        "Pia Holm",
        "direct",
    ),
    Case(
        "colon_introduced_quote",
        "In a radio interview, Ina Lund went further: “The council has lost its way.”",
        "“The council has lost its way.”",
        "Ina Lund",
        "direct",
    ),
    Case(
        "colon_introduced_quote",
        "Ina Lund told the crowd in the square:\n\n“The council has lost its way.”",
        "“The council has lost its way.”",
        "Ina Lund",
        "direct",
    ),
    Case(
        # The name before the colon is the object of "to": the clause's subject speaks.
        "colon_introduced_quote",
        "Senator Ana Ruiz delivered a blunt message to Mayor Tom Berg: “Stop attacking the"
        " unions.”",
        "“Stop attacking the unions.”",
        "Ana Ruiz",
        "direct",
    ),
    Case(
        # "according to" names the source, though "to" is a preposition.
        "colon_introduced_quote",
        "According to Mayor Tom Berg: “The market is cooling fast.”",
        "“The market is cooling fast.”",
        "Tom Berg",
        "direct",
    ),
    Case(
        # A group or a government named before the colon speaks, as a body does.
        "colon_introduced_quote",
        "Democrats: “We will not give up on the harbour bill.”",
        "“We will not give up on the harbour bill.”",
        "Democrats",
        "direct",
    ),
    Case(
        "colon_introduced_quote",
        "The Kremlin: “The new tariffs are illegal and will fail.”",
        "“The new tariffs are illegal and will fail.”",
        "Kremlin",
        "direct",
    ),
    # A title-case headline: the speaker ends before its verb, an -s form of the verb table
    # ("Hammers", "Slams", "Rips"), when a given name opens it or the article names it again.
    Case(
        "colon_introduced_quote",
        "Ina Lund Hammers Harbour Board Chief: ‘You Should Resign.’\n\nThe mayor spoke on Tuesday.",
        "‘You Should Resign.’",
        "Ina Lund",
        "direct",
    ),
    Case(
        "colon_introduced_quote",
        "Council Leader Tom Berg Slams Port Deal: “It Is a Giveaway.”\n\nBerg voted no.",
        "“It Is a Giveaway.”",
        "Tom Berg",
        "direct",
    ),
    Case(
        "colon_introduced_quote",
        "Kremlin Rips New Harbour Tariff Plan: “The Tariffs Will Fail.”\n\nThe Kremlin spoke on"
        " Monday.",
        "“The Tariffs Will Fail.”",
        "Kremlin",
        "direct",
    ),
    # ... and not inside a name the article gives with its -s word, nor in a name alone.
    Case(
        "colon_introduced_quote",
        "Consumer Reports Slams Van Maker Over Brakes: “The Brakes Fail.”\n\nConsumer Reports tested"
        " six vans.",
        "“The Brakes Fail.”",
        "Consumer Reports",
        "direct",
    ),
    Case(
        # A last word is the verb only when it reports speech and is no noun ("States").
        "colon_introduced_quote",
        "Gulf States: “Oil Output Will Rise.”\n\nThe Gulf ministers met in Doha.",
        "“Oil Output Will Rise.”",
        "Gulf States",
        "direct",
    ),
    Case(
        "colon_introduced_quote",
        "The Times: “We Stand By Our Story.”\n\nThe Times printed the letter.",
        "“We Stand By Our Story.”",
        "Times",
        "direct",
    ),
    Case(
        # find_as_discovery leaves "find" with no modal before it: a finding reported (passes
        # on main too).
        "subject_cue_content",
        "A new poll found Tom Berg ahead in the harbour race.",
        "Tom Berg ahead in the harbour race",
        "New poll",
        "indirect",
    ),
    Case(
        # find_as_discovery's exception: after a modal, "find that" still reports (this case
        # passes on main too; it fails if the filter takes "that" clauses).
        "subject_cue_content",
        "Voters will find that the new pier costs too much.",
        "the new pier costs too much",
        "Voters",
        "indirect",
    ),
    Case(
        # A short predicate after the parenthetical cue resumes the clause: the claim runs
        # over both halves (was "The Bridge" alone).
        "content_then_subject_cue",
        "The Bridge, he said, will close.",
        "The Bridge, he said, will close",
        None,
        "indirect",
    ),
    Case(
        # An appositive, then a day adjunct after the inverted speaker.
        "clause_then_cue_subject",
        "The road is closed, said Tom Berg, the mayor, on Monday.",
        "The road is closed",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "dash_credit",
        "“Vote as if your life depended on it.”\n— Rosa Lindqvist",
        "“Vote as if your life depended on it.”",
        "Rosa Lindqvist",
        "direct",
    ),
    Case(
        "quote_then_unlisted_verb",
        "“Get out of my office,” Lund barked.",
        "“Get out of my office,”",
        "Lund",
        "direct",
    ),
    Case(
        "quote_then_unlisted_verb",
        "“Splendid!” beamed Ann Cho.",
        "“Splendid!”",
        "Ann Cho",
        "direct",
    ),
]

# (filter rule, text): the filter keeps the text from yielding any claim.
NO_CLAIM_CASES = [
    ("passive_cue", "Tom Berg, whose exit was also announced on Friday, will lead the new agency."),
    ("passive_cue", "The ruling was announced on Monday, well after the deadline had passed."),
    ("cue_inside_quote_or_claim", "“We never said that.”"),
    ("cue_in_editors_note", "Editor’s note: Mayor Ina Lund has repeatedly pledged to cut taxes."),
    ("cue_as_adjective", "The alleged plot was foiled by the police last week."),
    ("called_as_naming", "They watched a short film called “Arrival” at the festival."),
    ("called_as_naming", "Dozens of golf courses closed, many of them known as “goat farms.”"),
    ("called_as_naming", "She joined a group called the “Friends of the Park” last year."),
    ("called_as_naming", "Nobody knew the name the town called"),
    ("cue_past_sentence_window", "According" + " " * 1600 + "to the mayor, the park is open."),
    ("belief_without_clause", "Ana Silva believes him."),
    ("belief_without_clause", "Ana Silva believes it necessary to act."),
    ("belief_without_clause", "Tom Berg thinks it a mistake."),
    ("negated_cue", "Ana Silva did not say whether the plant would close next year."),
    ("passive_stance", "Turnout in the northern towns is expected to rise sharply this year."),
    ("passive_stance", "The mayor was widely seen as the favourite in the race."),
    # "find" after a modal with no "that": finding something, no report of a finding (was
    # "the money, and the city would pay" said by "Board"; "a way to pay ..." by "Council").
    ("find_as_discovery", "The harbour board would find the money, and the city would pay."),
    ("find_as_discovery", "Critics could find the plan costly."),
    ("find_as_discovery", "Tom Berg hopes the council will find a way to pay for the pier."),
]

# Texts no rule may take a claim from (the rule named is the one that declines them).
DECLINED_CASES = [
    # a cue that doubles as a noun after "The new" before a colon: no speaker "New"
    ("colon_introduced_quote", "The new plan: “We will build a school in every district.”"),
    # a sentence adverb in -ly is no subject: not "Hopefully" saying "Tom Berg, ..."
    ("subject_cue_content", "Hopefully, said Tom Berg, the ferry will run in May."),
    ("clause_then_cue_subject", "Get those chores done, adding fun to it."),
    # One word, then "said" and a name at the sentence end: the name speaks a word too short
    # for a claim (not "Fine" saying "Ina Lund").
    ("clause_then_cue_subject", "Fine, said Ina Lund."),
    ("clause_then_cue_subject", "Agreed, said Tom Berg, the harbour master."),
    ("name_colon_line", "The Latest: Council votes on the budget tonight\n\nThe vote is close."),
    ("name_colon_line", "UPDATE: Council votes on the budget tonight\n\nThe vote is close."),
    ("name_colon_line", "Delegate Update: Council votes on the budget\n\nThe vote is close."),
    ("name_colon_line", "Stealth Over Health: Council votes tonight\n\nThe vote is close."),
    ("phrasal_cue", "On Friday the mayor, Ina Lund, fired back at her critics."),
    ("subject_cue_content", "Ana Silva told the mayors about the talks in Lyon."),
    ("stance_verb_object", "The mayor welcomed several hundred guests to the city hall."),
    ("stance_verb_object", "The protest outside the city hall remained peaceful."),
    ("stance_verb_object", "Ina Lund thanked him."),
    ("subject_cue_content", "Ana Silva said about the talks in Lyon nothing new."),
    ("went_on_to", "The plan went on to fail in the council."),
    # "confirmed by" without "as": a vote, no report.
    ("according_to", "The new judge was confirmed by the Senate on Monday."),
    # ... and a pronoun subject reports nothing.
    ("according_to", "It was reported by the Herald."),
    # "as one might put it": "one" is anyone, no speaker (was credited to "Might").
    ("as_x_put_it", "As one might put it, “No ship leaves in a storm.”"),
    # A paper named after "at" before a colon is where the excerpt ran, not who speaks.
    (
        "colon_introduced_quote",
        "From Ana Cho writing at The Daily Post: “The market is cooling fast.”",
    ),
]
