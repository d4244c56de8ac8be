"""Bench-only URLs: the product's, plus the reference views the public pages are compared to.

- /bench/minimal/<pk>/: one primary-key lookup, a tiny template.
- /bench/bare-list/: the claim list's 50 rows (same joins, same keyset cursor), a minimal
  template, no COUNT, no filter form.
"""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

from claims.models import Claim
from claims.public.pagination import PAGE_SIZE, _after, parse_cursor

_django = engines["django"]
TINY = _django.from_string(
    "<!doctype html><html lang=en><title>Claim</title><p>{{ claim.content }}</p></html>"
)
BARE_LIST = _django.from_string(
    "<!doctype html><html lang=en><title>Claims</title><main>"
    '{% for c in rows %}<article><p><a href="{{ c.get_absolute_url }}">{{ c.content }}</a></p>'
    "<p>{{ c.speaker.name }} · {{ c.sort_date }} · {{ c.article.outlet.name }}</p></article>"
    "{% endfor %}</main></html>"
)


def minimal(request, pk):
    claim = Claim.objects.only("pk", "content").get(pk=pk)
    return HttpResponse(TINY.render({"claim": claim}))


def bare_list(request):
    rows = Claim.objects.public().for_list().order_by("-sort_date", "-id")
    cursor = parse_cursor(request.GET.get("after"))
    if cursor:
        rows = _after(rows, cursor, descending=True)
    return HttpResponse(BARE_LIST.render({"rows": list(rows[:PAGE_SIZE])}))


urlpatterns = [
    path("bench/minimal/<int:pk>/", minimal),
    path("bench/bare-list/", bare_list),
    path("", include("newsroom.urls")),
]
