"""Public pages: read-only, server-rendered, no login. Every page runs a fixed number of queries.

Visibility is decided in one place, `claims.queries.public_claim_q` (`Claim.objects.public()`
is that condition; joins from other models use it with a prefix): dismissed claims never
appear; unreviewed ones only when CLAIMDESK_SHOW_UNREVIEWED is on, and then without verdict or
rationale (the templates show those for published claims only). Reviewer notes, drafts and
assignees are never read here.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils.decorators import method_decorator
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django_filters.views import FilterView

from claims.enums import (
    VERDICT_BEST_RATING,
    VERDICT_WORST_RATING,
    ClaimKind,
    ClaimStatus,
    StanceChoice,
    Verdict,
)
from claims.html import claim_words, excerpt_ranges, mark_claims, mark_excerpts
from claims.models import (
    Claim,
    ClaimLink,
    Correction,
    MethodologyText,
    Speaker,
    SpeakerSlug,
    Stance,
    Tag,
    Topic,
)
from claims.queries import (
    articles_with_public_claims,
    checked_by,
    outlets_with_public_claims,
    positions,
    public_claim_q,
    published_claim_q,
    reviewed_stance_q,
    speakers_with_public_claims,
    topic_stances,
    topics_with_positions,
)
from claims.templatetags.claims_tags import inert

from . import jsonld, search
from .filters import SORT_CHOICES, SORT_OLDEST, ClaimFilter
from .pagecache import (
    article_scope,
    cached_page,
    claim_list_scope,
    claim_scope,
    lists_scope,
    speaker_scope,
)
from .pagination import (
    ListPage,
    ResultCount,
    capped_count,
    keyset_page,
    list_count,
    search_page,
)

logger = logging.getLogger(__name__)

SPEAKER_PAGE_CLAIMS = 25
SPEAKER_STANCES_MAX = 300  # topics x SPEAKER_TOPIC_STANCES, at most
SPEAKER_TOPIC_STANCES = 5  # the newest stances shown per topic on a speaker page
RELATED_MAX = 10
# The claim list reads its filters and its position; any other parameter is dropped.
CLAIM_LIST_PARAMS = (*ClaimFilter.base_filters, "after", "before", "page")


@cached_page(scope=lists_scope)
def home(request):
    public = Claim.objects.public()
    recently_published = (
        Claim.objects.published()
        .filter(published_at__isnull=False)  # lets the index skip its NULLs (listed first)
        .for_list()
        .order_by("-published_at", "-id")[:10]
    )  # query: published claims by published_at (its own index), speaker and article joined
    latest = public.for_list().order_by("-sort_date", "-id")[:10]  # query: newest public claims
    topics = topics_with_positions().filter(public_stances__gt=0)[:12]  # query: topic counts
    claim_count = capped_count(public)  # query: count up to the cap
    published_count = capped_count(Claim.objects.published())  # query: count up to the cap
    return render(
        request,
        "claims/home.html",
        {
            "recently_published": recently_published,
            "latest": latest if settings.CLAIMDESK_SHOW_UNREVIEWED else [],
            "topics": topics,
            "claim_count": claim_count,
            "published_count": published_count,
            # query: speakers with a public claim (claims/queries.py), so an import's new
            # speakers change no public page (the page cache's fingerprint counts on it)
            "speaker_count": speakers_with_public_claims().count(),
        },
    )


@method_decorator(cached_page(params=CLAIM_LIST_PARAMS, scope=claim_list_scope), name="dispatch")
class ClaimListView(FilterView):
    """/claims/: filters in the URL, keyset pages (newest/oldest), numbered pages (relevance)."""

    filterset_class = ClaimFilter
    template_name = "claims/claim_list.html"
    strict = True

    def get_queryset(self):
        return Claim.objects.public().for_list()

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        # Bound even without parameters, so the default sort applies to the first visit too.
        kwargs["data"] = self.request.GET
        return kwargs

    def get_context_data(self, **kwargs):
        filterset = self.filterset
        valid = filterset.is_valid()
        context = super().get_context_data(**kwargs)
        if not valid:
            context.update(page=ListPage(rows=[]), count=ResultCount(0), errors=True)
        else:
            sort = filterset.sort_value
            queryset = self.object_list
            parsed = filterset.parsed_query
            params = self.request.GET
            if parsed:
                page, count = search_page(queryset, params, sort=sort, parsed=parsed)
            else:
                page = keyset_page(queryset, params, descending=sort != SORT_OLDEST)
                count = list_count(queryset)
            for claim in page.rows:
                claim.snippet = (
                    search.highlight(claim_words(claim.content, claim.kind), parsed)
                    if parsed
                    else None
                )
            context.update(page=page, count=count, errors=False)
        data = self.request.GET
        # The submitted values, as plain strings, to mark the selected options.
        selected = {name: data.get(name, "") for name in filterset.form.fields}
        context.update(
            selected=selected,
            object_list=None,  # the page's rows are page.rows
            options=filter_choices(selected),
            sort_choices=SORT_CHOICES,
            sort_value=filterset.sort_value if valid else "newest",
        )
        return context


def filter_choices(selected: dict) -> dict:
    """The filter selects' <option>s, built here: 500 speakers through the template's for/if
    tags cost more than the rest of the page. One small query each."""
    lists = {
        # query: only speakers with public claims (the others' names are not public)
        "speaker": speakers_with_public_claims().order_by("name").values_list("slug", "name"),
        "tag": Tag.objects.order_by("name").values_list("slug", "name"),  # query
        "topic": Topic.objects.order_by("title").values_list("slug", "title"),  # query
        # query: only outlets with public claims (an import's new outlet is named nowhere yet)
        "outlet": outlets_with_public_claims().order_by("name").values_list("slug", "name"),
        "verdict": Verdict.choices,
        "kind": ClaimKind.choices,
    }
    return {name: options_html(pairs, selected.get(name, "")) for name, pairs in lists.items()}


def options_html(pairs, selected: str) -> SafeString:
    """<option>s for (value, label) pairs, escaped, the selected one marked."""
    parts = ['<option value="">Any</option>']
    for value, label in pairs:
        mark = " selected" if value == selected else ""
        parts.append(
            f'<option value="{conditional_escape(value)}"{mark}>'
            f"{conditional_escape(inert(label))}</option>"
        )
    return mark_safe("".join(parts))  # noqa: S308 -- values and labels escaped above


# --- Claim page --------------------------------------------------------------------------------


def _public_links(claim) -> tuple[list[ClaimLink], list[ClaimLink]]:
    """(links from the claim, links to it) whose other end is public, each with both claims and
    their speakers joined: one query for both directions."""
    fields = ("content", "kind", "sort_date", "speaker__name", "speaker__slug", "status")
    links = (
        ClaimLink.objects.filter(
            (Q(from_claim=claim) & public_claim_q("to_claim__"))
            | (Q(to_claim=claim) & public_claim_q("from_claim__"))
        )
        .select_related("from_claim__speaker", "to_claim__speaker")
        .only(
            "relation",
            *(f"{end}__{field}" for end in ("from_claim", "to_claim") for field in fields),
        )
        .order_by("id")
    )
    out, back = [], []
    for link in links:
        (out if link.from_claim_id == claim.pk else back).append(link)
    return out, back


@cached_page(scope=claim_scope)
def claim_detail(request, pk):
    claim = get_object_or_404(
        Claim.objects.public().for_detail().with_context(), pk=pk
    )  # query (+ tags): the paragraph comes cut from the body, never the whole body
    published = claim.status == ClaimStatus.PUBLISHED
    links_out, links_in = _public_links(claim)  # query: links both ways, public ends only
    stances = list(
        Stance.objects.filter(reviewed_stance_q("claim__"), claim=claim)
        .select_related("topic")
        .only("stance", "topic__title", "topic__slug")
    )  # query: the claim's stances with their topics
    related = []
    if claim.speaker_id and stances:
        topics = [stance.topic_id for stance in stances]
        # EXISTS, not a join + DISTINCT: the (speaker, sort_date, id) index yields the newest
        # claims in order and the scan stops at RELATED_MAX (8 ms -> 4 ms at 100k claims).
        on_same_topics = Exists(Stance.objects.filter(claim_id=OuterRef("pk"), topic_id__in=topics))
        related = list(
            Claim.objects.public()
            .for_list()
            .filter(on_same_topics, speaker_id=claim.speaker_id)
            .exclude(pk=claim.pk)
            .order_by("-sort_date", "-id")[:RELATED_MAX]
        )  # query: the speaker's other claims on the same topics (cards' joins)
    evidence = list(claim.evidence.all()) if published else []  # query (published only)
    corrections = list(claim.corrections.all()) if published else []  # query (published only)
    page_url = request.build_absolute_uri(claim.get_absolute_url())
    review = jsonld.claim_review(claim, url=page_url)
    return render(
        request,
        "claims/claim_detail.html",
        {
            "claim": claim,
            "published": published,
            "context_html": mark_context(claim),
            "links_out": links_out,
            "links_in": links_in,
            "stances": stances,
            "related": related,
            "evidence": evidence,
            "corrections": corrections,
            "page_url": page_url,
            "checked_by": checked_by(claim) if published else "",
            "jsonld": jsonld.ld_json_script(review) if review else "",
        },
    )


def methodology(request):
    """The review process (the editors' MethodologyText, else the built-in text) and the
    rating scale (enums.Verdict: its labels, meanings and the ratingValue ClaimReview
    carries). One query."""
    return render(
        request,
        "claims/methodology.html",
        {
            "prose": MethodologyText.objects.order_by("-pk").first(),
            "verdicts": list(Verdict),
            "best": VERDICT_BEST_RATING,
            "worst": VERDICT_WORST_RATING,
        },
    )


CORRECTIONS_PER_PAGE = 50


def corrections(request):
    """Every correction of a published verdict or rationale, newest first (2 queries: the
    count, the page with each claim and its speaker). Not cached: it is small and must be
    current the moment a correction is made."""
    paginator = Paginator(
        Correction.objects.filter(published_claim_q("claim__"))
        .select_related("claim__speaker")
        .order_by("-created", "-id"),
        CORRECTIONS_PER_PAGE,
    )
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "claims/corrections.html", {"page_obj": page})


def mark_context(claim) -> SafeString:
    """The claim's paragraph window (`Claim.objects.with_context()`) escaped, the claim's own
    span in <mark>, "… " where the window cuts a longer paragraph. Empty when there is none or
    the body no longer holds the claim at its offsets (an orphaned claim)."""
    text, at = getattr(claim, "context_text", None), getattr(claim, "context_from", None)
    if not text or at is None or claim.orphaned:
        return SafeString("")
    a, b = claim.start - at, claim.end - at
    if text[a:b] != claim.content:
        return SafeString("")
    cut_before = at > claim.context_start
    cut_after = at + len(text) < claim.context_end
    return format_html(
        "{}{}<mark>{}</mark>{}{}",
        "… " if cut_before else "",
        inert(text[:a]),
        inert(text[a:b]),
        inert(text[b:]),
        " …" if cut_after else "",
    )


# --- Speakers ----------------------------------------------------------------------------------


@cached_page(params=("page",), scope=lists_scope)
def speaker_list(request):
    speakers = (
        Speaker.objects.annotate(public_claims=Count("claims", filter=public_claim_q("claims__")))
        .filter(public_claims__gt=0)
        .only("name", "slug", "role", "affiliation", "kind")
        .order_by("name", "id")
    )
    paginator = Paginator(speakers, 100)
    page = paginator.get_page(request.GET.get("page"))  # queries: count, then the page
    return render(request, "claims/speaker_list.html", {"page": page})


@dataclass(frozen=True, slots=True)
class SpeakerTopic:
    """A speaker's newest stances on one topic, and how many they have taken on it."""

    topic: Topic
    stances: list
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.stances)


