import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from claims.enums import ClaimStatus, LinkRelation
from claims.models import (
    Article,
    Claim,
    ClaimEvidence,
    ClaimLink,
    Outlet,
    SpeakerAlias,
    SpeakerMerge,
    SpeakerMergeSuggestion,
    Stance,
    Tag,
    Topic,
)
from claims.normalise import text_hash
from tests.factories import (
    make_article,
    make_claim,
    make_evidence,
    make_link,
    make_speaker,
    make_stance,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db


def test_article_from_headline_and_body_derives_slug_and_source_key():
    article = Article.objects.create(headline="Ukraine Reinforces Bakhmut", body="Some text.")

    assert article.slug == "ukraine-reinforces-bakhmut"
    assert article.source_key.startswith("sha1:")
    assert article.url is None


def test_article_source_key_is_the_normalised_url_when_there_is_one():
    article = make_article(url="https://WWW.Example.com/story/?utm_source=x#top")

    assert article.source_key == "url:https://example.com/story"


def test_article_same_headline_gets_a_distinct_slug():
    first = make_article(headline="Same headline")
    second = make_article(headline="Same headline")

    assert first.slug != second.slug
    assert second.slug == "same-headline-2"


def test_article_duplicate_source_key_is_refused_by_the_database():
    make_article(body="identical text")

    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(headline="Other", body="identical text")


def test_article_url_unique_when_set_but_many_may_have_none():
    make_article(url="https://example.com/a")
    make_article(url=None)
    make_article(url="")

    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(headline="x", body="y", url="https://example.com/a", source_key="k")


def test_claim_link_to_itself_raises_integrity_error():
    claim = make_claim()

    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimLink.objects.create(from_claim=claim, to_claim=claim, relation=LinkRelation.REPEATS)


def test_claim_duplicate_link_raises_integrity_error():
    a, b = make_claim(), make_claim()
    make_link(a, b, LinkRelation.REPEATS)

    with pytest.raises(IntegrityError), transaction.atomic():
        make_link(a, b, LinkRelation.REPEATS)
    # A different relation between the same pair is a different fact.
    make_link(a, b, LinkRelation.SUPPORTS)


@pytest.mark.parametrize(("start", "end"), [(5, 5), (10, 3)])
def test_claim_offsets_must_satisfy_start_before_end(start, end):
    article = make_article()

    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(article=article, start=start, end=end, content="x")


def test_claim_same_span_twice_in_one_article_raises_integrity_error():
    claim = make_claim()

    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(article=claim.article, start=claim.start, end=claim.end, content="x")


def test_claim_published_without_verdict_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_claim(status=ClaimStatus.PUBLISHED, verdict=None)


def test_stance_one_per_claim_and_topic():
    claim, topic = make_claim(), make_topic()
    make_stance(claim, topic, "supports")

    with pytest.raises(IntegrityError), transaction.atomic():
        make_stance(claim, topic, "opposes")


def test_evidence_with_javascript_url_is_refused_by_the_database():
    claim = make_claim()

    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimEvidence.objects.create(claim=claim, url="javascript:alert(1)")


def test_speaker_alias_normalised_form_is_unique():
    speaker = make_speaker(name="Antony J. Blinken")
    SpeakerAlias.objects.create(speaker=speaker, alias="Mr. Blinken")

    with pytest.raises(IntegrityError), transaction.atomic():
        SpeakerAlias.objects.create(speaker=make_speaker(), alias="mr blinken")


def test_speaker_with_claims_is_protected_from_deletion():
    from django.db.models import ProtectedError

    speaker = make_speaker()
    make_claim(speaker=speaker)

    with pytest.raises(ProtectedError):
        speaker.delete()


def test_claim_derives_content_hash_and_sort_date_from_article():
    import datetime

    article = make_article(published=datetime.date(2023, 3, 1))
    claim = make_claim(article=article)

    assert claim.sort_date == datetime.date(2023, 3, 1)
    assert claim.content_hash == text_hash(claim.content)


def test_link_relation_inverse_labels_read_from_the_other_side():
    assert LinkRelation.REPEATS.inverse_label == "repeated by"
    assert LinkRelation.CONTRADICTS.inverse_label == "contradicted by"
    assert LinkRelation.RESPONDS_TO.inverse_label == "responded to by"
    assert {r.inverse_label for r in LinkRelation} == {
        "repeated by",
        "paraphrased by",
        "supported by",
        "contradicted by",
        "responded to by",
        "corrected by",
    }


def test_claim_has_the_publish_permission():
    from django.contrib.auth.models import Permission

    assert Permission.objects.filter(
        content_type__app_label="claims", codename="publish_claim"
    ).exists()


def test_str_of_every_model_reads_only_its_own_columns():
    user = make_user()
    claim = make_claim(speaker=make_speaker())
    other = make_claim()
    instances = [
        Outlet.objects.create(name="The Paper"),
        claim.article,
        claim.speaker,
        SpeakerAlias.objects.create(speaker=claim.speaker, alias="Alias"),
        SpeakerMergeSuggestion.objects.create(
            speaker=claim.speaker, candidate=make_speaker(), reason="r"
        ),
        SpeakerMerge.objects.create(
            kept=claim.speaker, merged_name="X", merged_slug="x", merged_by=user
        ),
        Tag.objects.create(name="Peace"),
        Topic.objects.create(title="Peace talks"),
        make_stance(claim, make_topic()),
        make_link(claim, other),
        make_evidence(claim),
        claim,
    ]
    fresh = [type(obj).objects.get(pk=obj.pk) for obj in instances]

    with CaptureQueriesContext(connection) as queries:
        texts = [str(obj) for obj in fresh]

    assert len(queries) == 0, [q["sql"] for q in queries]
    assert all(texts)


def test_stance_model_keeps_history_of_changes():
    stance = make_stance(make_claim(), make_topic(), "supports")
    stance.stance = "opposes"
    stance.save()

    assert list(stance.history.values_list("stance", flat=True)) == ["opposes", "supports"]
    assert Stance.history.count() == 2
