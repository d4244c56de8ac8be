from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The review desk as an app of its own, so Django finds its templates
    (claims/desk/templates/admin/...) and template tags (claims/desk/templatetags/) beside its
    admin code. It has no models; claims/admin.py registers the desk's admin classes."""

    name = "claims.desk"
    label = "desk"
    verbose_name = "Review desk"
