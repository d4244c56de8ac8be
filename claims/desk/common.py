"""Helpers shared by the desk's admin modules."""

from django.contrib import admin
from django.core.exceptions import BadRequest
from django.urls import reverse
from django.utils.html import format_html

from claims.html import visible

EXCERPT = 120


def shorten(text: str, length: int = EXCERPT) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def change_link(obj, text=None):
    url = reverse(f"admin:claims_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, visible(text if text is not None else obj))


def in_model_order(queryset):
    """`queryset` in its model's Meta.ordering, then by id. A query with an aggregate (GROUP
    BY) ignores Meta.ordering, and the admin's autocomplete pages what get_queryset returns,
    unordered then (the changelist sets its own order over this one)."""
    return queryset.order_by(*queryset.model._meta.ordering, "pk")


class RejectsNulMixin:
    """A NUL byte in a changelist parameter is a 400, not a database error.

    PostgreSQL refuses NUL in text (`?speaker__kind__exact=%00` was a 500); no filter, search or
    ordering value ever needs one.
    """

    def get_changelist_instance(self, request):
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                raise BadRequest("A filter parameter contains a NUL character.")
        return super().get_changelist_instance(request)


class DeskAdmin(RejectsNulMixin, admin.ModelAdmin):
    """The desk's plain ModelAdmin (no history pages)."""
