"""Words the claim rules test (claims/extraction/rules/): adjuncts between a cue and its
content, clause openers, time words, headline labels, addressees."""

from __future__ import annotations

# The calendar's words, written once: rules, mentions and people build their sets from these.
WEEKDAYS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
# Words that name a day with a weekday ("Super Tuesday", "Black Friday"): no time adjunct.
NAMED_DAY_MODIFIERS = frozenset(
    ["super", "black", "good", "cyber", "ash", "holy", "easter", "palm", "bloody", "fat", "giving"]
)

# Time and place adjuncts that may sit between a cue and its "that" complement:
# "said on Tuesday that ...", "said privately that ...".
ADJUNCT_STARTS = WEEKDAYS | frozenset(
    [
        "on",
        "of",
        "about",
        "in",
        "at",
        "during",
        "after",
        "before",
        "last",
        "this",
        "yesterday",
        "today",
        "tonight",
        "earlier",
        "later",
        "repeatedly",
        "again",
        "also",
        "recently",
        "previously",
        "privately",
        "publicly",
        "once",
        "twice",
        "flatly",
        "bluntly",
        "simply",
        "then",
        "separately",
        "via",
        "through",
        "over",
        "while",
        "when",
        "as",
        "to",
        "from",
        "with",
    ]
)
# A complement starting with one of these is a noun-phrase object, not reported content.
NON_CLAUSE_STARTS = frozenset(
    [
        "about",
        "of",
        "for",
        "with",
        "by",
        "from",
        "into",
        "onto",
        "upon",
        "against",
        "over",
        "under",
        "at",
        "to",
        "him",
        "them",
        "me",
        "us",
        "and",
        "or",
        "but",
        "which",
        "who",
        "whom",
    ]
)
# Words that open a new clause after "said in a statement,": the comma ends the adjunct.
CLAUSE_LINKS = frozenset(
    [
        "as",
        "while",
        "when",
        "but",
        "and",
        "because",
        "after",
        "before",
        "although",
        "though",
        "since",
        "until",
        "whereas",
        "if",
        "which",
        "who",
        "where",
    ]
)
# Finite verbs that make "it" the subject of a clause after a belief verb ("thinks it is
# over", "believes it will pass"), where "believes it necessary" or "knows it" has an object.
CLAUSE_VERBS_AFTER_IT = frozenset(
    [
        "is",
        "was",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "has",
        "had",
        "does",
        "did",
        "isn't",
        "wasn't",
        "won't",
        "wouldn't",
        "can't",
        "cannot",
        "couldn't",
        "hasn't",
        "hadn't",
        "doesn't",
        "didn't",
        "isn’t",
        "wasn’t",
        "won’t",
        "wouldn’t",
        "can’t",
        "couldn’t",
        "hasn’t",
        "hadn’t",
        "doesn’t",
        "didn’t",
    ]
)
# "it's over", "it’ll pass": the contraction carries the finite verb.
IT_CONTRACTIONS = frozenset(["it's", "it’s", "it'll", "it’ll", "it'd", "it’d"])
# Lower-case words that open a quote continuing the sentence before its cue: "A, X said,
# “and B.”" (the quote goes on with A).
CONTINUATION_OPENERS = frozenset(
    ["and", "but", "or", "nor", "yet", "so", "because", "although", "though", "whereas"]
)
# Free relatives cannot name a speaker: "What Romney has said".
WH_WORDS = frozenset(["what", "whatever", "how", "why", "when", "where", "whether", "whoever"])
# "that" before these is a demonstrative, not a complementiser: "said that night".
THAT_NOT_CLAUSE = frozenset(
    ("night", "day", "week", "month", "year", "morning", "evening", "afternoon", "time", "")
)
# Words that open a time adjunct without a comma between a cue and its content: "said on
# Tuesday the ...", "said last week that ...".
TIME_ADJUNCT_STARTS = frozenset(
    ["on", "in", "at", "during", "last", "this", "yesterday", "today", "earlier", "later"]
)
TIME_NOUNS = frozenset(
    ["week", "month", "year", "night", "morning", "evening", "afternoon", "weekend"]
)
CALENDAR_WORDS = WEEKDAYS | MONTHS
# Lower-case words inside an outlet or a programme told something ("told ABC News programme
# This Week", "told the Italian newspaper La Stampa", "told the BBC's Today radio show").
BROADCAST_NOUNS = frozenset(
    [
        "programme",
        "program",
        "show",
        "newspaper",
        "daily",
        "radio",
        "channel",
        "station",
        "podcast",
        "magazine",
        "broadcaster",
        "network",
        "agency",
        "television",
        "tv",
    ]
)
# Last words of headline labels that end in a colon and credit nobody: "Delegate Update:",
# "News Guide:", "Live Blog:".
HEADLINE_LABELS = frozenset(
    [
        "update",
        "updates",
        "guide",
        "latest",
        "blog",
        "live",
        "breaking",
        "exclusive",
        "watch",
        "video",
        "photos",
        "photo",
        "poll",
        "polls",
        "analysis",
        "opinion",
        "editorial",
        "review",
        "preview",
        "recap",
        "timeline",
        "explainer",
        "factbox",
        "highlights",
        "published",
        "updated",
        "posted",
        "correction",
        "corrections",
        "source",
        "sources",
        "credit",
        "note",
        "notes",
    ]
)
# Addressees of a tell-verb: "told reporters", "assured them".
OBJECT_WORDS = frozenset(("him", "her", "them", "us", "me", "you", "reporters", "it"))
# Nouns for spoken words that stand for their speaker: "he made explosive comments calling
# for ...", "her remarks urging ...": the speaker, not the remarks, speaks.
REMARK_NOUNS = frozenset(
    ["comments", "comment", "remarks", "remark", "words", "speech", "address", "interview"]
)
# Nouns for a message that carries someone's words, beside coref.DOCUMENT_NOUNS: "sent an
# email saying", "released an ad calling": the sender, not the message, is the speaker.
MESSAGE_NOUNS = frozenset(
    [
        "email",
        "emails",
        "e-mail",
        "ad",
        "ads",
        "advertisement",
        "commercial",
        "spot",
        "mailer",
        "flier",
        "flyer",
        "op-ed",
        "column",
        "editorial",
        "tweets",
        "posts",
        "messages",
        "letters",
        "releases",
        "speech",
        "remarks",
        "interview",
        "video",
        "videos",
        "website",
        "fundraising",
        "appeal",
    ]
)
# "went on to say": a report that continues, not an infinitive ("to say" is none).
GO_ON_FORMS = frozenset(["go", "goes", "went", "going", "gone"])

