"""The /methodology/ prose is editable by editors (issue 12); the rating scale stays Verdict's."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from claims.enums import Verdict
from claims.models import MethodologyText
from claims.services.methodology import save_methodology_text
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_methodology_shows_the_editors_text_escaped_in_paragraphs_above_the_scale(client):
    save_methodology_text(
        text=MethodologyText(
            body="We read every claim twice.\n\nA <b>second</b> editor signs off."
        ),
        user=make_user(role="Editor"),
    )

    html = client.get(reverse("claims:methodology")).content.decode()

    assert "<p>We read every claim twice.</p>" in html
    assert "<p>A &lt;b&gt;second&lt;/b&gt; editor signs off.</p>" in html
    assert "Claims are found in published articles" not in html  # the default is replaced
    assert html.index("We read every claim twice.") < html.index('id="scale-heading"')
    for verdict in Verdict:
        assert f'<tr id="verdict-{verdict.value}">' in html


def test_methodology_shows_the_built_in_text_until_an_editor_writes_one(client):
    html = client.get(reverse("claims:methodology")).content.decode()

    assert "Claims are found in published articles" in html


def test_save_methodology_text_is_for_editors_only():
    with pytest.raises(PermissionDenied):
        save_methodology_text(text=MethodologyText(body="Ours."), user=make_user(role="Reviewer"))

    assert not MethodologyText.objects.exists()


def test_save_methodology_text_keeps_one_row():
    editor = make_user(role="Editor")
    save_methodology_text(text=MethodologyText(body="First."), user=editor)
    save_methodology_text(text=MethodologyText(body="Second."), user=editor)

    assert list(MethodologyText.objects.values_list("body", "updated_by")) == [
        ("Second.", editor.pk)
    ]


def test_methodology_admin_is_for_editors_only(client):
    url = reverse("admin:claims_methodologytext_add")
    client.force_login(make_user(role="Reviewer"))
    assert client.get(url).status_code == 403
    assert "methodology" not in client.get(reverse("admin:index")).content.decode().lower()

    editor = make_user(role="Editor")
    client.force_login(editor)
    response = client.post(url, {"body": "Two editors read every verdict."})

    assert response.status_code == 302
    text = MethodologyText.objects.get()
    assert (text.body, text.updated_by) == ("Two editors read every verdict.", editor)
    assert (
        "Two editors read every verdict."
        in client.get(reverse("claims:methodology")).content.decode()
    )
