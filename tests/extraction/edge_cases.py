"""Cases for statements of the engine that only an edge of a construction runs (issue 10,
the fourth pass over `make coverage-extraction`'s missed lines): a noun phrase that ends on
"and" at the cue, a leading "But" before a colon speaker, a stray closing quote mark, a
document nobody is named as issuing, a role, a carrier's generic name and a company after a
surname the article gives a person.

The same `Case` as tests/extraction/rule_cases.py, checked by the same tests
(tests/extraction/test_rules.py); the comment above each names the statement it runs. Every
sentence here is made up for the tests.
"""

from __future__ import annotations

from .rule_cases import Case

# A text of about 1,600 characters with no claim in it: what follows is named too far after
# a bare surname to be its person (people.People.person: "named soon after").
_FAR = " ".join(["The ferry left the harbour at noon and came back before dark."] * 26)

EDGE_CASES = [
    # mentions._np_end: an "and" that is the last word before the cue ends the noun phrase
    # ("... headquarters and told"): the subject is the name, not "Norway, headquarters".
    Case(
        "conjoined_or_participle",
        "Tom Berg was holding a meeting at the union's Oslo, Norway, headquarters and told aides"
        " that he viewed Lund as a real threat.",
        "he viewed Lund as a real threat",
        "Tom Berg",
        "indirect",
    ),
    # mentions._mention_from_tokens: a leading "But" is no part of the name before a colon.
    Case(
        "colon_introduced_quote",
        "The council met on Monday to vote on the harbour plan.\n\nBut Ina Lund: “The harbour is"
        " what people will judge us on, and they know it.”",
        "“The harbour is what people will judge us on, and they know it.”",
        "Ina Lund",
        "direct",
    ),
    # checks.quote_is_title: a title-case text before a closing mark no quote opened (a stray
    # mark) is no title inside an intro phrase: the claim stays.
    Case(
        "content_then_subject_cue",
        "The port board met on Monday.\n\nIn Two Years, The Old Harbour Will Be Full Again,”"
        " Lund says.",
        "In Two Years, The Old Harbour Will Be Full Again,”",
        "Lund",
        "indirect",
    ),
    # documents.carried: a document no one is named as issuing ("a statement saying") leaves
    # the outlet that reported it the speaker.
    Case(
        "statement_saying",
        "Reuters reported a statement saying that the port would close in May.",
        "the port would close in May",
        "Reuters",
        "indirect",
    ),
    # registry._described_person: "the mayor" is the speaker a title named ("Mayor Lund"),
    # found among the recent speakers (a bare surname is no name the article's scan lists).
    Case(
        "subject_cue_content",
        "Mayor Lund said the port would open in May. The mayor also said the tunnel was safe.",
        "the tunnel was safe",
        "Lund",
        "indirect",
    ),
    # registry._generic: "the agency" after a news agency spoke is that agency.
    Case(
        "subject_cue_content",
        "Interfax said the port would open in May. The agency also said the tunnel was safe.",
        "the tunnel was safe",
        "Interfax",
        "indirect",
    ),
    # registry._one_word_body: a bare surname the article gives a person further down
    # ("Ina Berg") is no company: "the company" stays a speaker of its own.
    Case(
        "subject_cue_content",
        f"Berg said the port would open in May. The company said the tunnel was safe. {_FAR}"
        " Ina Berg, a sailor, watched the ferry.",
        "the tunnel was safe",
        "Company",
        "indirect",
    ),
    # people.People._also: a longer form of a known name ("Ina M. Lund") becomes the name
    # every claim of that person shows.
    Case(
        "subject_cue_content",
        "Ina Lund said the port would open in May. Ina M. Lund also said the tunnel was safe.",
        "the port would open in May",
        "Ina M. Lund",
        "indirect",
    ),
    # documents._owner_after: an owner named after the document noun is read whole, however
    # many words its name has (the tokenized window bounds it).
    Case(
        "statement_saying",
        "Reuters reported a statement from the North Sea Harbour Rail Workers Union saying that"
        " the port would close.",
        "the port would close",
        "North Sea Harbour Rail Workers Union",
        "indirect",
    ),
    # content.resumed_quote: a that-clause between the cue and a second quote makes the
    # second quote no resumption of the first (the narration stays out of the quote).
    Case(
        "content_then_subject_cue",
        "“The port is safe,” Lund told reporters that the old tunnel was not, “but we will fix"
        " it.”",
        "“The port is safe,”",
        "Lund",
        "direct",
    ),
    # checks.strong_complement: a weak cue ("noted") before a comma and a quote mark the quote
    # index does not pair (a single mark no closing mark follows) still reports. (Unpaired,
    # the words count as indirect: the kind is the engine's, not the ideal.)
    Case(
        "subject_cue_content",
        "Lund noted, 'The port is safe and it will stay open",
        "'The port is safe and it will stay open",
        "Lund",
        "indirect",
    ),
    # speakers._appositive_subject: a comma chain before the cue ("Earlier this week, senior
    # Democrats on ..., along with ...") whose noun phrases make no mention as a chain gives
    # no subject from it (it raised when it went on); the claim is still found.
    Case(
        "conjoined_or_participle",
        "Earlier this week, senior Democrats on the harbour committee, along with top city"
        " leaders representing the unions, also wrote to Lund that the port would close.",
        "the port would close",
        "Senior Democrats",
        "indirect",
    ),
    # content._aside_end: a dash aside that holds a quote with its own credit (`A — “B,” she
    # said — and C`) ends the content at the first dash; B is the second cue's.
    Case(
        "subject_cue_content",
        "Lund said the harbour plan would cost more — “far more,” she said — and would take years.",
        "the harbour plan would cost more",
        "Lund",
        "indirect",
    ),
    # content.resumed_quote: a mark after the adjunct's comma that opens no quote (a stray
    # mark, its paragraph never closes it and the next one opens none) resumes nothing: the
    # claim is the first half alone.
    Case(
        "content_then_subject_cue",
        '“We tried hard to keep it open,” Ina Lund said on Monday, "and we failed.\n\nThe vote'
        " came a week later.",
        "“We tried hard to keep it open,”",
        "Ina Lund",
        "direct",
    ),
]

# (the rule that declines it, text): no claim may come from these.
EDGE_DECLINED = [
    # speaker_after._inverted: one word before "said X" ("Then") is no content. (The words
    # after the second comma are not read as Lund's either: a miss, left.)
    ("clause_then_cue_subject", "Then, said Lund, the port closed."),
    # quotes.dash_credit, colon_introduced_quote: a day after the dash or before the colon
    # names no one (a claim with no speaker came out when the statement was broken).
    ("dash_credit", "Notes from the harbour vote\n\n“The port will stay open.” — Wednesday"),
    ("colon_introduced_quote", "Notes from the harbour vote\n\nMonday: “The port will stay open.”"),
]
