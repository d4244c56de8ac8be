"""containment_roots: positions roll up along affiliated_with (claims.queries)."""

import pytest

from claims.models import Speaker
from claims.queries import containment_roots
from tests.factories import make_speaker

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
