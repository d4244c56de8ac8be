"""Speaker resolution across articles: aliases and merge suggestions, at import time.

The package, by concern: ``forms`` (what a surface form is: metonyms, seats of government,
pronouns, generic and name-like forms), ``cache`` (the run's in-memory index of speakers,
aliases, offices and organisations, undone per article), ``resolver`` (``SpeakerResolver``:
matching names, offices and organisations), ``tenure`` (who held an office when:
``RoleHolding``) and ``writes`` (new speakers, aliases, slugs).

What people do to speakers afterwards (merge, edit, reject a suggestion, drop a wrong alias)
is claims/services/speaker_edits.py.

Resolution order for a speaker name the extractor found (``resolve_many``):

1. Metonyms ("Moscow", "Kyiv" -> the government), for every kind but people. Seats of
   government ("the Kremlin", "the White House", "Downing Street") are speakers of their own,
   contained in (``affiliated_with``) their government: "the Kremlin" and "Peskov" are two
   speakers, and the Kremlin and Russia are two, linked by containment.
2. An exact alias: every surface form ever resolved is a ``SpeakerAlias`` (normalised by
   ``normalise_name``: anyascii transliteration, so "Łukasz" = "Lukasz"), so "Mr. Zelensky"
   seen once resolves the same way next time.
3. People (``claims.names``): the name without the title, nationality or owner in front
   ("Ukrainian President Volodymyr Zelenskiy", "Microsoft's Satya Nadella", "Dr ..."), then a
   transliteration key for the surname without its particles ("al-Ansari" = "Al Ansari" =
   "Ansari") and a compatible given name ("Dmitry" = "Dimitry" = "Dmitri", "Vladimir" =
   "Volodymyr", an initial). A bare surname takes the given name this article gives that
   surname; when the article gives it two different given names, or the archive holds two
   people of that name, nothing is merged silently.
4. An office alone ("Russia's foreign minister") in a dated article: the person another
   article tied that office to, seen around this article's date (``tenure``; the claim
   records the ``RoleHolding`` that decided). Failing a known tie:
   descriptions of an office ("Qatar's foreign ministry spokesperson", "the Russian
   president"): the one person known to hold that office in that country, from this run or
   the archive (``Speaker.role``/``affiliation``); the claim then records ``office`` as its
   ``speaker_resolution`` (``SpeakerResolver.by_office``). Two holders, or none, and the
   description stays a speaker of its own.
5. Organisations: the name without a nationality in front ("the Russian National
   Anti-Terrorism Committee" = "the National Anti-Terrorism Committee"; by ``org_body_keys``
   also "FSB" = "Russia's Federal Security Service" = "Russian state security"), and groups whatever
   their count ("more than 500 of Acme's 700 employees" = "Acme employees"), when one known
   organisation of a compatible country has it. A body named by its head noun alone ("the
   employees") is the one its article names in full; two such, and it belongs to that
   article only. A person whose role names a seat of government ("Kremlin spokesman") is
   contained in it.
6. Otherwise a new speaker. When more than one existing speaker fits (two Bidens for a bare
   "Biden"), nothing is merged silently: the new speaker is created and a
   ``SpeakerMergeSuggestion`` per candidate goes to the review desk.

The metonym table: ``DEFAULT_METONYMS`` here, extended or overridden by the
``CLAIMDESK_METONYMS`` setting (a dict of surface form -> government name; a value of None
removes a default). Once resolved, a metonym is stored as an alias of the government speaker,
and stored aliases win over the table: the review desk edits aliases to correct or extend it
(add the alias "Downing Street" to the United Kingdom speaker and the next import follows it).

Pronouns and descriptions ("he", "the spokesman") are never stored as aliases, nor is a mention
whose given name conflicts with the speaker's ("Peter Jones" for Anna Jones).
"""

from .cache import ResolveStats
from .forms import (
    DEFAULT_METONYMS,
    HONORIFICS,
    PRONOUNS,
    SEATS,
    is_generic,
    is_name_like,
    is_pronoun,
    metonym_table,
)
from .resolver import SpeakerResolver
from .writes import _free_slugs, _insert_aliases

__all__ = [
    "DEFAULT_METONYMS",
    "HONORIFICS",
    "PRONOUNS",
    "SEATS",
    "ResolveStats",
    "SpeakerResolver",
    "_free_slugs",
    "_insert_aliases",
    "is_generic",
    "is_name_like",
    "is_pronoun",
    "metonym_table",
]
