"""Hand-written word lists the rules rely on.

Written from general knowledge of English news style (reporting verbs, titles, countries);
nothing here is mined from any corpus. Keep entries lower-case unless noted.
"""

from __future__ import annotations

# Verbs that report speech, in every form we match. Irregular forms are spelled out; regular
# ones come from `_regular_forms`. The lemma list follows /work/shared/eval/README.md (the
# brief's verbs plus common reporting verbs).
_SPEECH_LEMMAS = [
    "accuse",
    "acknowledge",
    "add",
    "admit",
    "advise",
    "affirm",
    "allege",
    "announce",
    "answer",
    "argue",
    "ask",
    "assert",
    "assure",
    "boast",
    "brag",
    "caution",
    "claim",
    "comment",
    "complain",
    "concede",
    "conclude",
    "confirm",
    "contend",
    "counter",
    "criticise",
    "criticize",
    "declare",
    "deny",
    "describe",
    "disclose",
    "emphasise",
    "emphasize",
    "exclaim",
    "explain",
    "inform",
    "insist",
    "joke",
    "maintain",
    "mention",
    "note",
    "observe",
    "pledge",
    "post",
    "praise",
    "predict",
    "proclaim",
    "promise",
    "propose",
    "question",
    "quip",
    "recall",
    "recount",
    "reiterate",
    "remark",
    "repeat",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "say",
    "scream",
    "shout",
    "state",
    "stress",
    "suggest",
    "tell",
    "testify",
    "threaten",
    "tweet",
    "urge",
    "vow",
    "warn",
    "whisper",
    "write",
    "yell",
    "call",
    "continue",
    "interject",
    "demand",
    "scoff",
    "concur",
    "chant",
    "tout",
]

# Verbs that attribute a belief or intention rather than speech. PolNeAR-style attribution
# covers these too; they never carry quotes, so they only ever produce indirect claims.
_BELIEF_LEMMAS = [
    "believe",
    "think",
    "hope",
    "fear",
    "expect",
    "worry",
    "feel",
    "know",
    "contend",
    "doubt",
    "estimate",
    "forecast",
    "guess",
    "acknowledge",
    "agree",
    "recognize",
    "recognise",
    "understand",
    "insist",
    "predict",
    "project",
    "reckon",
    "suspect",
    "wonder",
    "figure",
    "assume",
    "argue",
    "learn",
]

_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "think": ("think", "thinks", "thought", "thinking"),
    "feel": ("feel", "feels", "felt", "feeling"),
    "know": ("know", "knows", "knew", "known", "knowing"),
    "understand": ("understand", "understands", "understood", "understanding"),
    "forecast": ("forecast", "forecasts", "forecasted", "forecasting"),
    "learn": ("learn", "learns", "learned", "learnt", "learning"),
}


