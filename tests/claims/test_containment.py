"""containment_roots: positions roll up along affiliated_with (claims.queries)."""

import pytest

from claims.enums import ClaimStatus
from claims.models import Speaker
from claims.queries import CONTAINMENT_DEPTH, containment_roots, shown_publicly_among
from tests.factories import make_claim, make_published_claim, make_speaker

pytestmark = pytest.mark.django_db


def loaded(*speakers):
    return list(
        Speaker.objects.select_related("affiliated_with").filter(pk__in=[s.pk for s in speakers])
    )


def test_containment_roots_follow_every_level(django_assert_num_queries):
    state = make_speaker(name="Examplia", kind="government")
    seat = make_speaker(name="Examplia Palace", kind="government", affiliated_with=state)
    office = make_speaker(name="Palace press office", kind="organization", affiliated_with=seat)
    person = make_speaker(name="Ivo Spokes", affiliated_with=office)
    loose = make_speaker(name="Una Critic")
    speakers = loaded(person, office, loose)

    # The first level comes with select_related (the office, and the seat above the office);
    # the state above the seat is one more query for all of them.
    with django_assert_num_queries(1):
        roots = containment_roots(speakers)

    assert {pk: root.name for pk, root in roots.items()} == {
        person.pk: "Examplia",
        office.pk: "Examplia",
        loose.pk: "Una Critic",
    }


def test_containment_roots_stop_at_a_loop():
    first = make_speaker(name="First Body", kind="organization")
    second = make_speaker(name="Second Body", kind="organization", affiliated_with=first)
    Speaker.objects.filter(pk=first.pk).update(affiliated_with=second)  # an editor's mistake

    roots = containment_roots(loaded(first))

    assert roots[first.pk].name in {"First Body", "Second Body"}


def test_containment_roots_and_shown_publicly_among_stop_at_the_same_depth(
    django_assert_num_queries,
):
    """The roll-up and the page cache's "shown" agree: a container CONTAINMENT_DEPTH levels
    above a speaker with a published claim is its topic row's actor and counts as shown;
    the one above it is neither (filling it in changes no page)."""
    chain = [make_speaker(name="Level 0 Spokes")]
    for level in range(1, CONTAINMENT_DEPTH + 2):
        chain.append(make_speaker(name=f"Level {level} Body", kind="organization"))
        Speaker.objects.filter(pk=chain[-2].pk).update(affiliated_with=chain[-1])
    make_published_claim(content="Bridges are safe", speaker=chain[0])
    make_claim(content="Unreviewed words", speaker=make_speaker(affiliated_with=chain[-1]))

    speakers = loaded(chain[0])
    # Level 1 comes with select_related; levels 2 .. CONTAINMENT_DEPTH one query each, and
    # none for the level above.
    with django_assert_num_queries(CONTAINMENT_DEPTH - 1):
        roots = containment_roots(speakers)

    assert roots[chain[0].pk].name == f"Level {CONTAINMENT_DEPTH} Body"
    shown = shown_publicly_among(Speaker.objects.values_list("pk", flat=True))
    assert set(Speaker.objects.filter(pk__in=shown).values_list("name", flat=True)) == {
        s.name for s in chain[: CONTAINMENT_DEPTH + 1]
    }


def test_shown_publicly_among_walks_members_down_to_a_published_claim(
    django_assert_num_queries,
):
    """One statement: a chain deeper than CONTAINMENT_DEPTH under a published claim, a loop,
    a branching tree, and speakers with only unreviewed or dismissed claims."""
    chain = [make_speaker(name="Chain 0")]
    for level in range(1, CONTAINMENT_DEPTH + 3):
        chain.append(make_speaker(name=f"Chain {level}", kind="organization"))
        Speaker.objects.filter(pk=chain[-2].pk).update(affiliated_with=chain[-1])
    make_published_claim(content="Bridges are safe", speaker=chain[0])
    first = make_speaker(name="Loop A", kind="organization")
    second = make_speaker(name="Loop B", kind="organization", affiliated_with=first)
    Speaker.objects.filter(pk=first.pk).update(affiliated_with=second)
    in_loop = make_speaker(name="Loop Member", affiliated_with=second)
    make_published_claim(content="Roads are fine", speaker=in_loop)
    state = make_speaker(name="Examplia", kind="government")
    quiet = make_speaker(name="Quiet Office", kind="organization", affiliated_with=state)
    loud = make_speaker(name="Loud Office", kind="organization", affiliated_with=state)
    make_claim(
        content="Unreviewed words", speaker=make_speaker(name="Quiet Member", affiliated_with=quiet)
    )
    make_claim(content="Dismissed words", speaker=quiet, status=ClaimStatus.DISMISSED)
    loud_member = make_speaker(name="Loud Member", affiliated_with=loud)
    make_published_claim(content="Taxes will fall", speaker=loud_member)
    lonely = make_speaker(name="Lonely Unreviewed")
    make_claim(content="More unreviewed words", speaker=lonely)
    everyone = list(Speaker.objects.values_list("pk", flat=True))

    with django_assert_num_queries(1):
        among = shown_publicly_among(everyone)

    assert {s.name for s in Speaker.objects.filter(pk__in=among)} == {
        *(f"Chain {level}" for level in range(CONTAINMENT_DEPTH + 1)),
        "Loop A",
        "Loop B",
        "Loop Member",
        "Examplia",
        "Loud Office",
        "Loud Member",
    }
    some = [chain[0].pk, chain[-1].pk, quiet.pk, state.pk, lonely.pk]
    assert shown_publicly_among(some) == {chain[0].pk, state.pk}
    assert shown_publicly_among([]) == set()
