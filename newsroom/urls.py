from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Claimdesk review desk"
admin.site.site_title = "Claimdesk"
admin.site.index_title = "Review desk"

urlpatterns = [
    path(settings.CLAIMDESK_ADMIN_PATH, admin.site.urls),
    path("", include("claims.urls")),
]
