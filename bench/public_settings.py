"""Bench-only settings: production settings, plus a URLconf with minimal reference views.

Loaded by gunicorn with bench/ on the Python path (bench/public_common.py starts it).
"""

from newsroom.settings import *  # noqa: F403
from newsroom.settings import STORAGES

ROOT_URLCONF = "public_urls"
# The benchmark never fetches static files; the manifest storage would need collectstatic.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