@cached_page(scope=speaker_scope)
def speaker_detail(request, slug):
    speaker = Speaker.objects.select_related("affiliated_with").filter(slug=slug).first()  # query
    if speaker is None:
        # A slug the speaker had before a rename: 301 to the current page.
        old = get_object_or_404(SpeakerSlug.objects.select_related("speaker"), slug=slug)
        return redirect(old.speaker.get_absolute_url(), permanent=True)
    claims = Claim.objects.public().for_list().filter(speaker=speaker)
    recent = list(claims.order_by("-sort_date", "-id")[:SPEAKER_PAGE_CLAIMS])  # query
    if not recent:
        # No public claims: the page would only confirm the name is in the database (a
        # speaker found in an unpublished or dismissed claim). Same answer as no speaker.
        raise Http404("No speaker with public claims here.")
    total = capped_count(claims)  # query
    scorecard = dict(
        Claim.objects.published()
        .filter(speaker=speaker)
        .order_by()
        .values_list("verdict")
        .annotate(n=Count("pk"))
    )  # query: published verdicts counted by verdict
    stances = (
        Stance.objects.filter(claim__speaker=speaker)
        .filter(reviewed_stance_q("claim__"))
        .select_related("topic", "claim")
        .only(
            "stance",
            "topic__title",
            "topic__slug",
            "claim__content",
            "claim__kind",
            "claim__speaker_id",
            "claim__sort_date",
            "claim__status",
        )
        .annotate(
            # Per topic: the stance's rank by recency and the topic's total, so one query
            # returns the newest few stances of every topic and how many there are in all.
            recency=Window(
                RowNumber(),
                partition_by=[F("topic_id")],
                order_by=[F("claim__sort_date").desc(), F("claim_id").desc()],
            ),
            topic_total=Window(Count("pk"), partition_by=[F("topic_id")]),
        )
        .filter(recency__lte=SPEAKER_TOPIC_STANCES)
        .order_by("topic__title", "topic_id", "-claim__sort_date", "-claim_id")
    )[:SPEAKER_STANCES_MAX]  # query: each topic's newest stances, with their topic and claim
    by_topic = defaultdict(list)
    for stance in stances:
        stance.claim.speaker = speaker  # the claim-words partial names the speaker: no query
        by_topic[stance.topic].append(stance)
    topics = [
        SpeakerTopic(topic=topic, stances=rows, total=rows[0].topic_total)
        for topic, rows in by_topic.items()
    ]
    return render(
        request,
        "claims/speaker_detail.html",
        {
            "speaker": speaker,
            "claims": recent,
            "total": total,
            "scorecard": [(Verdict(v), scorecard[v]) for v in Verdict.values if v in scorecard],
            "topics": topics,
        },
    )