def _regular_forms(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    elif lemma in ("admit", "quip", "commit"):
        past, ing = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return (lemma, third, past, ing)


SPEECH_FORMS: frozenset[str] = frozenset(f for lem in _SPEECH_LEMMAS for f in _regular_forms(lem))
BELIEF_FORMS: frozenset[str] = (
    frozenset(f for lem in _BELIEF_LEMMAS for f in _regular_forms(lem)) - SPEECH_FORMS
)

# Cue forms that are too ambiguous without a following clause marker ("that", a quote, a colon):
# "called him", "noted author", "the report", "stated goal", "asked for".
# Verbs of intention that take a to-infinitive: "Trump wants to build a wall".
INTENT_FORMS: frozenset[str] = frozenset(
    f
    for lem in (
        "want hope plan seek decline refuse offer intend aim promise vow pledge threaten agree "
        "expect vote"
    ).split()
    for f in _regular_forms(lem)
)
# Verbs of stance or finding whose object is what is attributed: "polls show Clinton ahead",
# "Cruz criticized the deal". They need an adjacent subject; "see/view/regard" also need "as".
OBJECT_FORMS: frozenset[str] = frozenset(
    f
    for lem in (
        "show find indicate suggest reveal see view regard support oppose endorse criticize "
        "criticise praise blast dismiss blame defend question reject condemn accuse cite "
        "describe propose demand welcome applaud slam tout highlight acknowledge deny predict "
        "recommend dispute"
    ).split()
    for f in _regular_forms(lem)
)
AS_FORMS: frozenset[str] = frozenset(
    f for lem in ("see", "view", "regard", "describe") for f in _regular_forms(lem)
)

WEAK_CUES = frozenset(
    _regular_forms("call")
    + _regular_forms("note")
    + _regular_forms("report")
    + _regular_forms("state")
    + _regular_forms("question")
    + _regular_forms("post")
    + _regular_forms("describe")
    + _regular_forms("praise")
    + _regular_forms("answer")
    + _regular_forms("counter")
    + _regular_forms("repeat")
    + _regular_forms("comment")
    + _regular_forms("mention")
    + _regular_forms("propose")
    + _regular_forms("criticize")
    + _regular_forms("criticise")
    + _regular_forms("accuse")
    + _regular_forms("ask")
    + _regular_forms("advise")
    + _regular_forms("inform")
    + _regular_forms("recall")
    + _regular_forms("reveal")
    + _regular_forms("promise")
    + _regular_forms("pledge")
    + _regular_forms("threaten")
    + _regular_forms("predict")
    + _regular_forms("question")
    + _regular_forms("respond")
    + _regular_forms("reply")
    + _regular_forms("know")
    + _regular_forms("learn")
    + _regular_forms("understand")
    + _regular_forms("feel")
    + _regular_forms("figure")
    + _regular_forms("project")
    + _regular_forms("estimate")
    + _regular_forms("wonder")
    + _regular_forms("expect")
    + _regular_forms("agree")
    + _regular_forms("write")
    + _regular_forms("add")
    + _regular_forms("maintain")
    + _regular_forms("urge")
    + _regular_forms("vow")
    + _regular_forms("hope")
    + _regular_forms("remark")
    + _regular_forms("joke")
    + _regular_forms("question")
    + _regular_forms("quip")
    + _regular_forms("continue")
    + _regular_forms("demand")
    + _regular_forms("concur")
    + ("written",)
)

# Cue forms that are just as often nouns ("the report", "her claims"); they must not end a
# speaker noun phrase.
_NOUNISH_LEMMAS = [
    "state",
    "report",
    "claim",
    "note",
    "post",
    "call",
    "question",
    "answer",
    "comment",
    "counter",
    "remark",
    "reply",
    "tweet",
    "vow",
    "promise",
    "pledge",
    "fear",
    "hope",
    "doubt",
    "guess",
    "estimate",
    "forecast",
    "project",
    "figure",
    "joke",
    "whisper",
    "shout",
    "yell",
    "respond",
    "concern",
    "advise",
    "threat",
    "tell",
]
NOUNISH = frozenset(f for lem in _NOUNISH_LEMMAS for f in (lem, lem + "s"))
ATTITUDE_FORMS = (INTENT_FORMS | OBJECT_FORMS) - SPEECH_FORMS - BELIEF_FORMS
VERB_STOP = (SPEECH_FORMS | BELIEF_FORMS) - NOUNISH

# Nouns that report a claim when followed by "that": "China's declaration that ...".
CLAIM_NOUNS = frozenset(
    [
        "claim",
        "claims",
        "assertion",
        "assertions",
        "statement",
        "statements",
        "declaration",
        "declarations",
        "argument",
        "arguments",
        "insistence",
        "warning",
        "warnings",
        "contention",
        "promise",
        "promises",
        "pledge",
        "pledges",
        "vow",
        "vows",
        "belief",
        "beliefs",
        "view",
        "suggestion",
        "allegation",
        "allegations",
        "accusation",
        "accusations",
        "charge",
        "charges",
        "announcement",
        "admission",
        "assurance",
        "assurances",
        "prediction",
        "predictions",
        "complaint",
        "complaints",
        "fear",
        "fears",
        "hope",
        "hopes",
        "position",
        "message",
    ]
)

PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "p",
    "it": "n",
    "we": "p",
    "i": "s",
    "you": "p",
    "him": "m",
    "her": "f",
}
RELATIVE_PRONOUNS = frozenset(("who", "which", "that", "whom", "whose"))

