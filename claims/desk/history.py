"""History pages whose revert form is a write like any other.

django-simple-history's `history_form_view` saves on POST after checking only view permission,
so anyone who can see an object's history could rewrite it (or re-create it after an editor
deleted it). Here the revert form follows Django's own custom-view discipline (UserAdmin's
`user_change_password`): ids are parsed (junk is a 404), the object is fetched with
`get_object`, the permission is checked against today's row (change permission, or add
permission when the row was deleted) before any form is bound, the bound form is validated,
and the save goes through the admin's `save_model`, which calls the services.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from claims.desk.common import RejectsNulMixin
from claims.html import printable


class GuardedHistoryAdmin(RejectsNulMixin, SimpleHistoryAdmin):
    """SimpleHistoryAdmin whose revert form checks write permission and saves via save_model."""

    object_history_form_template = "simple_history/object_history_form.html"

    def reverted_label(self, obj) -> str:
        """How the revert message names `obj` (escaped by the message): its name in “…”."""
        return f"“{printable(obj)}”"

    def prepare_revert(self, request, obj, current):
        """Adjust the historical instance before the form is built (e.g. the claim's lock)."""
        return obj

    def may_revert(self, request, current) -> bool:
        """Change permission on today's row; add permission when it was deleted."""
        if current is None:
            return self.has_add_permission(request)
        return self.has_change_permission(request, current)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        request.current_app = self.admin_site.name
        opts = self.model._meta
        try:
            pk = opts.pk.to_python(unquote(object_id))
            history_id = int(version_id)
        except (ValueError, ValidationError) as exc:
            raise Http404("No such version.") from exc
        record = (
            self.model.history.filter(**{opts.pk.attname: pk, "history_id": history_id})
            .select_related(None)
            .first()
        )
        if record is None:
            raise Http404("No such version.")
        current = self.get_object(request, str(pk))
        shown = current if current is not None else record.instance
        if not self.has_view_or_change_permission(request, shown):
            raise PermissionDenied
        allowed = self.may_revert(request, current)
        if request.method == "POST" and not allowed:
            raise PermissionDenied
        obj = self.prepare_revert(request, record.instance, current)
        obj._state.adding = current is None
        change = current is not None
        # Which fields are editable is decided by today's row (a settled claim is read-only
        # for a reviewer whatever status the old version had); the values are the old ones.
        judged = current if current is not None else obj
        form_class = self.get_form(
            request, judged, change=change, **({} if allowed else {"fields": []})
        )
        if request.method == "POST":
            form = form_class(request.POST, request.FILES, instance=obj)
            if form.is_valid():
                try:
                    with transaction.atomic():
                        new_object = self.save_form(request, form, change=change)
                        self.save_model(request, new_object, form, change=change)
                        form.save_m2m()
                except ValidationError as exc:  # a refused transition, e.g. an incomplete claim
                    form.add_error(None, exc)
                except IntegrityError:
                    form.add_error(
                        None,
                        "This version cannot be restored: it clashes with another row "
                        "(a slug, URL or span taken since) or points at something deleted.",
                    )
                else:
                    message = self.construct_change_message(request, form, [], add=not change)
                    if change:
                        self.log_change(request, new_object, message)
                    else:
                        self.log_addition(request, new_object, message)
                    self.message_user(
                        request,
                        format_html(
                            "Reverted {} to the version of {}.",
                            self.reverted_label(new_object),
                            record.history_date.strftime("%Y-%m-%d %H:%M"),
                        ),
                        messages.SUCCESS,
                    )
                    return self._redirect_after_revert(new_object)
        else:
            form = form_class(instance=obj)
        return self._render_revert(request, form, obj, judged, record, allowed, extra_context)

    def _redirect_after_revert(self, obj):
        opts = self.model._meta
        prefix = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}"
        return HttpResponseRedirect(reverse(f"{prefix}_change", args=[obj.pk]))

    def _render_revert(self, request, form, obj, judged, record, allowed, extra_context):
        opts = self.model._meta
        fieldsets = self.get_fieldsets(request, judged)
        readonly = (
            self.get_readonly_fields(request, judged) if allowed else flatten_fieldsets(fieldsets)
        )
        admin_form = helpers.AdminForm(
            form,
            fieldsets,
            self.prepopulated_fields if allowed else {},
            readonly,
            model_admin=self,
        )
        prefix = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}"
        verb = "Revert" if allowed else "View"
        context = {
            **self.admin_site.each_context(request),
            "title": f"{verb} {printable(obj)}",
            "adminform": admin_form,
            "object_id": obj.pk,
            "original": obj,
            "is_popup": False,
            "media": self.media + admin_form.media,
            "errors": helpers.AdminErrorList(form, []),
            "app_label": opts.app_label,
            "original_opts": opts,
            "changelist_url": reverse(f"{prefix}_changelist"),
            "change_url": reverse(f"{prefix}_change", args=[obj.pk]),
            "history_url": reverse(f"{prefix}_history", args=[obj.pk]),
            "change_history": False,
            "revert_disabled": not allowed,
            "add": False,
            "change": True,
            "has_add_permission": self.has_add_permission(request),
            "has_view_permission": True,
            "has_change_permission": allowed,
            "has_delete_permission": False,
            "has_file_field": True,
            "has_absolute_url": False,
            "form_url": "",
            "opts": opts,
            "save_as": False,
            "save_on_top": self.save_on_top,
            "root_path": getattr(self.admin_site, "root_path", None),
            "history_record": record,
            **(extra_context or {}),
        }
        return render(request, self.object_history_form_template, context)
