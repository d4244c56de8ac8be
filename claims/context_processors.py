from django.conf import settings


def claimdesk(request):
    """Site-wide template variables: the publisher's name and the visibility setting."""
    return {
        "CLAIMDESK_PUBLISHER_NAME": settings.CLAIMDESK_PUBLISHER_NAME,
        "CLAIMDESK_SHOW_UNREVIEWED": settings.CLAIMDESK_SHOW_UNREVIEWED,
    }
