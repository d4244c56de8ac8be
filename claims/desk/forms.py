"""Admin forms for the review desk: the claim form with its optimistic lock, evidence, actions."""

from django import forms
from django.core.validators import URLValidator
from django.utils.html import format_html, format_html_join

from claims.enums import ClaimKind, ClaimStatus, LinkRelation, Verdict
from claims.models import Claim, ClaimEvidence, Speaker, Stance, Tag
from claims.services import review
from claims.services.review import changes_since

_url_validator = URLValidator(schemes=["http", "https"])


def validate_http_url(value: str) -> None:
    """Only web links: a `javascript:` or `data:` URL in evidence would run in a reader's browser."""
    if not value.lower().startswith(("http://", "https://")):
        raise forms.ValidationError("Only http:// and https:// links are accepted.", code="scheme")
    _url_validator(value)


class ClaimAdminForm(forms.ModelForm):
    """Carries the claim's `version`: a save from a stale page is refused with what changed.

    A "Save and <transition>" button posts `_transition`; the admin sets `transition` and
    `user` on a per-request subclass. The transition is checked against the typed values
    (and the evidence rows the inline will leave) before anything is saved, so a refusal is a
    form error that keeps everything typed and names what is missing.
    """

    transition: str | None = None
    user = None
    # Shown on published claims only (ClaimAdmin.get_fieldsets): a change to the verdict or
    # rationale of a published claim is a public correction (review.correct_claim).
    correction_note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Public. Required to change the verdict or rationale of a published claim: "
        "say what was corrected and why; readers see it with the date and the previous verdict.",
    )

    class Meta:
        model = Claim
        fields = [
            "article",
            "content",
            "start",
            "end",
            "speaker",
            "mention",
            "kind",
            "said_on",
            "summary",
            "assignee",
            "verdict",
            "rationale",
            "attribution_checked",
            "tags",
            "notes",
            "version",
        ]
        widgets = {
            "version": forms.HiddenInput,
            # Five lines (it is resizable) leave the tags and the buttons on the first screen.
            "rationale": forms.Textarea(attrs={"rows": 5}),
        }

    def clean(self):
        cleaned = super().clean()
        posted = cleaned.get("version")
        if self.instance.pk and posted is not None:
            current = Claim.objects.filter(pk=self.instance.pk).first()  # None: re-creating it
            if current is not None and current.version != posted:
                raise stale_error(current, posted)
        if self.transition and self.instance.pk:
            self._check_transition(cleaned)
        if self.corrects_published() and not (cleaned.get("correction_note") or "").strip():
            self.add_error(
                "correction_note",
                "This claim is published: changing its verdict or rationale is a public "
                "correction. Say what was corrected and why.",
            )
        if not self.instance.pk and not self.errors:
            self._check_text(cleaned)
        return cleaned

    def corrects_published(self) -> bool:
        """True when the form changes the verdict or rationale of a claim that stays published."""
        return bool(
            self.instance.pk
            and self.instance.status == ClaimStatus.PUBLISHED
            and not self.transition
            and {"verdict", "rationale"} & set(self.changed_data)
        )

    def _check_text(self, cleaned):
        """A claim entered by hand: the service's check, as form errors (nothing saved)."""
        probe = Claim(**{f: cleaned.get(f) for f in ("article", "content", "start", "end")})
        try:
            review.check_claim_text(probe)
        except forms.ValidationError as exc:
            for field, messages in exc.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)

    def _check_transition(self, cleaned):
        probe = Claim(pk=self.instance.pk, status=self.instance.status)
        for name in ("verdict", "rationale", "attribution_checked"):
            setattr(probe, name, cleaned.get(name, getattr(self.instance, name)))
        # Saving a new verdict stamps its setter (the two-person rule checks who that is).
        probe.reviewed_by_id = (
            self.user.pk if "verdict" in self.changed_data else self.instance.reviewed_by_id
        )
        try:
            review.check_transition(
                claim=probe,
                to_status=self.transition,
                user=self.user,
                evidence_count=posted_evidence_count(self.instance, self.data),
            )
        except review.TransitionError as exc:
            raise forms.ValidationError(exc.messages, code="transition") from exc


def posted_evidence_count(claim: Claim, data, prefix: str = "evidence") -> int:
    """How many evidence rows the claim will have once the posted inline is saved: the stored
    ones not marked for deletion, plus new rows with a URL (one query)."""
    kept = set(claim.evidence.values_list("pk", flat=True))
    try:
        total = min(int(data.get(f"{prefix}-TOTAL_FORMS", "0")), 1000)
    except ValueError:
        total = 0
    new = 0
    for i in range(total):
        pk, url = data.get(f"{prefix}-{i}-id", ""), data.get(f"{prefix}-{i}-url", "").strip()
        if data.get(f"{prefix}-{i}-DELETE"):
            kept.discard(int(pk) if pk.isdigit() else None)
        elif not pk and url:
            new += 1
    return len(kept) + new


def stale_error(current: Claim, opened_version: int) -> forms.ValidationError:
    """A form error naming each field someone else changed: what you opened vs what it is now."""
    changes = changes_since(current, opened_version)
    who = review.changed_by(current, opened_version)
    items = format_html_join(
        "",
        "<li>{}: you opened “{}”, it is now “{}”</li>",
        ((c.label, c.before, c.after) for c in changes),
    )
    return forms.ValidationError(
        format_html(
            "Someone else saved this claim while you had it open (your copy: version {}, now {}"
            ", saved by {}). Nothing was saved. Their changes:<ul>{}</ul>Reload the page to "
            "review them, then make your edits again.",
            opened_version,
            current.version,
            ", ".join(who) or "someone",
            items or format_html("<li>{}</li>", "none that differ from your copy"),
        ),
        code="stale",
    )


