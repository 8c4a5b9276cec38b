"""Verksted: a facilitator's workshop session that participants join with a short code.
Participants are anonymous: a random key in a cookie, nothing personal."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on a screen


def new_join_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


class Workshop(models.Model):
    title = models.CharField(max_length=200)
    municipality_code = models.CharField(max_length=4, blank=True)
    join_code = models.CharField(max_length=6, unique=True, default=new_join_code)
    results_hidden = models.BooleanField(default=True)
    locked = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    facilitators = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Facilitation")

    def __str__(self) -> str:
        return self.title


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
    joined_at = models.DateTimeField(auto_now_add=True)


class Factor(models.Model):
    """A factor or measure in the priority matrix."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="factors")
    text = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]


class PriorityScore(models.Model):
    """One participant's importance and local influence (1–5) for one factor."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                    related_name="scores")
    factor = models.ForeignKey(Factor, on_delete=models.CASCADE, related_name="scores")
    importance = models.PositiveSmallIntegerField()
    influence = models.PositiveSmallIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "factor"],
                                    name="one_score_per_participant_and_factor"),
            models.CheckConstraint(condition=models.Q(importance__gte=1, importance__lte=5,
                                                      influence__gte=1, influence__lte=5),
                                   name="scores_between_1_and_5"),
        ]
