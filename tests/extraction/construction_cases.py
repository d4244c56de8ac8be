"""Cases for the constructions inside the rules: speaker phrases, mentions, coreference and the
checks a cue's complement must pass (issue 10: every statement of the engine is run by a case
that says what it must extract).

The same `Case` as tests/extraction/rule_cases.py, checked by the same tests
(tests/extraction/test_rules.py); the comment above each names the construction, the `rule`
is the rule whose claim it is. Every sentence here is made up for the tests.
"""

from __future__ import annotations

from .rule_cases import Case

CONSTRUCTION_CASES = [
    # -- the speaker before the cue (speakers.subject_before) --------------------------------
    # An adverb between commas is dropped: "Mayor Ina Lund, however, said".
    Case(
        "subject_cue_content",
        "Mayor Ina Lund, however, said the plan would cost more than the old one.",
        "the plan would cost more than the old one",
        "Ina Lund",
        "indirect",
    ),
    # A time adjunct between the subject and the cue: "on Monday", "on Nov. 20", "this week",
    # "yesterday" (subject_adjacent).
    Case(
        "subject_cue_content",
        "Ana Ruiz on Monday said the port would close by the end of the year.",
        "the port would close by the end of the year",
        "Ana Ruiz",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Mayor Ina Lund on Nov. 20 announced that the fees would rise in the spring.",
        "the fees would rise in the spring",
        "Ina Lund",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Tom Berg this week warned that the bridge was unsafe for lorries.",
        "the bridge was unsafe for lorries",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Tom Berg yesterday said the fees were fair to every family.",
        "the fees were fair to every family",
        "Tom Berg",
        "indirect",
    ),
    # rules-2.23: the subject ends before a time adjunct of any shape ("late Friday", "early
    # Monday", "last week", a lone weekday), after a name, a description or an appositive
    # (speakers.subject_before, adjuncts.time_adjunct_start); the adjunct was read as a name
    # ("Friday") or kept in it ("Tom Berg last week").
    Case(
        "subject_cue_content",
        "The company late Friday announced that it would close the plant in Hull.",
        "it would close the plant in Hull",
        "Company",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Tom Berg late Friday said the harbour would reopen in the spring.",
        "the harbour would reopen in the spring",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Tom Berg last week said the harbour would reopen in the spring.",
        "the harbour would reopen in the spring",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ina Lund early Monday warned that the dam could fail.",
        "the dam could fail",
        "Ina Lund",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "The union Friday said the strike would go on until the spring.",
        "the strike would go on until the spring",
        "Union",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Ruiz, the mayor, late Friday said the plan was dead.",
        "the plan was dead",
        "Ana Ruiz",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Voters in the north late Friday said the tax was unfair.",
        "the tax was unfair",
        "Voters",
        "indirect",
    ),
    # ... and a participle that dates a document goes with the adjunct ("released Monday").
    Case(
        "subject_cue_content",
        "A poll released Monday showed Ina Lund leading the race by ten points.",
        "Ina Lund leading the race by ten points",
        "Poll",
        "indirect",
    ),
    # A month is as often a name: it opens no adjunct ("Ana May", not "Ana").
    Case(
        "subject_cue_content",
        "Ana May on Friday said the talks would go on.",
        "the talks would go on",
        "Ana May",
        "indirect",
    ),
    # A weekday after a word that names the day with it opens no adjunct ("Black Friday").
    Case(
        "subject_cue_content",
        "Mayor Ina Lund on Black Friday said the shops would stay open late.",
        "the shops would stay open late",
        "Ina Lund",
        "indirect",
    ),
    # An object pronoun ends no subject: "her on Thursday" is inside the relative clause.
    Case(
        "subject_cue_content",
        "The groups who wrote to her on Thursday say they are worried about the plan.",
        "they are worried about the plan",
        "Groups",
        "indirect",
    ),
    # A study or document with its author after it ("conducted by X"): the author speaks.
    Case(
        "subject_cue_content",
        "A study conducted by Acme Labs found that the drug cut the risk by half.",
        "the drug cut the risk by half",
        "Acme Labs",
        "indirect",
    ),
    # rules-2.23: a place or occasion after a description that can speak is an adjunct; the
    # description speaks (it was the object: "the council floor", "Lyon", "the debate").
    Case(
        "subject_cue_content",
        "The mayor on the council floor said the budget was balanced.",
        "the budget was balanced",
        "Mayor",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Officials in Lyon said the attack had failed.",
        "the attack had failed",
        "Officials",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "The senator during the debate said the bill would fail.",
        "the bill would fail",
        "Senator",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "A source familiar with the talks said the deal was close.",
        "the deal was close",
        "Source familiar",
        "indirect",
    ),
    # ... but a report speaks for the paper it ran in, a titled person after a body's name
    # ("The Council on X Director Y") is the speaker, and "the government in Oslo" is Oslo's.
    Case(
        "subject_cue_content",
        "An earlier report in the Herald said that Lund had resigned.",
        "Lund had resigned",
        "Herald",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "The Council on Harbour Affairs Director Ana Ruiz says the plan failed.",
        "the plan failed",
        "Ana Ruiz",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "After years of delay, the government in Oslo finally acknowledged the costs of the dam.",
        "the costs of the dam",
        "Oslo",
        "indirect",
    ),
    # An event before a place ("uprising in the valley reveals") is no speaker: a headline's
    # "Name:" credits the line, cue and all (quotes.name_colon_line).
    Case(
        "name_colon_line",
        "Acme: uprising in the valley reveals deep cracks in the board's authority\n\n"
        "The board of Acme met on Monday.",
        "uprising in the valley reveals deep cracks in the board's authority",
        "Acme",
        "indirect",
    ),
    # rules-2.24: remarks or a message stand for who made or sent them: the subject right
    # before "made", "released", ... speaks, not the sentence's first subject or the remarks.
    Case(
        "statement_saying",
        "Tom Berg was charged shortly after he made angry comments calling for a strike at"
        " the docks.",
        "a strike at the docks",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "statement_saying",
        "After the auditor released a report documenting the losses, Ina Lund released a"
        " statement highlighting the work of the council.",
        "the work of the council",
        "Ina Lund",
        "indirect",
    ),
    # ... a name that owns the message speaks; the claim ends with its fronted clause.
    Case(
        "statement_saying",
        "Since Ina Lund's op-ed supporting the ferry plan in May, she has kept quiet.",
        "the ferry plan in May",
        "Ina Lund",
        "indirect",
    ),
    # An appositive with its own prepositional phrase: the name before it is the speaker.
    Case(
        "subject_cue_content",
        "Ina Lund, a former adviser to the mayor, said in a statement that the deal was dead.",
        "the deal was dead",
        "Ina Lund",
        "indirect",
    ),
    # A long appositive with a relative clause (about 200 characters from the name to the
    # cue): the name still opens the subject, and a window cut is never read mid-word.
    Case(
        "subject_cue_content",
        "Ina Lund, a veteran harbour engineer who designed most of the city's bridges in the"
        " nineties and is now advising the regional transport board on its next projects in"
        " the north, said the tunnel is a “waste of public money.”",
        "the tunnel is a “waste of public money.”",
        "Ina Lund",
        "mixed",
    ),
    # A present participle and its place after the subject is a reduced relative clause: the
    # subject is the noun before it, not the place ("the streets", "condition of anonymity").
    Case(
        "subject_cue_content",
        "Nurses marching through the old town chanted “Fair pay now!” until midnight.",
        "“Fair pay now!”",
        "Nurses",
        "direct",
    ),
    Case(
        "subject_cue_content",
        "Two officials speaking on condition of anonymity said the harbour deal was dead.",
        "the harbour deal was dead",
        "Officials",
        "indirect",
    ),
    # A participle phrase after an adverb ("also speaking at") is a modifier, not a subject.
    Case(
        "subject_cue_content",
        "Ana Ruiz, also speaking at the hearing, said the clinic would close.",
        "the clinic would close",
        "Ana Ruiz",
        "indirect",
    ),
    # "a message that said": the relative pronoun speaks for the message, no one is named.
    Case(
        "subject_cue_content",
        "The board later sent a message that said the fund was empty.",
        "the fund was empty",
        None,
        "indirect",
    ),
    # A lone quantifier is an anonymous speaker: "Another said".
    Case(
        "subject_cue_content",
        "Another said the vote had been rigged.",
        "the vote had been rigged",
        "Another",
        "indirect",
    ),
    # "Contrast that with X, who said": "that" before a preposition is no relative clause,
    # and "who" is X (the speaker was "Contrast").
    Case(
        "subject_cue_content",
        "Contrast that with Ana Ruiz, who said the port was safe.",
        "the port was safe",
        "Ana Ruiz",
        "indirect",
    ),
    # "X of the Lake Fund", "Mr. X of Y": the person before "of" speaks (the whole phrase was
    # an organization; "Sen. X of Ohio" was resolved to "Ohio").
    Case(
        "subject_cue_content",
        "Mr. Holm of the Lake Fund said the deal was dead.",
        "the deal was dead",
        "Holm",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Sen. Ana Ruiz of Ohio said the deal was dead.",
        "the deal was dead",
        "Ana Ruiz",
        "indirect",
    ),
    # "a spokesman for Senator X": the spokesman speaks, not X (titles between "for" and the
    # name; "Secretary of State X" stays X).
    Case(
        "subject_cue_content",
        "A spokesman for Senator Ana Ruiz said the port was safe.",
        "the port was safe",
        "Spokesman for Senator Ana Ruiz",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Secretary of State Ana Ruiz said the port was safe.",
        "the port was safe",
        "Ana Ruiz",
        "indirect",
    ),
    # "One of those advisers": the quantifier before "of" stays in the name ("Of those
    # advisers" before).
    Case(
        "subject_cue_content",
        "One of those advisers said the wage was too low.",
        "the wage was too low",
        "One of those advisers",
        "indirect",
    ),
    # A part of a group named before is anonymous too: "Most of them said" (gave no claim).
    Case(
        "subject_cue_content",
        "The dock workers met on Friday. Most of them said the wage was too low.",
        "the wage was too low",
        "Most of them",
        "indirect",
    ),
    # An adverb in -ly after the name ends the phrase: "Reid frequently mocked ...".
    Case(
        "participle_clause",
        "Reid frequently mocked the plan, claiming that it would fail.",
        "it would fail",
        "Reid",
        "indirect",
    ),
    # A clause with its own comma phrase ("but for some, ...") before an inverted cue is the
    # content, not an appositive chain.
    Case(
        "clause_then_cue_subject",
        "The plan would cut some credits, but for some, the losses would outweigh the gains,"
        " said Tom Holm.",
        "The plan would cut some credits, but for some, the losses would outweigh the gains",
        "Tom Holm",
        "indirect",
    ),
    # "Asked about X, Y said “A,” she said": the doubled cue keeps the quote only.
    Case(
        "subject_cue_content",
        "Asked about the port, Ana Ruiz said “I know nothing about the port,” she said.",
        "“I know nothing about the port,”",
        "Ana Ruiz",
        "direct",
    ),
    # "many of whose aides left" between commas is a relative clause (gave no claim).
    Case(
        "subject_cue_content",
        "Ana Ruiz, many of whose aides left, said the port was safe.",
        "the port was safe",
        "Ana Ruiz",
        "indirect",
    ),
    # A relative clause's content ends at the comma before the main verb, not at a comma
    # inside a list ("the mine, the mill and the port").
    Case(
        "subject_cue_content",
        "Hale, who said the mine, the mill and the port were safe, left early.",
        "the mine, the mill and the port were safe",
        "Hale",
        "indirect",
    ),
    # A quoted title in the appositive, its comma inside the closing mark: the appositive
    # reads as one, and the quote is no claim of the cue after it.
    Case(
        "subject_cue_content",
        "Tom Berg, the author of “Open Roads,” said the era of cheap fuel was over for good.",
        "the era of cheap fuel was over for good",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ina Lund, host of the radio show “Morning Talk,” suggested the mayor’s refusal to"
        " resign could end her career.",
        "the mayor’s refusal to resign could end her career",
        "Ina Lund",
        "indirect",
    ),
    # A quote of words (lower case) before an inverted cue stays the cue's content.
    Case(
        "quote_then_cue_subject",
        "The new tax was “a mistake from the start,” said Ina Lund, who led the opposition.",
        "The new tax was “a mistake from the start,”",
        "Ina Lund",
        "mixed",
    ),
    # An adjunct of time or place between the subject and its cue: the phrase after "at" or
    # "in" is no speaker, the subject before it is (a relative pronoun too).
    Case(
        "subject_cue_content",
        "Lund at the time said he would pay the fees.",
        "he would pay the fees",
        "Lund",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Lund, who has in the past described Berg as a fraud, left early.",
        "Berg as a fraud",
        "Lund",
        "indirect",
    ),
    # "after" opens a clause as often: its subject speaks.
    Case(
        "subject_cue_content",
        "She apologized to Tom Berg after leaked emails showed the staff favoring Lund.",
        "the staff favoring Lund",
        "Leaked emails",
        "indirect",
    ),
    # -- the subject of a clause (speakers.clause_subject) -----------------------------------
    # "And Ms. Lund gloated:": the leading conjunction is skipped.
    Case(
        "colon_introduced_quote",
        "And Ms. Lund gloated: “I told you the bridge would hold.”",
        "“I told you the bridge would hold.”",
        "Lund",
        "direct",
    ),
    # An intro phrase ("During the visit,") is skipped to reach the subject.
    Case(
        "conjoined_or_participle",
        "During the visit, Ana Ruiz toured the plant and said that “we hope to reopen it soon.”",
        "“we hope to reopen it soon.”",
        "Ana Ruiz",
        "direct",
    ),
    # A pronoun subject of the first verb speaks for the second: "He ... and joked".
    Case(
        "conjoined_or_participle",
        "Tom Berg took the stage. He then put on a fake accent and joked, “I am the new mayor"
        " now.”",
        "“I am the new mayor now.”",
        "Tom Berg",
        "direct",
    ),
    # A participle phrase before the subject is skipped ("As if addressing ...,").
    Case(
        "colon_introduced_quote",
        "As if addressing the mayor directly, Judge Ana Ruiz was blunt in her ruling: “Further"
        " talk is pointless.”",
        "“Further talk is pointless.”",
        "Ana Ruiz",
        "direct",
    ),
    # -- the cue's complement (rules/checks.py) ---------------------------------------------
    # A quoted phrase and a second quoted phrase after it: the content runs to the second.
    Case(
        "subject_cue_content",
        "The watchdog claimed “the mayor exaggerates” the jobless rate through a “misleading use"
        " of numbers,” and said more.",
        "“the mayor exaggerates” the jobless rate through a “misleading use of numbers,”",
        "Watchdog",
        "direct",
    ),
    # "told" with its addressee and an adjunct of place to the end: the content is before
    # (it was "in a briefing").
    Case(
        "content_then_subject_cue",
        "The port is safe, Ana Ruiz told reporters in a briefing.",
        "The port is safe",
        "Ana Ruiz",
        "indirect",
    ),
    # "told" with an addressee of several capitalised words, then the end of the sentence.
    Case(
        "content_then_subject_cue",
        "The port is safe, Ana Ruiz told the Harbour Herald.",
        "The port is safe",
        "Ana Ruiz",
        "indirect",
    ),
    # "told the Herald." after a quote: the addressee is no complement, the quote is the claim.
    Case(
        "content_then_subject_cue",
        "“The new fees are fair,” Tom Berg told the Herald.",
        "“The new fees are fair,”",
        "Tom Berg",
        "direct",
    ),
    # "told Reuters." after a clause: the clause before is the content.
    Case(
        "content_then_subject_cue",
        "The fees are fair, Tom Berg told Reuters.",
        "The fees are fair",
        "Tom Berg",
        "indirect",
    ),
    # A two-word addressee ("told Valley News.") is skipped the same way.
    Case(
        "content_then_subject_cue",
        "The fees are fair, another aide told Valley News.",
        "The fees are fair",
        "Aide",
        "indirect",
    ),
    # "said Thursday on its website, “...”": the quote after the adjunct is the content.
    Case(
        "subject_cue_content",
        "However, the museum said Thursday on its website, “We have no plans to show the"
        " painting.”",
        "“We have no plans to show the painting.”",
        "Museum",
        "direct",
    ),
    # A belief verb with a that-clause.
    Case(
        "subject_cue_content",
        "Tom Berg thinks that the bridge is unsafe.",
        "the bridge is unsafe",
        "Tom Berg",
        "indirect",
    ),
    # "called X “...”": a quoted description makes the weak cue a report.
    Case(
        "subject_cue_content",
        "Still, Ana Ruiz called the plan “a waste of money.”",
        "the plan “a waste of money.”",
        "Ana Ruiz",
        "mixed",
    ),
    # -- mentions and coreference (mentions.py, registry.py) --------------------------------
    # An organisation's staff: "a KV2 spokesman" is a speaker of its own.
    Case(
        "content_then_subject_cue",
        "“The clinic is closed for the week,” a KV2 spokesman said in a statement.",
        "“The clinic is closed for the week,”",
        "KV2 spokesman",
        "direct",
    ),
    Case(
        "content_then_subject_cue",
        "“They sold the valley,” the man shouted, using a rude word for the council.",
        "“They sold the valley,”",
        "Man",
        "direct",
    ),
    # "the campaign" later is the campaign named before.
    Case(
        "content_then_subject_cue",
        "At a meeting on Monday, the Ruiz campaign said it would ask for a recount. If the"
        " margin is small, the campaign said, it may appeal.",
        "If the margin is small, the campaign said, it may appeal",
        "Ruiz campaign",
        "indirect",
    ),
    # "the club" is the Lake Fishing Club named before.
    Case(
        "content_then_subject_cue",
        "There are fewer anglers on the lake than a decade ago, according to the Lake Fishing"
        " Club. Many docks have closed since 2010, the club says.",
        "Many docks have closed since 2010",
        "Lake Fishing Club",
        "indirect",
    ),
    # A long appositive after the name: "pastor of Lima’s Stone Church and a supporter of ...".
    Case(
        "quote_then_cue_subject",
        "“It did sound like she was dodging the question,” said Tom Berg, pastor of Lima’s"
        " Stone Church and a supporter of former governor Ina Lund’s campaign.",
        "“It did sound like she was dodging the question,”",
        "Tom Berg",
        "direct",
    ),
    # A possessive name before a claim noun: "President Tom Berg’s claim that ...".
    Case(
        "claim_noun_that",
        "The dictator also detailed the deal, amid confusion after President Tom Berg’s claim"
        " that the rebels would be “brought to justice.”",
        "the rebels would be “brought to justice.”",
        "President Tom Berg",
        "mixed",
    ),
    # "claiming" after a subject with a stance verb and its object: the staffer claims.
    Case(
        "participle_clause",
        "The next month, a former staffer announced plans to sue the board, claiming he was"
        " fired because he would not back the plan.",
        "he was fired because he would not back the plan",
        "Former staffer",
        "indirect",
    ),
    # "noted the Herald’s Ana Ruiz": the possessive outlet is no speaker, the name is.
    Case(
        "clause_then_cue_subject",
        "However the storms are not likely to change the vote, noted the Herald’s Ana Ruiz.",
        "However the storms are not likely to change the vote",
        "Ana Ruiz",
        "indirect",
    ),
    # "the mayor told her" after two named speakers: the description is its own speaker.
    Case(
        "content_then_subject_cue",
        "Ana Ruiz said she would support the plan. Tom Berg said the plan was dead. Her husband,"
        " Leo Ruiz, was at home, the mayor told her.",
        "Her husband, Leo Ruiz, was at home",
        "Mayor",
        "indirect",
    ),
    # "posted via her blog on Monday": a short adjunct after the cue, the quote is the claim.
    Case(
        "content_then_subject_cue",
        "“Over my dead body,” Ana Ruiz posted via her blog on Monday.",
        "“Over my dead body,”",
        "Ana Ruiz",
        "direct",
    ),
    # "She adds, “...”" after "says": the pronoun is the speaker named before.
    Case(
        "subject_cue_content",
        "Ana Ruiz says the port is the “same rigged system that he claims he is going to"
        " change.” She adds, “What kind of genius loses a ship?”",
        "“What kind of genius loses a ship?”",
        "Ana Ruiz",
        "direct",
    ),
    # A quote after a comma that opens with an intro phrase: "continues, “In fact, ...”".
    Case(
        "subject_cue_content",
        "Ana Ruiz continues, “In fact, the plan is so weak that even the mayor — to her credit —"
        " has dropped it.”",
        "“In fact, the plan is so weak that even the mayor — to her credit — has dropped it.”",
        "Ana Ruiz",
        "direct",
    ),
    # "said on her own website that ...": the adjunct before "that" is skipped.
    Case(
        "subject_cue_content",
        "Later, Ana Ruiz said on her own website that she was referring to the mayor’s tax plan,"
        " “not to the mayor herself.”",
        "she was referring to the mayor’s tax plan, “not to the mayor herself.”",
        "Ana Ruiz",
        "mixed",
    ),
    # A bare surname two people share, neither of them a speaker yet: the one named last.
    Case(
        "subject_cue_content",
        "Ana Ruiz and her brother Leo Ruiz run the ferry. Leo Ruiz bought a new boat last year."
        " Ruiz said the ferry would run all winter.",
        "the ferry would run all winter",
        "Leo Ruiz",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Leo Ruiz and his sister Ana Ruiz run the ferry. Ana Ruiz bought a new boat last year."
        " Ruiz said the ferry would run all winter.",
        "the ferry would run all winter",
        "Ana Ruiz",
        "indirect",
    ),
    # "It" after three other speakers: the last body that spoke, further back.
    Case(
        "subject_cue_content",
        "The Ministry of Health said the clinic was safe. Ana Ruiz said the clinic was old. Tom"
        " Berg said the beds were few. Leo Holm said the fees were high. It also said the fees"
        " would rise in May.",
        "the fees would rise in May",
        "Ministry of Health",
        "indirect",
    ),
    # A quoted show title before the subject, and the cue has a complement of its own: the
    # claim is after the cue ("that ...", an adjunct then "that ...", a pronoun's clause).
    Case(
        "subject_cue_content",
        "On “Radio Lima,” Tom Berg said that the fees were fair.",
        "the fees were fair",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "On “Radio Lima,” Tom Berg said on Monday that the fees were fair.",
        "the fees were fair",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "On “Radio Lima,” Tom Berg said he would cut the fees.",
        "he would cut the fees",
        "Tom Berg",
        "indirect",
    ),
    # A long parenthesis inside the quote stays part of it.
    Case(
        "content_then_subject_cue",
        "Tom Berg is angry. “If the mayor’s goal was to make us defend the old plan (with the"
        " line that ‘there was a full review of every single cost’) she succeeded,” he wrote.",
        "“If the mayor’s goal was to make us defend the old plan (with the line that ‘there was"
        " a full review of every single cost’) she succeeded,”",
        "Tom Berg",
        "direct",
    ),
    # "saying A, and that B": the second that-clause belongs to the same content.
    Case(
        "participle_clause",
        "The Ruiz campaign responded Friday, saying lobbyists had given to a fund backing the"
        " mayor, and that the report, which came from a small group, was false.",
        "lobbyists had given to a fund backing the mayor, and that the report, which came from a"
        " small group, was false",
        "Ruiz campaign",
        "indirect",
    ),
    # A quote after the cue's adjunct is not joined across another quote (a title) between.
    Case(
        "content_then_subject_cue",
        "“The plan is dead,” Ana Ruiz said in a post on the “Lima Today” site, “and it will stay"
        " dead.”",
        "“The plan is dead,”",
        "Ana Ruiz",
        "direct",
    ),
    # A quote opening with an ellipsis in lower case goes on with the lead's sentence.
    Case(
        "quote_then_cue_subject",
        "The fair, held every summer, “…brings the valley together,” said Tom Berg.",
        "The fair, held every summer, “…brings the valley together,”",
        "Tom Berg",
        "mixed",
    ),
    # "According to X:" then a quote holding commas: the quote is X's, its commas no cut.
    Case(
        "colon_introduced_quote",
        "According to the Herald: “Mayor Ina Lund has had a mixed record on taxes, but in the"
        " past week has made moves toward a cut.”",
        "“Mayor Ina Lund has had a mixed record on taxes, but in the past week has made moves"
        " toward a cut.”",
        "Herald",
        "direct",
    ),
    # A "Says" head with a space before the colon.
    Case(
        "said_then_subject",
        "Says Tom Berg : the port will close.",
        "the port will close",
        "Tom Berg",
        "indirect",
    ),
    # `“A,” said X of Y in Z, “B.”`: the quote resumed after the speaker's phrase joins A.
    Case(
        "quote_then_cue_subject",
        "“We will win,” said Ana Ruiz of Lima in May, “and we will stay.”",
        "“We will win,” said Ana Ruiz of Lima in May, “and we will stay.”",
        "Ana Ruiz",
        "direct",
    ),
    Case(
        "quote_then_cue_subject",
        "“The port will close,” said Ana Ruiz (D-Lima) on Monday, “and so will the docks.”",
        "“The port will close,” said Ana Ruiz (D-Lima) on Monday, “and so will the docks.”",
        "Ana Ruiz",
        "direct",
    ),
    # A cue that ends on an ellipsis character: nothing after it, the clause before is said.
    Case(
        "content_then_subject_cue",
        "The port will close, Ana Ruiz said…",
        "The port will close",
        "Ana Ruiz",
        "indirect",
    ),
    # A place abbreviation ("Calif.") before the second quote: one sentence, one claim.
    Case(
        "content_then_subject_cue",
        "“They would be wrong,” Tom Berg, a spokesman for the mayor, said in an interview on"
        " Sunday in Santa Rosa, Calif. “The vote will go ahead.”",
        "“They would be wrong,” Tom Berg, a spokesman for the mayor, said in an interview on"
        " Sunday in Santa Rosa, Calif. “The vote will go ahead.”",
        "Tom Berg",
        "direct",
    ),
    # An initial ("A. Ruiz") and the full given name are one person.
    Case(
        "subject_cue_content",
        "A. Ruiz, the head of the board, said the port was safe. Ana Ruiz said the docks were old.",
        "the port was safe",
        "Ana Ruiz",
        "indirect",
    ),
    # A title of two words before the name ("Harbour Minister") is no part of it.
    Case(
        "subject_cue_content",
        "Harbour Minister Tove Lind said the port would close.",
        "the port would close",
        "Tove Lind",
        "indirect",
    ),
    # The surname again with another post ("a former governor"): the same person.
    Case(
        "quote_then_cue_subject",
        "Agriculture Secretary Tom Berg told the Herald that the plan was dead. “The timing is"
        " odd,” said Berg, a former governor.",
        "“The timing is odd,”",
        "Tom Berg",
        "direct",
    ),
    # "The agency" after a ministry spoke: the ministry.
    Case(
        "subject_cue_content",
        "The Ministry of Health said the clinic was safe. The agency said the beds were new.",
        "the beds were new",
        "Ministry of Health",
        "indirect",
    ),
    # A lone honorific names no one: the quote is credited to nobody.
    Case(
        "content_then_subject_cue",
        "“Fine,” Mrs. said.",
        "“Fine,”",
        None,
        "direct",
    ),
    # "is claiming" after a possessive subject: the campaign claims, no document speaks.
    Case(
        "subject_cue_content",
        "The mayor’s campaign is already claiming a victory of sorts in the north.",
        "a victory of sorts in the north",
        "Mayor’s campaign",
        "indirect",
    ),
    # "I" and "we" are the writer's: never the speaker named before.
    Case(
        "subject_cue_content",
        "Ana Ruiz said the port was old. I said the port was safe.",
        "the port was safe",
        None,
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ana Ruiz said the port was old. We said the port was safe.",
        "the port was safe",
        None,
        "indirect",
    ),
    # A short prepositional phrase before the subject is no content: the content is after
    # the cue (was "In an interview").
    Case(
        "subject_cue_content",
        "In an interview, Ana Ruiz said she had asked for a review of the port.",
        "she had asked for a review of the port",
        "Ana Ruiz",
        "indirect",
    ),
    # "told" with its addressee and a time adjunct: the content is the quote after them
    # (was "Monday, “...”"), or the clause before them.
    Case(
        "subject_cue_content",
        "Ana Ruiz told the Herald on Monday, “We will win the vote.”",
        "“We will win the vote.”",
        "Ana Ruiz",
        "direct",
    ),
    Case(
        "content_then_subject_cue",
        "The port is safe, Ana Ruiz told the Herald on Thursday.",
        "The port is safe",
        "Ana Ruiz",
        "indirect",
    ),
    # An adverb of time before the subject is no content: the content is after the cue.
    Case(
        "subject_cue_content",
        "Later on Sunday, Senator Ana Ruiz questioned the mayor’s honesty.",
        "the mayor’s honesty",
        "Ana Ruiz",
        "indirect",
    ),
    # A passive cue with a that-clause reports something, from no one named.
    Case(
        "subject_cue_content",
        "It was announced that the port would close.",
        "the port would close",
        None,
        "indirect",
    ),
    # -- "called" after a common noun (cue_filters.called_as_naming) -------------------------
    # An object after "called" (a pronoun, a determiner and a lower-case word, a possessive):
    # the noun before it is the subject, not a thing named.
    Case(
        "subject_cue_content",
        "Berg’s campaign called the paper’s report a “rush to judgment.”",
        "the paper’s report a “rush to judgment.”",
        "Berg’s campaign",
        "mixed",
    ),
    Case(
        "subject_cue_content",
        "The Lund campaign called AP’s report a “rush to judgment.”",
        "AP’s report a “rush to judgment.”",
        "Lund campaign",
        "mixed",
    ),
    Case(
        "subject_cue_content",
        "The campaign called it “a rush to judgment.”",
        "it “a rush to judgment.”",
        "Campaign",
        "mixed",
    ),
    # -- a verb the lexicon does not list after a quote (patterns.ANY_VERB_RE) ---------------
    # A determiner and an adjective before the name; lower-case role words before a name
    # after the verb.
    Case(
        "quote_then_unlisted_verb",
        "“The city will always be the city,” an angry Lund retaliated.",
        "“The city will always be the city,”",
        "Lund",
        "direct",
    ),
    Case(
        "quote_then_unlisted_verb",
        "“Imagine that on the same stage,” mused radio co-host Tom Berg.",
        "“Imagine that on the same stage,”",
        "Tom Berg",
        "direct",
    ),
    # -- sentence breaks (text.sentence_breaks) ---------------------------------------------
    # A dotted abbreviation ("U.S.", "p.m.") before a word that opens sentences ("He", "The")
    # ends its sentence: the next sentence is a claim of its own.
    Case(
        "subject_cue_content",
        "Lund says Berg is trying to distract from the crisis in the U.S. He says voters do not"
        " need more “lectures.”",
        "voters do not need more “lectures.”",
        "Lund",
        "mixed",
    ),
    # -- content cuts (patterns.CONTENT_CUT_ALTERNATIVES) -----------------------------------
    # "and" + a second speaker's name and cue ends the first content, without a comma too;
    # the second cue then has its own claim.
    Case(
        "subject_cue_content",
        "Ina Lund said the talks were “very useful” and Tom Berg said they were a “great step.”",
        "the talks were “very useful”",
        "Ina Lund",
        "mixed",
    ),
    Case(
        "subject_cue_content",
        "Ina Lund said the talks were useful and Tom Berg said they were a great step.",
        "they were a great step",
        "Tom Berg",
        "indirect",
    ),
    # "and said", "and then said": the subject's next report ends the content, even after a
    # short quoted label.
    Case(
        "subject_cue_content",
        "Lund called her “weak” and said she had “no support” in the north.",
        "her “weak”",
        "Lund",
        "mixed",
    ),
    Case(
        "subject_cue_content",
        "Lund called her “weak” and then said she had “no support” in the north.",
        "her “weak”",
        "Lund",
        "mixed",
    ),
    # -- what may follow a cue after a quote that ended its sentence (only_adjunct_after) -----
    # "as" with a subject opens a clause of time: the quote before is the claim.
    Case(
        "quote_sentence_then_subject_cue",
        "“Will the bridge hold?” Mayor Ina Lund asked as she opened the meeting.",
        "“Will the bridge hold?”",
        "Ina Lund",
        "direct",
    ),
    # "as many as": no clause of time; the quote rules take the quote.
    Case(
        "quote_then_unlisted_verb",
        "“Will the bridge hold?” Ina Lund asked as many as ten times.",
        "“Will the bridge hold?”",
        "Ina Lund",
        "direct",
    ),
    # -- issue 10, speakers-dev recall (recall) ------------------------------------------------
    # A reduced relative clause after the subject: a source participle and its complement.
    Case(
        "subject_cue_content",
        "A city official briefed on the talks said the bridge would reopen in May.",
        "the bridge would reopen in May",
        "City official",
        "indirect",
    ),
    # A passive aside between commas ("backed by the council") is a modifier of the subject.
    Case(
        "subject_cue_content",
        "The union leader, backed by the council, said the strike would end on Friday.",
        "the strike would end on Friday",
        "Union leader",
        "indirect",
    ),
    # Both: the long aside with an inner clause before "said".
    Case(
        "subject_cue_content",
        "A city official briefed on the talks, hosted by the mayor, said the bridge would reopen.",
        "the bridge would reopen",
        "City official",
        "indirect",
    ),
    # A tell verb's addressee, then a day adjunct, then "to": the adjunct is no content.
    Case(
        "subject_cue_content",
        "The mayor urged the council on Tuesday night to back the plan for the new bridge.",
        "to back the plan for the new bridge",
        "Mayor",
        "indirect",
    ),
    # A possessive addressee ("her staff") is skipped as a whole.
    Case(
        "subject_cue_content",
        "Ina Lund asked her staff last week to review the plan for the new bridge.",
        "to review the plan for the new bridge",
        "Ina Lund",
        "indirect",
    ),
    # "told her the plan ...": "her" is the addressee, "the plan" opens the content.
    Case(
        "subject_cue_content",
        "Ina Lund told her the plan for the bridge was dead.",
        "the plan for the bridge was dead",
        "Ina Lund",
        "indirect",
    ),
    # A promise verb with a clause and no "that": a subject, then a modal.
    Case(
        "subject_cue_content",
        "But in a speech, the mayor vowed the bridge would reopen before the winter.",
        "the bridge would reopen before the winter",
        "Mayor",
        "indirect",
    ),
    # A head of government described before anyone is given the title is the one person who
    # has spoken so far, when that person has no title in the article.
    Case(
        "subject_cue_content",
        "Lund says taxes will fall.\n\nThe Danish prime minister said the budget was balanced.",
        "the budget was balanced",
        "Lund",
        "indirect",
    ),
    # Another office of the same country is not that person.
    Case(
        "subject_cue_content",
        "Lund says taxes will fall.\n\nThe Danish foreign minister said the budget was balanced.",
        "the budget was balanced",
        "Danish foreign minister",
        "indirect",
    ),
    # Two people have spoken: the description names neither.
    Case(
        "subject_cue_content",
        "Lund says taxes will fall.\n\nBerg said the plan was late.\n\n"
        "The Danish prime minister said the budget was balanced.",
        "the budget was balanced",
        "Danish prime minister",
        "indirect",
    ),
    # The one speaker holds another title ("Mayor Lund"): not the prime minister.
    Case(
        "subject_cue_content",
        "Mayor Lund says taxes will fall.\n\nThe Danish prime minister said the budget was balanced.",
        "the budget was balanced",
        "Danish prime minister",
        "indirect",
    ),
    # A second speaker's report after "after X said" ends the first content and is a claim.
    Case(
        "subject_cue_content",
        "On Monday, a spokesman for the council said the town was not involved in the strike"
        " after Foreign Minister Ada Moss said the union was paid by rivals.",
        "the town was not involved in the strike",
        "Spokesman for the council",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "On Monday, a spokesman for the council said the town was not involved in the strike"
        " after Foreign Minister Ada Moss said the union was paid by rivals.",
        "the union was paid by rivals",
        "Ada Moss",
        "indirect",
    ),
    # -- content after a tell verb (content.content_after) -----------------------------------
    # "asked who would win, X replied, “...”": the quote after the comma is the answer, the
    # second cue's, not what was asked (the speaker was "Host").
    Case(
        "subject_cue_content",
        'After the host asked who would win, Tom Berg replied, "We will."',
        '"We will."',
        "Tom Berg",
        "direct",
    ),
    # A quote right after "told" names the addressee when a clause follows it; alone, it is
    # what was told (the content was "“Meet the Press” that the port was safe").
    Case(
        "subject_cue_content",
        "Tom Berg told “Meet the Press” that the port was safe.",
        "the port was safe",
        "Tom Berg",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "Ina Lund told “a long story about the port.”",
        "“a long story about the port.”",
        "Ina Lund",
        "direct",
    ),
    # "expects them to fall", "wants him to resign": the object pronoun opens the infinitive
    # clause that is the content (no claim was made), also after "and" with the clause's
    # subject as the speaker (participles.conjoined_or_participle, an intent verb).
    Case(
        "subject_cue_content",
        "Ina Lund wants him to resign.",
        "him to resign",
        "Ina Lund",
        "indirect",
    ),
    Case(
        "conjoined_or_participle",
        "Tom Berg is wary of port fees and expects them to fall.",
        "them to fall",
        "Tom Berg",
        "indirect",
    ),
    # -- noun phrases (mentions._np_end) ----------------------------------------------------
    # Two "and"s in one subject: the whole phrase speaks, as "Lund and her aides" does (the
    # speaker was the last conjunct, "Aides").
    Case(
        "subject_cue_content",
        "Lund and Berg and their aides said the port was safe.",
        "the port was safe",
        "Lund and Berg and their aides",
        "indirect",
    ),
    # "The former secretary of state": "of" and a bare noun stay in the phrase.
    Case(
        "subject_cue_content",
        "The former secretary of state said the port was safe.",
        "the port was safe",
        "Former secretary of state",
        "indirect",
    ),
    # "One of the authors of that report, Tom Berg, said": the name after the description.
    Case(
        "subject_cue_content",
        "One of the authors of that report, Tom Berg, said the port was safe.",
        "the port was safe",
        "Tom Berg",
        "indirect",
    ),
    # An appositive with an infinitive of its own: the name before it speaks.
    Case(
        "subject_cue_content",
        "Tom Berg, the only candidate to campaign in Lund, told voters that the port was safe.",
        "the port was safe",
        "Tom Berg",
        "indirect",
    ),
    # An -s word after an article and one singular noun is the subject's verb when what
    # follows it can only be its object (verb_evidence.s_verb_after_head): a modifier and a
    # plural noun that end the phrase, an object pronoun, a number.
    Case(
        "subject_cue_content",
        "The ad features old photos telling voters that the mayor lied about the harbour.",
        "the mayor lied about the harbour",
        "Ad",
        "indirect",
    ),
    Case(
        "conjoined_or_participle",
        "A narrator reminds viewers that Lund grew up by the harbour and says she wants to keep"
        " the port open.",
        "she wants to keep the port open",
        "Narrator",
        "indirect",
    ),
    Case(
        "participle_clause",
        "The ad shows them cheering at the harbour, saying that the mayor lied about the toll.",
        "the mayor lied about the toll",
        "Ad",
        "indirect",
    ),
    Case(
        "participle_clause",
        "The mayor thanks voters for backing the plan, saying it will pay off.",
        "it will pay off",
        "Mayor",
        "indirect",
    ),
    Case(
        "participle_clause",
        "The board cites 40 reasons for the delay, saying that the port is not ready.",
        "the port is not ready",
        "Board",
        "indirect",
    ),
    # ... and not when the -s word modifies the noun after it, or names a body.
    Case(
        "subject_cue_content",
        "The city parks department says the pool will close in May.",
        "the pool will close in May",
        "City parks department",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "The human rights groups say the new law is unfair.",
        "the new law is unfair",
        "Human rights groups",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "The city schools union members say the new rota is unfair.",
        "the new rota is unfair",
        "City schools union members",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "The union leaders say the strike will go on until May.",
        "the strike will go on until May",
        "Union leaders",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "The Teachers Union says the strike will go on until May.",
        "the strike will go on until May",
        "Teachers Union",
        "indirect",
    ),
    Case(
        "subject_cue_content",
        "The state officials whose roads were closed say the toll is too high.",
        "the toll is too high",
        "State officials",
        "indirect",
    ),
    # -- the speaker after the cue (speakers.subject_after) ----------------------------------
    # A phrase that a preposition opens before the comma is no subject: the quote and its
    # tail are the content, the name after the cue speaks.
    Case(
        "clause_then_cue_subject",
        "“We are happy” about the vote, said Tom Berg, the head of the union.",
        "“We are happy” about the vote",
        "Tom Berg",
        "mixed",
    ),
    # -- stance verbs (speaker_before.stance_verb_object) ------------------------------------
    # A capitalised word after "announced" is no object ("announced Monday that"): the
    # reporting rule takes the clause.
    Case(
        "subject_cue_content",
        "Ina Lund announced Monday that the port would close.",
        "the port would close",
        "Ina Lund",
        "indirect",
    ),
    # -- quotes (text.find_quotes, Article.clause_start) -------------------------------------
    # A colon inside the quote does not open the cue's clause.
    Case(
        "content_then_subject_cue",
        "“We lost: badly,” Tom Berg said.",
        "“We lost: badly,”",
        "Tom Berg",
        "direct",
    ),
    # `''...'''`: a nested single quote closes with the double one; the whole is the quote
    # (it was "mixed", the last mark left outside).
    Case(
        "content_then_subject_cue",
        "''I told her, 'The port is safe,''' Tom Berg recalled.",
        "''I told her, 'The port is safe,'''",
        "Tom Berg",
        "direct",
    ),
    # A quote left open at a paragraph's end (a space before the newline) that the next
    # paragraph reopens goes on there.
    Case(
        "subject_cue_content",
        "Tom Berg said: “The port is safe. \n“The bridge is too.”",
        "“The port is safe. \n“The bridge is too.”",
        "Tom Berg",
        "direct",
    ),
    # A second split quote with its own inverted cue after "but despite ...": the first
    # claim of the sentence ends before it, the second is the new speaker's.
    Case(
        "quote_then_cue_subject",
        "“The port is safe,” she said, but despite the rain, “I think it will hold,” said Ina"
        " Lund, the harbour master.",
        "“I think it will hold,”",
        "Ina Lund",
        "direct",
    ),
    # Single quotation marks (text.single_quotes) pair as quotes when they open after a cue
    # and a comma or a colon, or a sentence, and close at a sentence end or before the cue.
    Case(
        "subject_cue_content",
        "Lund noted, 'The port is safe and it will stay open.'",
        "'The port is safe and it will stay open.'",
        "Lund",
        "direct",
    ),
    Case(
        "content_then_subject_cue",
        "'We tried hard to keep the old port open,' Lund said.",
        "'We tried hard to keep the old port open,'",
        "Lund",
        "direct",
    ),
    Case(
        "quote_then_cue_subject",
        "‘We tried hard to keep the old port open,’ said Ina Lund.",
        "‘We tried hard to keep the old port open,’",
        "Ina Lund",
        "direct",
    ),
    Case(
        "colon_introduced_quote",
        "Lund: 'We will not back down on the harbour plan.'\n\nThe mayor spoke on Monday.",
        "'We will not back down on the harbour plan.'",
        "Lund",
        "direct",
    ),
    # Apostrophes pair with nothing: the claim stays indirect.
    Case(
        "subject_cue_content",
        "Lund said the '90s were hard for the port and Berg' car didn't start.",
        "the '90s were hard for the port and Berg' car didn't start",
        "Lund",
        "indirect",
    ),
    # -- mention kinds (mentions.classify, mentions_from_tokens) -----------------------------
    # An honorific before a possessive: the phrase is what speaks.
    Case(
        "subject_cue_content",
        "Mrs. Lund's campaign said the port was safe.",
        "the port was safe",
        "Mrs. Lund's campaign",
        "indirect",
    ),
    # A lower-case single word is no person's name; "which" after it still speaks for it.
    Case(
        "subject_cue_content",
        "U.S. officials praised the mayor for her help in fighting groups such as al-Port,"
        " which aims to close the port.",
        "to close the port",
        "Al-Port",
        "indirect",
    ),
]