# --- Articles ----------------------------------------------------------------------------------


ARTICLES_PER_PAGE = 50


def favicon(request):
    """/favicon.ico, which browsers ask for whatever the page links: the static icon (resolved
    per request: the hashed name exists only once collectstatic has run)."""
    return redirect(static("claims/favicon.svg"), permanent=True)


@cached_page(params=("page",), scope=lists_scope)
def article_list(request):
    """Articles with public claims, newest first (2 queries: the count, the page with outlets).
    Cached like the other lists: an article enters it when a claim of it is published."""
    paginator = Paginator(
        articles_with_public_claims()
        .select_related("outlet")
        .only("headline", "slug", "published", "outlet__name")
        .order_by(F("published").desc(nulls_last=True), "-id"),
        ARTICLES_PER_PAGE,
    )
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "claims/article_list.html", {"page_obj": page})


# The article page's claim cards (and, by default, the excerpts quoting them) come a page at a
# time: an article with 4,000 claims took 2.9 s to render them all (issue 12).
ARTICLE_CLAIMS_PER_PAGE = 50


@cached_page(params=("page",), scope=article_scope)
def article_detail(request, slug):
    """The article: headline, outlet, date and the source link; its text as excerpts (the
    paragraphs holding this page's claims) or in full (per outlet or site); the claim cards a
    page at a time, in the order they appear. Four queries whatever the number of claims.

    An article with no claim readers may see answers 404, as a speaker with none does: its
    page would name an outlet (and authors, a headline, the text) known only from claims
    not published, and confirm the article is being checked."""
    # query: the article, with its outlet, if it has a public claim
    article = get_object_or_404(articles_with_public_claims().select_related("outlet"), slug=slug)
    public = Claim.objects.public().filter(article=article)
    paginator = Paginator(
        public.for_list().order_by("-in_headline", "start", "end", "id"), ARTICLE_CLAIMS_PER_PAGE
    )  # the headline's claims first, then the body's in the order they appear
    # queries: the count, then this page's claims (cards: speaker, article, outlet joined)
    page = paginator.get_page(request.GET.get("page"))
    claims = list(page.object_list)
    # Other outlets' articles are quoted, not reprinted: CLAIMDESK_ARTICLE_TEXT, unless the
    # article's outlet says otherwise (Outlet.article_text).
    full_text = (
        article.outlet.shows_full_text()
        if article.outlet is not None
        else settings.CLAIMDESK_ARTICLE_TEXT == "full"
    )
    body = article.body
    # A headline claim's offsets point into the headline: it is marked there, never in the body.
    in_body = [c for c in claims if not c.in_headline]
    shown = [(0, len(body))] if full_text else excerpt_ranges(body, in_body)
    marked = []
    if shown or len(in_body) < len(claims):
        # query: every public claim inside the text shown (offsets only), so a paragraph this
        # page quotes marks all its claims, those of the pages before and after too; and the
        # headline's claims
        inside = Q(in_headline=True)
        if shown:
            inside |= Q(in_headline=False, start__gte=shown[0][0], end__lte=shown[-1][1])
        marked = list(public.filter(inside).only("id", "start", "end", "in_headline"))
    marked_body = [c for c in marked if not c.in_headline]
    return render(
        request,
        "claims/article_detail.html",
        {
            "article": article,
            "claims": claims,
            "page_obj": page,
            "full_text": full_text,
            "headline_html": mark_claims(article.headline, [c for c in marked if c.in_headline]),
            "body_html": mark_claims(body, marked_body)
            if full_text
            else mark_excerpts(body, in_body, marked=marked_body),
        },
    )


# --- Topics ------------------------------------------------------------------------------------


@cached_page
def topic_list(request):
    topics = list(topics_with_positions())  # query: topics with stance counts
    return render(request, "claims/topic_list.html", {"topics": topics})


@cached_page
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)  # query
    # query: the topic's reviewed stances, oldest first (changes of position read forwards)
    rows = positions(topic_stances(topic))
    return render(
        request,
        "claims/topic_detail.html",
        {
            "topic": topic,
            "rows": rows,
            "columns": StanceChoice.choices,
            "any_changes": any(row.changes for row in rows),
        },
    )
