"""Similar claims and speaker names (PostgreSQL: hash + full-text prefilter + trigram rank)."""

import pytest
from django.db import connection

from claims.services.similarity import (
    clear_stats_cache,
    rarest_lexemes,
    similar_claims,
    similar_speakers,
    speaker_topic_claims,
    suggested_topic_id,
)
from tests.factories import make_article, make_claim, make_speaker, make_stance, make_topic

pytestmark = pytest.mark.django_db

REMARK = "Our military is obviously going to weigh all of the options around Bakhmut"


def test_similar_claims_finds_exact_duplicates_by_normalised_text():
    claim = make_claim(content=REMARK)
    shouted = make_claim(content=f"“{REMARK.upper()}!”")
    other = make_claim(content="Grain shipments resumed from Odesa on Tuesday")

    found = similar_claims(claim)

    assert [(s.pk, s.exact, s.score) for s in found] == [(shouted.pk, True, 1.0)]
    assert other.pk not in [s.pk for s in found]


def test_similar_claims_finds_near_duplicates_and_ranks_closest_first():
    claim = make_claim(content=REMARK)
    near = make_claim(content="Our military is obviously going to weigh all the options in Bakhmut")
    looser = make_claim(
        content="The military will weigh all of the options around Bakhmut, he said"
    )
    unrelated = make_claim(content="Prices of bread in Kyiv rose again this week")

    found = [s.pk for s in similar_claims(claim)]

    assert found[:2] == [near.pk, looser.pk]
    assert unrelated.pk not in found
    assert claim.pk not in found


def test_similar_claims_of_a_claim_with_no_content_words_is_empty():
    claim = make_claim(content="It is so.")
    make_claim(content="It was so.")

    assert similar_claims(claim) == []


def test_rarest_lexemes_prefers_words_analyze_found_uncommon(on_postgresql):
    for i in range(60):
        make_claim(content=f"The ministry said the ministry statement number {i}")
    claim = make_claim(content="The ministry said Zaporizhzhia reactors were shut")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_claim")
    clear_stats_cache()

    lexemes = [lexeme for lexeme, _ in rarest_lexemes(claim, k=2)]

    assert "ministri" not in lexemes
    assert set(lexemes) <= {"zaporizhzhia", "reactor", "shut"}
    assert lexemes[0] == "zaporizhzhia"  # equally rare: the longest first


def test_speaker_topic_claims_lists_the_speakers_other_claims_on_the_same_topics():
    speaker, topic = make_speaker(), make_topic()
    claim = make_claim(speaker=speaker)
    make_stance(claim, topic)
    same_topic = make_claim(speaker=speaker)
    make_stance(same_topic, topic, "opposes")
    other_topic = make_claim(speaker=speaker)
    make_stance(other_topic, make_topic())
    someone_else = make_claim(speaker=make_speaker())
    make_stance(someone_else, topic)

    assert list(speaker_topic_claims(claim)) == [same_topic]


def test_similar_speakers_finds_spelling_variants_only():
    speaker = make_speaker(name="Alexander Rodnyansky")
    variant = make_speaker(name="Alexandr Rodnyansky")
    make_speaker(name="Hanna Maliar")

    found = similar_speakers(speaker)

    assert [s for s, _ in found] == [variant]
    assert 0.5 <= found[0][1] <= 1.0


# --- The stance row's suggested topic ------------------------------------------------------


def sibling(claim, n):
    """Another claim of the same article, n words in."""
    return make_claim(article=claim.article, start=n, end=n + 3)


def test_suggested_topic_prefers_the_article_then_the_speaker_and_skips_taken_topics():
    article, speaker = make_article(), make_speaker()
    claim = make_claim(article=article, speaker=speaker)
    peace, aid, energy = (
        make_topic(title="Peace"),
        make_topic(title="Aid"),
        make_topic(title="Energy"),
    )
    elsewhere = make_claim(speaker=speaker)  # the same speaker, another article
    make_stance(elsewhere, energy)
    make_stance(make_claim(speaker=speaker), energy)
    assert suggested_topic_id(claim) == energy.pk  # only the speaker's: Energy (twice)

    make_stance(sibling(claim, 1), aid)
    make_stance(sibling(claim, 2), peace)
    make_stance(sibling(claim, 3), peace)
    assert suggested_topic_id(claim) == peace.pk  # the article's most taken, over the speaker's

    make_stance(claim, peace)
    assert suggested_topic_id(claim) == aid.pk  # it has Peace already

    assert suggested_topic_id(make_claim()) is None