# (the check that declines it, text): no claim may come from these.
CONSTRUCTION_DECLINED = [
    # rules-2.23: a negative subject speaks for no one ("Nobody said", "None of his men").
    ("conjoined_or_participle", "Nobody said the plan was dead."),
    ("conjoined_or_participle", "None of his men had agreed to sign the new contract."),
    # A lower-case phrase after a preposition ("into the streets") is no subject either.
    (
        "conjoined_or_participle",
        "And next month, that anger could spill into the streets in large protests just when"
        " both parties - and the host cities - are trying to show unity to the voters.",
    ),
    # An event before a place is no subject; without a "Name:" to credit the line, no claim.
    (
        "conjoined_or_participle",
        "Acme: uprising in the valley reveals deep cracks in the board's authority\n\n"
        "The board met on Monday.",
    ),
    # "what X called" with no quoted label is no claim of X's.
    ("what_x_called", "The council passed what Ina Lund called a bad budget."),
    # A day before a participle is no subject ("spent Monday campaigning in ...").
    (
        "conjoined_or_participle",
        "Ana Ruiz spent Monday campaigning in the north, showing how the race goes on.",
    ),
    # ... and with nothing after the cue there is no claim ("In the end" was one).
    ("content_then_subject_cue", "In the end, Ana Ruiz told The Herald."),
    # A lone "today" is no time adjunct between subject and cue ("what's today called" has
    # no subject), and a word in capitals is part of a name ("LIMA TODAY"), not a time.
    ("what_x_called", "The plan is what’s today widely called “a bridge too far.”"),
    ("subject_cue_content", "The station LIMA TODAY reported that the fees had risen."),
    # "Says X." with nothing said; "said on Monday, and then ...": no complement; a one-word
    # content; "pointing out" with no one to point.
    ("said_then_subject", "Says Ana Ruiz."),
    ("subject_cue_content", "Ana Ruiz said on Monday, and then she left the hall."),
    ("content_then_subject_cue", "Yes, Ana Ruiz said."),
    (
        "points_out",
        "From pointing out the lack of parks to praising the new mayor, there was much.",
    ),
    # A headline whose subject is a wh-clause ("What X said about ...") reports nothing.
    ("statement_saying", "What Ana Ruiz said about the port closure\n\nThe port will close."),
    # A quote after a colon with no speaker before it.
    ("colon_introduced_quote", "The result was clear: “We lost the vote.”"),
    # ... nor one with only a description ("one early backer") before the colon.
    (
        "colon_introduced_quote",
        "One early backer gave the idea a try in an interview on Tuesday: “You can easily argue"
        " the plan is sound.”",
    ),
    # A participle after a passive clause: no subject can speak.
    (
        "participle_clause",
        "On May 2 the results were published, announcing that the port was safe.",
    ),
    # An appositive not closed before the cue: the quote is not the last name's (Ana Ruiz
    # is the one Tom Berg speaks for); nothing is credited rather than the wrong speaker.
    (
        "content_then_subject_cue",
        "“We have not been briefed,” Tom Berg, a spokesman for Mayor Ana Ruiz told the Post.",
    ),
    # Only an adverb of time before the subject: no content before the cue ("Then, last
    # week" was a claim of "called").
    ("content_then_subject_cue", "Then, last week, Ana Ruiz called."),
    # A cue form that doubles as a noun ("support") after an adjunct: no subject is sought
    # before the adjunct.
    (
        "subject_cue_content",
        "Tom Berg with zero percent support among young voters trails the field.",
    ),
    # "called the mayor's plan a waste": naming, not reporting.
    ("content_is_before", "Still, she called the mayor’s plan a waste of money."),
    # A "Says" headline with no speaker after it.
    ("said_then_subject", "Says the port would close without new funds."),
    # "according to reports ... that": the reports carry no claim of their own here.
    ("according_to", "That is according to reports through May that the Ruiz campaign is filing."),
    # A headline of two verbs and an object: no clause is reported.
    ("subject_cue_content", "Tom Berg praises, mocks the mayor’s budget."),
    # A belief verb with "so" instead of a clause.
    ("belief_without_clause", "Tom Berg apparently thinks so, too."),
    # "called" in the passive: races are called, nothing is said.
    ("passive_cue", "A few towns have yet to be called."),
    # "applauded" with no complement.
    ("subject_cue_content", "The crowd applauded."),
    # The bare form of a stance verb ("protest") is as often a noun: no stance is taken.
    ("stance_verb_object", "The unions protest the new tax on fuel."),
    # A stance verb with no object, only adjuncts.
    ("stance_verb_object", "Ina Lund protested on Monday outside the hall."),
    # A dash credit with a participle and nothing said after it.
    ("participle_clause", "-Mayor Ina Lund, tweeting after the vote."),
    # A weak cue ("noting") with a plain object, and a cue with nothing after it.
    ("statement_saying", "The Lima Port Authority issued a statement noting the delay."),
    ("statement_saying", "The city issued a short note saying."),
    # An inverted cue with no speaker after it.
    ("quote_then_cue_subject", "“We are done,” said the."),
    # Too short to be a claim: a one-word answer, a two-word that-clause, nothing said.
    ("according_to", "According to Ana Ruiz, yes."),
    ("said_then_subject", "Says Tom Berg: yes."),
    ("claim_noun_that", "Ana Ruiz’s claim that taxes rose."),
    ("went_on_to", "The plan went on to say."),
    # "went on to note the delay": a weak cue with a plain object reports nothing.
    ("went_on_to", "Ana Ruiz went on to note the delay."),
    # After a quote, a verb whose subject names no one ("Monday passed").
    ("quote_then_unlisted_verb", "“Great!” Monday passed."),
    # "went on to say" with no one before it.
    ("went_on_to", "Then went on to say that the port was safe."),
    ("went_on_to", "Went on to say that the port was safe."),
    # A bare noun before a participle is no speaker: "Video recorded in the city shows".
    ("subject_cue_content", "Video recorded in the city shows the bridge has fallen."),
    # A promise verb with a noun object makes no claim.
    ("subject_cue_content", "The mayor vowed revenge on the council."),
    # "According to Y" in a sentence whose cue says nothing: no claim to carry.
    ("according_to", "According to the Valley Herald, Tom Berg said so."),
    # A weak cue with nothing after it.
    ("subject_cue_content", "The report is a two-minute read"),
    # A headline whose capitalised cue word ends it ("... and Lund's Support"): nothing said.
    (
        "subject_cue_content",
        "Tom Berg returns to the port with a new board and Lund’s support\n\nThe port reopened"
        " on Monday.",
    ),
]
