"""Template helpers for the public pages: query strings that keep filters, safe links."""

from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html

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


# Characters that reorder or hide text: bidirectional overrides and isolates, zero-width
# characters. Untrusted text (article bodies, claims, names) is shown without them so it
# cannot spoof what surrounds it ("evil\u202egnp.exe") or hide words from a reader.
_INVISIBLE = dict.fromkeys(
    [
        *range(0x202A, 0x202F),  # LRE RLE PDF LRO RLO
        *range(0x2066, 0x206A),  # LRI RLI FSI PDI
        0x200B,  # zero width space
        0x200C,  # zero width non-joiner
        0x200D,  # zero width joiner
        0x200E,  # LRM
        0x200F,  # RLM
        0x2060,  # word joiner
        0xFEFF,  # zero width no-break space (BOM)
        # C0 controls other than tab, newline and carriage return: invisible in HTML and not
        # allowed in XML 1.0 (a feed containing one cannot be written at all).
        *range(0x00, 0x09),
        0x0B,
        0x0C,
        *range(0x0E, 0x20),
    ]
)


@register.filter
def inert(text) -> str:
    """`text` without bidi overrides and zero-width characters (still escaped by the template)."""
    if text is None:
        return ""
    return str(text).translate(_INVISIBLE)
