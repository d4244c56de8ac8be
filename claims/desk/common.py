"""Helpers shared by the desk's admin modules."""

from django.contrib.admin import ActionLocation
from django.urls import reverse
from django.utils.html import format_html

from claims.templatetags.review_tags import visible

BOTH = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]
EXCERPT = 120


def shorten(text: str, length: int = EXCERPT) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def change_link(obj, text=None):
    url = reverse(f"admin:claims_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, visible(text if text is not None else obj))
