"""The public claim list's filters: every one explicit, slugs in the URL, strict.

An invalid value (an unknown slug, a date that is not a date, an unknown sort) makes the form
invalid; the list view then shows the form's errors over an empty list, never a 500.
"""

import django_filters
from django import forms
from django.core.validators import ProhibitNullCharactersValidator

from claims.enums import ClaimKind, Verdict
from claims.models import Claim, Outlet, Speaker, Tag, Topic
from claims.queries import outlets_with_public_claims, speakers_with_public_claims

from . import search

SORT_NEWEST = "newest"
SORT_OLDEST = "oldest"
SORT_RELEVANCE = "relevance"
SORT_CHOICES = [
    (SORT_NEWEST, "Newest first"),
    (SORT_OLDEST, "Oldest first"),
    (SORT_RELEVANCE, "Most relevant (with a search)"),
]


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """A model chosen by slug; the value is checked with one indexed lookup, never listed."""

    field_class = forms.ModelChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(*args, **kwargs)


class ClaimFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search",
        method="filter_noop",  # applied in filter_queryset, with the sort it interacts with
        max_length=search.MAX_QUERY_LENGTH * 5,
        validators=[ProhibitNullCharactersValidator()],
    )
    speaker = SlugChoiceFilter(
        label="Speaker", field_name="speaker", queryset=Speaker.objects.only("pk", "slug", "name")
    )
    tag = SlugChoiceFilter(
        label="Tag", field_name="tags", queryset=Tag.objects.only("pk", "slug", "name")
    )
    # One stance per (claim, topic) (a unique constraint): this join cannot duplicate rows.
    topic = SlugChoiceFilter(
        label="Topic",
        field_name="stances__topic",
        queryset=Topic.objects.only("pk", "slug", "title"),
    )
    outlet = SlugChoiceFilter(
        label="Outlet",
        field_name="article__outlet",
        queryset=Outlet.objects.only("pk", "slug", "name"),
    )
    verdict = django_filters.ChoiceFilter(
        label="Verdict", method="filter_verdict", choices=Verdict.choices, empty_label="Any"
    )
    kind = django_filters.ChoiceFilter(
        label="Kind", field_name="kind", choices=ClaimKind.choices, empty_label="Any"
    )
    date_from = django_filters.DateFilter(
        label="From",
        field_name="sort_date",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        label="To",
        field_name="sort_date",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sort = django_filters.ChoiceFilter(
        label="Sort", method="filter_noop", choices=SORT_CHOICES, empty_label=None
    )

    class Meta:
        model = Claim
        fields = []  # every filter is declared above

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A slug of a speaker with no public claims is refused like an unknown one: an empty
        # list instead of an error would confirm the name is in the database.
        self.filters["speaker"].queryset = speakers_with_public_claims().only("pk", "slug", "name")
        self.filters["outlet"].queryset = outlets_with_public_claims().only("pk", "slug", "name")

    def filter_noop(self, queryset, name, value):
        return queryset

    def filter_verdict(self, queryset, name, value):
        # A verdict is public only once published: filtering on it must not reveal drafts.
        return queryset.published().filter(verdict=value)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        parsed = search.parse_query(self.form.cleaned_data.get("q"))
        if parsed:
            # Relevance ranks the newest matches (the list view reads them in this order).
            queryset = search.matching(queryset, parsed)
        if self.sort_value == SORT_OLDEST:
            return queryset.order_by("sort_date", "id")
        return queryset.order_by("-sort_date", "-id")

    @property
    def sort_value(self) -> str:
        data = getattr(self.form, "cleaned_data", None) or {}
        sort = data.get("sort") or SORT_NEWEST
        if sort == SORT_RELEVANCE and not search.parse_query(data.get("q")):
            return SORT_NEWEST  # nothing to rank by
        return sort

    @property
    def parsed_query(self) -> search.ParsedQuery:
        data = getattr(self.form, "cleaned_data", None) or {}
        return search.parse_query(data.get("q"))