HONORIFICS = frozenset(
    [
        "mr.",
        "mrs.",
        "ms.",
        "miss",
        "dr.",
        "prof.",
        "sen.",
        "rep.",
        "gov.",
        "gen.",
        "lt.",
        "col.",
        "sgt.",
        "capt.",
        "adm.",
        "rev.",
        "hon.",
        "pres.",
        "atty.",
        "supt.",
        "cmdr.",
        "maj.",
        "lt.-gen.",
        "amb.",
        "sens.",
        "reps.",
    ]
)
FEMALE_HONORIFICS = frozenset(("mrs.", "ms.", "miss", "madam"))
MALE_HONORIFICS = frozenset(("mr.",))

# Capitalised words that start a title before a name ("Secretary of State Antony J. Blinken").
TITLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "deputy",
        "foreign",
        "defense",
        "defence",
        "state",
        "interior",
        "senator",
        "sen.",
        "representative",
        "rep.",
        "governor",
        "gov.",
        "mayor",
        "general",
        "gen.",
        "admiral",
        "adm.",
        "colonel",
        "col.",
        "captain",
        "capt.",
        "lieutenant",
        "lt.",
        "sergeant",
        "sgt.",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "ambassador",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "judge",
        "justice",
        "chief",
        "attorney",
        "commissioner",
        "speaker",
        "leader",
        "leaders",
        "former",
        "acting",
        "assistant",
        "undersecretary",
        "under",
        "senior",
        "press",
        "first",
        "lady",
        "sheriff",
        "congressman",
        "congresswoman",
        "councilman",
        "councilwoman",
        "dr.",
        "prof.",
        "professor",
        "mr.",
        "mrs.",
        "ms.",
        "miss",
        "rev.",
        "ayatollah",
        "sheikh",
        "emir",
        "premier",
        "president-elect",
        "vp",
        "economic",
        "adviser",
        "advisor",
        "minority",
        "majority",
        "whip",
        "candidate",
        "nominee",
        "presidential",
        "republican",
        "democratic",
        "democrat",
        "gop",
        "field",
        "marshal",
        "sir",
        "dame",
        "lord",
        "lady",
    ]
)

# Lower-case words that may sit inside a speaker noun phrase as nouns or adjectives.
DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "some",
        "many",
        "several",
        "most",
        "other",
        "another",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "one",
        "both",
        "each",
        "every",
        "few",
        "all",
        "no",
        "any",
    ]
)

# Lower-case words that never belong to a speaker noun phrase: they end it.
NP_STOP = frozenset(
    [
        "and",
        "or",
        "but",
        "if",
        "when",
        "while",
        "because",
        "although",
        "though",
        "as",
        "since",
        "until",
        "unless",
        "whether",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "why",
        "how",
        "what",
        "than",
        "then",
        "so",
        "yet",
        "nor",
        "in",
        "on",
        "at",
        "to",
        "from",
        "with",
        "by",
        "into",
        "onto",
        "about",
        "against",
        "over",
        "under",
        "after",
        "before",
        "during",
        "through",
        "between",
        "among",
        "within",
        "without",
        "across",
        "around",
        "behind",
        "beyond",
        "near",
        "upon",
        "via",
        "per",
        "like",
        "toward",
        "towards",
        "despite",
        "except",
        "amid",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "not",
        "never",
        "also",
        "only",
        "just",
        "even",
        "still",
        "already",
        "again",
        "now",
        "there",
        "here",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "him",
        "them",
        "us",
        "me",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "tell",
        "according",
        "made",
        "makes",
        "gave",
        "gives",
        "took",
        "takes",
        "got",
        "gets",
        "went",
        "goes",
        "came",
        "comes",
        "sent",
        "seems",
        "seemed",
        "appeared",
        "appears",
        "wants",
        "wanted",
        "needs",
        "tried",
        "tries",
        "began",
        "begins",
        "declined",
        "refused",
        "remains",
        "remained",
        "became",
        "becomes",
        "did",
    ]
)