# Participles that go on with the same speaker's words after a quote's cue: in `“A,” X said,
# adding that B. “C.”` the quote C continues the participle's claim B, not the first quote.
CONTINUING_PARTICIPLES = frozenset(["adding", "continuing"])

# Plural nouns that modify the noun after them ("the city parks department", "the human rights
# groups", "the state news agency"): never read as a verb after a subject (verb_evidence).
PLURAL_MODIFIERS = frozenset(
    [
        "rights",
        "news",
        "affairs",
        "arms",
        "sports",
        "sales",
        "parks",
        "schools",
        "jobs",
        "goods",
        "services",
        "savings",
        "arts",
        "works",
        "operations",
        "communications",
        "relations",
        "elections",
        "emissions",
        "veterans",
        "workers",
        "employees",
        "teachers",
        "farmers",
        "students",
        "women",
        "children",
        "members",
        "customs",
        "earnings",
        "assets",
        "securities",
        "markets",
        "funds",
        "loans",
        "claims",
        "benefits",
        "records",
        "resources",
        "lands",
        "waters",
        "roads",
        "streets",
        "health",
    ]
)

# -ed/-ing words that are common inside speaker phrases (mentions._np_end).
PARTICIPLE_NOUNS = frozenset(
    (
        "united",
        "elected",
        "retired",
        "embattled",
        "indicted",
        "acting",
        "leading",
        "ruling",
        "governing",
        "founding",
        "presiding",
        "outgoing",
        "incoming",
        "ranking",
        "polling",
        "fundraising",
        "reporting",
        "briefing",
        "meeting",
        "hearing",
        "building",
        "opening",
        "trading",
        "banking",
        "advertising",
        "undecided",
        "unnamed",
        "alleged",
        "armed",
        "detained",
        "wounded",
        "qualified",
        "evangelical",
        "sitting",
        "longstanding",
        "aged",
        "skilled",
        "organized",
        "talented",
        "related",
        "disaffected",
        "registered",
        "married",
        "self-described",
        "so-called",
        "defeated",
        "appointed",
        "concerned",
        "interested",
    )
)

# Words of a time adjunct next to a speaker phrase ("on Monday", "last week", "earlier"),
# with the determiners and "of" they take (mentions._TIME_WORDS, with CALENDAR_WORDS).
MENTION_TIME_WORDS = frozenset(
    [
        "on",
        "in",
        "at",
        "last",
        "this",
        "next",
        "yesterday",
        "today",
        "tonight",
        "week",
        "month",
        "year",
        "morning",
        "evening",
        "night",
        "afternoon",
        "earlier",
        "later",
        "also",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
        "the",
        "a",
        "of",
        "ago",
        "recently",
        "previously",
    ]
)
