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
    PRIORITY, DIAMOND, TRUST, TEN_STEPS = "priority", "diamond", "trust", "tensteps"
    TOOLS = [(PRIORITY, _("Prioriteringsverktøyet")), (DIAMOND, _("Kapasitetsdiamanten")),
             (TRUST, _("Dialog- og tillitssjekken")), (TEN_STEPS, _("10-punktsmodellen"))]

    title = models.CharField(max_length=200)
    municipality_code = models.CharField(max_length=4, blank=True)
    year_label = models.CharField(
        max_length=20, blank=True,
        help_text="F.eks. «År 1»; diamantene til samme kommune sammenlignes")
    active_tool = models.CharField(max_length=10, choices=TOOLS, default=PRIORITY)
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


class Factor(models.Model):
    """A factor or measure in the priority matrix."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="factors")
    text = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField(default=0)
    added_by_participant = models.BooleanField(default=False)

    class Meta:
        ordering = ["position", "id"]


class Placement(models.Model):
    """An agreed placement of a factor: by a group, or (group = "") by the plenum."""

    factor = models.ForeignKey(Factor, on_delete=models.CASCADE, related_name="placements")
    group = models.CharField(max_length=60, blank=True)
    importance = models.PositiveSmallIntegerField()
    influence = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["factor", "group"],
                                               name="one_placement_per_group")]


class DiamondScore(models.Model):
    """A participant's score (1–5) of one capacity component, with an optional reason."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                     related_name="diamond_scores")
    component = models.CharField(max_length=30)
    score = models.PositiveSmallIntegerField()
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "component"],
                                               name="one_diamond_score_per_component")]


class DiamondJoint(models.Model):
    """The score the group agreed for one component."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="diamond")
    component = models.CharField(max_length=30)
    score = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workshop", "component"],
                                               name="one_joint_score_per_component")]


class TrustAnswer(models.Model):
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                    related_name="trust_answers")
    round = models.PositiveSmallIntegerField()
    statement = models.CharField(max_length=30)
    value = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "round", "statement"],
                                               name="one_trust_answer_per_statement")]


class StepEntry(models.Model):
    """Notes and decisions for one step of the ten-step model."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="steps")
    step = models.PositiveSmallIntegerField()
    notes = models.TextField(blank=True)
    decisions = models.TextField(blank=True)
    done = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workshop", "step"],
                                               name="one_entry_per_step")]


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