AUX_ADVERBS = frozenset(
    [
        "has",
        "have",
        "had",
        "also",
        "later",
        "previously",
        "repeatedly",
        "once",
        "again",
        "then",
        "recently",
        "publicly",
        "privately",
        "frequently",
        "often",
        "reportedly",
        "still",
        "did",
        "does",
        "do",
        "will",
        "would",
        "could",
        "may",
        "might",
        "should",
        "just",
        "already",
        "even",
        "further",
        "flatly",
        "firmly",
        "quickly",
        "is",
        "was",
        "were",
        "are",
        "been",
        "has",
        "long",
        "since",
        "first",
        "last",
        "subsequently",
        "earlier",
        "separately",
        "similarly",
        "reiterated",
        "explicitly",
        "herself",
        "himself",
        "themselves",
        "itself",
        "has",
    ]
)

NEGATIONS = frozenset(("not", "n't", "never", "no", "neither", "nor", "cannot"))

# Words after which an indirect-speech complement ends ("..., but she did not say").
CONTENT_END_CONJ = (
    "but",
    "while",
    "although",
    "though",
    "whereas",
    "even as",
    "adding",
    "saying",
    "noting",
    "arguing",
    "according to",
    "citing",
    "he said",
    "she said",
    "they said",
)

COUNTRIES = {
    # name: demonym adjectives (lower-case except proper adjectives kept capitalised)
    "United States": ("American", "U.S."),
    "Russia": ("Russian",),
    "Ukraine": ("Ukrainian",),
    "China": ("Chinese",),
    "India": ("Indian",),
    "Belarus": ("Belarusian",),
    "Kazakhstan": ("Kazakh",),
    "Uzbekistan": ("Uzbek",),
    "Britain": ("British",),
    "United Kingdom": (),
    "France": ("French",),
    "Germany": ("German",),
    "Italy": ("Italian",),
    "Spain": ("Spanish",),
    "Poland": ("Polish",),
    "Japan": ("Japanese",),
    "South Korea": ("South Korean",),
    "North Korea": ("North Korean",),
    "Iran": ("Iranian",),
    "Iraq": ("Iraqi",),
    "Syria": ("Syrian",),
    "Israel": ("Israeli",),
    "Turkey": ("Turkish",),
    "Egypt": ("Egyptian",),
    "Saudi Arabia": ("Saudi",),
    "Mexico": ("Mexican",),
    "Canada": ("Canadian",),
    "Brazil": ("Brazilian",),
    "Australia": ("Australian",),
    "Pakistan": ("Pakistani",),
    "Afghanistan": ("Afghan",),
    "Cuba": ("Cuban",),
    "Venezuela": ("Venezuelan",),
    "Georgia": ("Georgian",),
    "Moldova": ("Moldovan",),
    "Hungary": ("Hungarian",),
    "Greece": ("Greek",),
    "Sweden": ("Swedish",),
    "Finland": ("Finnish",),
    "Norway": ("Norwegian",),
    "Denmark": ("Danish",),
    "Netherlands": ("Dutch",),
    "Belgium": ("Belgian",),
    "Austria": ("Austrian",),
    "Switzerland": ("Swiss",),
    "Ireland": ("Irish",),
    "Portugal": ("Portuguese",),
    "Romania": ("Romanian",),
    "Bulgaria": ("Bulgarian",),
    "Serbia": ("Serbian",),
    "Croatia": ("Croatian",),
    "Lithuania": ("Lithuanian",),
    "Latvia": ("Latvian",),
    "Estonia": ("Estonian",),
    "Czech Republic": ("Czech",),
    "Slovakia": ("Slovak",),
    "Nigeria": ("Nigerian",),
    "South Africa": ("South African",),
    "Kenya": ("Kenyan",),
    "Ethiopia": ("Ethiopian",),
    "Libya": ("Libyan",),
    "Lebanon": ("Lebanese",),
    "Jordan": ("Jordanian",),
    "Qatar": ("Qatari",),
    "Yemen": ("Yemeni",),
    "Indonesia": ("Indonesian",),
    "Vietnam": ("Vietnamese",),
    "Philippines": ("Filipino", "Philippine"),
    "Thailand": ("Thai",),
    "Taiwan": ("Taiwanese",),
    "Argentina": ("Argentine", "Argentinian"),
    "Chile": ("Chilean",),
    "Colombia": ("Colombian",),
    "Peru": ("Peruvian",),
    "European Union": ("European",),
}
COUNTRY_ALIASES = {
    "U.S.": "United States",
    "US": "United States",
    "U.S.A.": "United States",
    "America": "United States",
    "Washington": "United States",
    "Moscow": "Russia",
    "the Kremlin": "Russia",
    "Kremlin": "Russia",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "Beijing": "China",
    "U.K.": "United Kingdom",
    "UK": "United Kingdom",
    "London": "United Kingdom",
    "Paris": "France",
    "Berlin": "Germany",
    "Tokyo": "Japan",
    "Tehran": "Iran",
    "Delhi": "India",
    "New Delhi": "India",
    "Pyongyang": "North Korea",
    "Seoul": "South Korea",
    "the White House": "United States",
    "White House": "United States",
    "Pentagon": "United States",
    "the Pentagon": "United States",
    "State Department": "United States",
    "Downing Street": "United Kingdom",
    "Brussels": "European Union",
}
DEMONYMS = {d: name for name, ds in COUNTRIES.items() for d in ds}
DEMONYMS.pop("European", None)  # "European allies" are not the EU speaking

