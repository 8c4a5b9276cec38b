"""Høringer: a committee's consultation with themes, questions and a deadline; the
submissions (innspill) that answer it; and statements that visitors vote on."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Consultation(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    organiser = models.CharField(max_length=200, help_text="Komiteen eller organet som spør")
    introduction = models.TextField()
    deadline = models.DateTimeField()
    published = models.BooleanField(default=False)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Membership")

    def __str__(self) -> str:
        return self.title

    def is_open(self) -> bool:
        return self.published and timezone.now() < self.deadline


class Membership(models.Model):
    """Who runs a consultation: owners edit it, moderators moderate and analyse."""

    OWNER, MODERATOR = "owner", "moderator"
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE)
    role = models.CharField(max_length=10, choices=[(OWNER, "eier"), (MODERATOR, "moderator")])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "consultation"],
                                               name="one_role_per_consultation")]


class Theme(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="themes")
    title = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text[:80]


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Submission(models.Model):
    PENDING, PUBLISHED, HIDDEN = "pending", "published", "hidden"
    STATUSES = [(PENDING, _("venter")), (PUBLISHED, _("publisert")), (HIDDEN, _("skjult"))]
    INDIVIDUAL, BRANCH, ORGANISATION = "individual", "branch", "organisation"
    RESPONDENT_TYPES = [(INDIVIDUAL, _("Privatperson")), (BRANCH, _("Lokallag")),
                        (ORGANISATION, _("Organisasjon"))]

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="submissions")
    token = models.CharField(max_length=40, unique=True, default=new_token)
    respondent_type = models.CharField(max_length=12, choices=RESPONDENT_TYPES)
    name = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    municipality_code = models.CharField(max_length=4)
    attachment = models.FileField(upload_to="innspill/%Y/", blank=True)
    status = models.CharField(max_length=10, choices=STATUSES, default=PENDING)
    hidden_reason = models.CharField(max_length=300, blank=True)
    anonymised = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]


class Answer(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["submission", "question"],
                                               name="one_answer_per_question")]


class Statement(models.Model):
    PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="statements")
    text = models.CharField(max_length=300)
    status = models.CharField(max_length=10, default=PENDING, choices=[
        (PENDING, "venter"), (APPROVED, "godkjent"), (REJECTED, "avvist")])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class Vote(models.Model):
    """One vote per statement and voter; `voter` is a keyed hash of the browser session."""

    AGREE, DISAGREE, PASS = 1, -1, 0
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    voter = models.CharField(max_length=64)
    value = models.SmallIntegerField(choices=[(AGREE, "enig"), (DISAGREE, "uenig"),
                                              (PASS, "vet ikke")])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["statement", "voter"],
                                               name="one_vote_per_statement")]
