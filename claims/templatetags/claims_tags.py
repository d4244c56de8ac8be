"""Template helpers for the public pages: query strings that keep filters, safe links."""

from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html

from claims import html

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with `changes` applied (None or "" removes a key), for links
    that keep the reader's filters: pagination, sort."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value not in (None, ""):
            params[key] = value
    # A new position replaces the old one: never send both a page and a cursor.
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def canonical_link(context, obj):
    """<link rel="canonical"> to obj's page: one address for search engines and shared links
    whatever query string (tracking parameters, old filters) a visitor arrived with."""
    url = context["request"].build_absolute_uri(obj.get_absolute_url())
    return format_html('<link rel="canonical" href="{}">', url)


@register.filter
def is_web_url(url) -> bool:
    """True only for http(s) URLs: anything else (javascript:, data:) is shown, not linked."""
    try:
        return urlsplit(str(url or "").strip()).scheme.lower() in {"http", "https"}
    except ValueError:
        return False


@register.simple_tag
def external_link(url, text=None):
    """An <a> to `url` when it is http(s); otherwise the text alone, inert."""
    label = text or url
    if is_web_url(url):
        return format_html('<a href="{}" rel="nofollow noopener">{}</a>', url, label)
    return format_html("<span>{}</span>", label)


# Public pages show untrusted text without invisible characters (claims.html has the table).
register.filter("inert", html.inert)
inert = html.inert


@register.simple_tag(takes_context=True)
def claim_words(context, claim) -> str:
    """A claim's words for the claim-words partial (html.claim_words), shortened to the
    context's `limit` characters when the includer set one; escaped when autoescape is on."""
    limit = context.get("limit")
    return html.claim_words(claim.content, claim.kind, int(limit) if limit else None)
