from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from claims.desk.quality import extraction_quality_view

admin.site.site_header = "Claimdesk review desk"
admin.site.site_title = "Claimdesk"
admin.site.index_title = "Review desk"

urlpatterns = [
    # Inside the admin's address space, before it (the admin would answer 404).
    path(
        f"{settings.CLAIMDESK_ADMIN_PATH}claims/extraction-quality/",
        admin.site.admin_view(extraction_quality_view),
        name="claims-extraction-quality",
    ),
    path(settings.CLAIMDESK_ADMIN_PATH, admin.site.urls),
    path("", include("claims.public.urls")),
]
