"""Verksted: a facilitator's workshop session that participants join with a short code.
Participants are anonymous: a random key in a cookie, nothing personal. Each tool's own
models live in its module under `tools/`."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on a screen


def new_join_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


def tool_choices() -> list[tuple[str, str]]:
    return registry.choices()


class Workshop(models.Model):
    """`active_tool` is the key of one of the tools in `tools.registry`."""

    title = models.CharField(max_length=200)
    municipality_code = models.CharField(max_length=4, blank=True)
    year_label = models.CharField(
        max_length=20, blank=True,
        help_text="F.eks. «År 1»; diamantene til samme kommune sammenlignes")
    active_tool = models.CharField(max_length=10, choices=tool_choices, default="priority")
    groups = models.CharField(max_length=300, blank=True,
                              help_text="Gruppenavn skilt med komma, for gruppearbeid")
    participants_add_factors = models.BooleanField(default=False)
    trust_round = models.PositiveSmallIntegerField(default=1)
    join_code = models.CharField(max_length=6, unique=True, default=new_join_code)
    results_hidden = models.BooleanField(default=True)
    locked = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    facilitators = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Facilitation")

    def __str__(self) -> str:
        return self.title

    def group_names(self) -> list[str]:
        return [g.strip() for g in self.groups.split(",") if g.strip()]


class Facilitation(models.Model):
    FACILITATOR, CO_FACILITATOR = "facilitator", "co_facilitator"
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE)
    role = models.CharField(max_length=14, choices=[(FACILITATOR, _("prosessleder")),
                                                    (CO_FACILITATOR, _("medhjelper"))])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "workshop"],
                                               name="one_facilitation_per_workshop")]


class Participant(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE,
                                 related_name="participants")
    key = models.UUIDField(default=uuid.uuid4, unique=True)
    group = models.CharField(max_length=60, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)


from .tools import registry  # noqa: E402  (also loads every tool's models)