class EvidenceForm(forms.ModelForm):
    # A CharField, not a URLField: URLField would guess a scheme for "example.org/x" and
    # report a javascript: URL only as "not valid"; here the reason is said plainly.
    url = forms.CharField(
        max_length=2000,
        validators=[validate_http_url],
        widget=forms.URLInput,
        help_text="A source that backs the verdict (http or https only).",
    )

    class Meta:
        model = ClaimEvidence
        fields = ["url", "title", "note"]
        # One line tall in the row (resizable), so the stance row follows closely.
        widgets = {"note": forms.Textarea(attrs={"rows": 1, "cols": 40})}


class StanceForm(forms.ModelForm):
    class Meta:
        model = Stance
        fields = ["topic", "stance", "note"]
        # One line tall in the row; a longer note still keeps its line breaks.
        widgets = {"note": forms.Textarea(attrs={"rows": 1, "cols": 40})}


class AddTagForm(forms.Form):
    tag = forms.ModelChoiceField(queryset=Tag.objects.all(), help_text="Added to each claim.")


class MergeSpeakersForm(forms.Form):
    keep = forms.ModelChoiceField(
        queryset=Speaker.objects.none(),
        widget=forms.RadioSelect,
        help_text="The others are merged into this speaker; their claims and aliases move to it.",
    )

    def __init__(self, *args, speakers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = speakers


class LinkSimilarForm(forms.Form):
    """The "similar claims" panel's buttons post link_to=<claim id>:<repeats|paraphrases>."""

    RELATIONS = (LinkRelation.REPEATS, LinkRelation.PARAPHRASES)

    link_to = forms.CharField(max_length=40)

    def __init__(self, *args, claim: Claim, **kwargs):
        super().__init__(*args, **kwargs)
        self.claim = claim

    def clean_link_to(self) -> tuple[Claim, str]:
        pk, _, relation = self.cleaned_data["link_to"].partition(":")
        if relation not in self.RELATIONS:
            raise forms.ValidationError("Choose repeats or paraphrases.", code="relation")
        field = forms.ModelChoiceField(queryset=Claim.objects.exclude(pk=self.claim.pk))
        return field.clean(pk), relation


class MergeIntoForm(forms.Form):
    """Fold `merge` into the speaker whose page this is; `confirm` once the preview was seen."""

    merge = forms.ModelChoiceField(queryset=Speaker.objects.none())
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, keep: Speaker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["merge"].queryset = Speaker.objects.exclude(pk=keep.pk)


class NotAClaimForm(forms.Form):
    not_a_claim_reason = forms.CharField(
        max_length=300,
        label="why it is not a claim",
        help_text="E.g. a question, a truncated span, no statement.",
    )


class SpanForm(forms.Form):
    """A span selected in the article text (the page's script fills it; typing works too)."""

    span_target = forms.ChoiceField(choices=[("content", "claim"), ("mention", "speaker mention")])
    span_start = forms.IntegerField(min_value=0)
    span_end = forms.IntegerField(min_value=1)
    span_text = forms.CharField(required=False, strip=False, max_length=20000)


class MissedClaimForm(forms.Form):
    """A claim the extractor missed: a span selected in the article text, its speaker, kind."""

    span_start = forms.IntegerField(min_value=0)
    span_end = forms.IntegerField(min_value=1)
    span_text = forms.CharField(required=False, strip=False, max_length=20000)
    speaker_name = forms.CharField(required=False, max_length=300)
    kind = forms.ChoiceField(choices=ClaimKind.choices, initial=ClaimKind.INDIRECT)


class CorrectionForm(forms.Form):
    """A public correction of a published claim (ClaimCorrections.correct_view): the new
    verdict and/or rationale and the note readers see. `version` is the claim's when the form
    was opened: a save from a stale page is refused with what changed, as on the change page.
    `save()` calls the one correction service, review.correct_claim."""

    verdict = forms.ChoiceField(choices=Verdict.choices)
    rationale = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), required=False)
    note = forms.CharField(
        label="Public correction note",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="Required and public: readers see “Corrected on <date>: <note>” with the "
        "previous verdict. Say what was corrected and why.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, claim: Claim, user, *args, **kwargs):
        kwargs.setdefault(
            "initial",
            {"verdict": claim.verdict, "rationale": claim.rationale, "version": claim.version},
        )
        super().__init__(*args, **kwargs)
        self.claim, self.user = claim, user

    def clean(self):
        cleaned = super().clean()
        posted = cleaned.get("version")
        current = Claim.objects.filter(pk=self.claim.pk).first()
        if posted is not None and current is not None and current.version != posted:
            raise stale_error(current, posted)
        return cleaned

    def save(self):
        """The Correction written (ValidationError from the service: no note, nothing changed,
        no longer published; PermissionDenied: not an editor)."""
        data = self.cleaned_data
        return review.correct_claim(
            self.claim,
            self.user,
            verdict=data["verdict"],
            rationale=data["rationale"],
            note=data["note"],
        )
