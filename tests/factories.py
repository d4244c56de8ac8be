"""Plain data builders for tests: make_<model>(**overrides) returns a saved instance."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from claims.enums import ClaimKind, ClaimStatus
from claims.models import (
    Article,
    Claim,
    ClaimEvidence,
    ClaimLink,
    Outlet,
    Speaker,
    SpeakerAlias,
    Stance,
    Tag,
    Topic,
)

_seq = itertools.count(1)

DEFAULT_BODY = (
    "Secretary of State Antony J. Blinken said the United States saw “zero evidence” "
    "that Russia was ready for talks.\n\n“We will keep helping,” he said."
)


def make_user(
    *,
    username=None,
    role=None,
    password="correct horse battery",
    **fields,
):
    """A staff user; role is "Reviewer" or "Editor" (the groups migration 0002 creates)."""
    user = get_user_model().objects.create_user(
        username=username or f"user{next(_seq)}", password=password, is_staff=True, **fields
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def make_outlet(**overrides):
    n = next(_seq)
    fields = {"name": f"Outlet {n}", "homepage": f"https://outlet{n}.example"}
    fields.update(overrides)
    return Outlet.objects.create(**fields)


def make_article(**overrides):
    n = next(_seq)
    fields = {"headline": f"Headline {n}", "body": f"{DEFAULT_BODY} ({n})"}
    fields.update(overrides)
    return Article.objects.create(**fields)


def make_speaker(**overrides):
    fields = {"name": f"Speaker {next(_seq)}"}
    fields.update(overrides)
    return Speaker.objects.create(**fields)


def make_alias(speaker, alias):
    return SpeakerAlias.objects.create(speaker=speaker, alias=alias)


def make_claim(**overrides):
    """A claim on its own article whose content is the body's first 40 characters."""
    article = overrides.pop("article", None) or make_article()
    start = overrides.pop("start", 0)
    end = overrides.pop("end", None)
    if end is None:
        end = start + len(overrides.get("content", article.body[start : start + 40]))
    fields = {
        "article": article,
        "start": start,
        "end": end,
        "content": article.body[start:end],
        "kind": ClaimKind.INDIRECT,
        "status": ClaimStatus.NEW,
    }
    fields.update(overrides)
    return Claim.objects.create(**fields)


def make_tag(**overrides):
    fields = {"name": f"Tag {next(_seq)}"}
    fields.update(overrides)
    return Tag.objects.create(**fields)


def make_topic(**overrides):
    fields = {"title": f"Topic {next(_seq)}", "question": "Should it happen?"}
    fields.update(overrides)
    return Topic.objects.create(**fields)


def make_stance(claim, topic, stance="supports", **overrides):
    return Stance.objects.create(claim=claim, topic=topic, stance=stance, **overrides)


def make_link(from_claim, to_claim, relation="repeats", **overrides):
    return ClaimLink.objects.create(
        from_claim=from_claim, to_claim=to_claim, relation=relation, **overrides
    )


def make_evidence(claim, **overrides):
    fields = {"url": f"https://evidence.example/{next(_seq)}", "title": "A source"}
    fields.update(overrides)
    return ClaimEvidence.objects.create(claim=claim, **fields)


def make_published_claim(**overrides):
    """A published claim with a verdict and rationale (what public pages show in full)."""
    from django.utils import timezone

    fields = {
        "status": ClaimStatus.PUBLISHED,
        "verdict": "false",
        "rationale": "The record shows otherwise.",
        "published_at": timezone.now(),
    }
    fields.update(overrides)
    return make_claim(**fields)


def make_record(**overrides):
    """An ArticleRecord (claims.importers) as a reader would return it; not saved."""
    from claims.importers import ArticleRecord

    n = next(_seq)
    fields = {"headline": f"Imported headline {n}", "body": DEFAULT_BODY + f" ({n})"}
    fields.update(overrides)
    return ArticleRecord(**fields)


def ensure_roles():
    """Recreate the Reviewer and Editor groups (migration 0002's lists) if a transactional
    test's flush removed them; permissions themselves come back with the flush's post_migrate."""
    import importlib

    from django.contrib.auth.models import Permission

    roles = importlib.import_module("claims.migrations.0002_search_indexes_and_roles")
    tags = importlib.import_module("claims.migrations.0010_reviewers_create_tags")
    tenure = importlib.import_module("claims.migrations.0020_roleholding")
    perms = Permission.objects.filter(content_type__app_label="claims")
    reviewer = (
        roles.REVIEWER_PERMISSIONS + tags.REVIEWER_EXTRA_PERMISSIONS + tenure.REVIEWER_PERMISSIONS
    )
    for name, codenames in [
        ("Reviewer", reviewer),
        ("Editor", reviewer + roles.EDITOR_EXTRA_PERMISSIONS + tenure.EDITOR_PERMISSIONS),
    ]:
        group, created = Group.objects.get_or_create(name=name)
        if created:
            group.permissions.set(perms.filter(codename__in=codenames))