GOVERNMENT_WORDS = frozenset(
    [
        "government",
        "governments",
        "administration",
        "ministry",
        "ministries",
        "kremlin",
        "pentagon",
        "department",
        "cabinet",
        "parliament",
        "congress",
        "senate",
        "house",
        "embassy",
        "military",
        "army",
        "navy",
        "council",
        "regime",
        "authorities",
        "police",
        "state",
    ]
)
MEDIA_WORDS = frozenset(
    [
        "report",
        "reports",
        "media",
        "newspaper",
        "paper",
        "agency",
        "news",
        "times",
        "post",
        "journal",
        "tribune",
        "television",
        "tv",
        "broadcaster",
        "network",
        "reuters",
        "ap",
        "afp",
        "cnn",
        "bbc",
        "nbc",
        "abc",
        "cbs",
        "msnbc",
        "fox",
        "magazine",
        "outlet",
        "outlets",
        "tass",
        "xinhua",
        "interfax",
        "poll",
        "survey",
        "study",
        "article",
        "editorial",
        "statement",
        "document",
        "documents",
        "memo",
        "letter",
        "filing",
        "website",
        "blog",
    ]
)
ORG_WORDS = frozenset(
    [
        "party",
        "committee",
        "commission",
        "union",
        "association",
        "institute",
        "company",
        "corporation",
        "inc.",
        "corp.",
        "co.",
        "foundation",
        "university",
        "college",
        "court",
        "bank",
        "fund",
        "organization",
        "organisation",
        "group",
        "campaign",
        "coalition",
        "alliance",
        "nato",
        "un",
        "council",
        "federation",
        "league",
        "club",
        "firm",
        "center",
        "centre",
        "office",
        "board",
        "agency",
        "caucus",
        "chamber",
    ]
)
ANONYMOUS_HEADS = frozenset(
    [
        "officials",
        "official",
        "diplomats",
        "diplomat",
        "sources",
        "source",
        "aides",
        "aide",
        "advisers",
        "adviser",
        "advisors",
        "advisor",
        "analysts",
        "analyst",
        "experts",
        "expert",
        "people",
        "person",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "insiders",
        "insider",
        "observers",
        "critics",
        "critic",
        "residents",
        "witnesses",
        "witness",
        "someone",
        "anyone",
        "lawmakers",
        "lawmaker",
        "staffers",
        "staffer",
        "members",
        "strategists",
        "strategist",
        "operatives",
        "officers",
        "soldiers",
        "commanders",
    ]
)
PLURAL_GROUP_HINT = frozenset(
    [
        "allies",
        "democrats",
        "republicans",
        "voters",
        "supporters",
        "leaders",
        "countries",
        "nations",
        "states",
        "parties",
        "groups",
        "activists",
        "protesters",
        "protestors",
        "americans",
        "citizens",
    ]
)
