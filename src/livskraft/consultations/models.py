"""Høringer: a committee's consultation with themes, questions and a deadline; the
submissions (innspill) that answer it; invitations to the committee; and "Er du enig?" polls
whose statements visitors vote on."""

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
    contacts = models.JSONField(default=list, blank=True,
                                help_text='[{"role": "Leder av utvalget"}, …] – roller, ikke '
                                          'personlige e-postadresser')
    contact_email = models.EmailField(blank=True, help_text="Felles adresse for utvalget")
    mandate_url = models.URLField(blank=True)
    source = models.CharField(max_length=300, blank=True,
                              help_text="Kilden teksten er hentet fra (vises på siden)")

    def __str__(self) -> str:
        return self.title

    def is_open(self) -> bool:
        return self.published and timezone.now() < self.deadline

    def respondent_types(self) -> list["RespondentType"]:
        """This consultation's types of respondent, or the general three."""
        return list(self.custom_respondent_types.all()) or [
            RespondentType(key=key, label=str(label), names_organisation=key != "individual")
            for key, label in DEFAULT_RESPONDENT_TYPES]

    def poll(self) -> "Poll":
        """The consultation's "Er du enig?" poll, made on first use."""
        poll, _ = Poll.objects.get_or_create(consultation=self, defaults={
            "slug": f"horing-{self.slug}"[:50], "title": self.title,
            "organiser": self.organiser, "published": self.published})
        return poll


DEFAULT_RESPONDENT_TYPES = [("individual", _("Privatperson")), ("branch", _("Lokallag")),
                            ("organisation", _("Organisasjon"))]


class RespondentType(models.Model):
    """Who can answer, e.g. a party's own units: lokallag, fylkesparti, ungdomsorganisasjon."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="custom_respondent_types")
    key = models.SlugField(max_length=40)
    label = models.CharField(max_length=100)
    names_organisation = models.BooleanField(default=True,
                                             help_text="Innsenderen må skrive navnet på enheten")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["consultation", "key"],
                                               name="one_respondent_type_per_key")]

    def __str__(self) -> str:
        return self.label


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
    introduction = models.TextField(blank=True, help_text="Markdown")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    TEXT, SINGLE, MULTIPLE, SCALE = "text", "single", "multiple", "scale"
    KINDS = [(TEXT, _("fritekst")), (SINGLE, _("ett valg")), (MULTIPLE, _("flere valg")),
             (SCALE, _("skala 1–5"))]
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField()
    kind = models.CharField(max_length=10, choices=KINDS, default=TEXT)
    choices = models.JSONField(default=list, blank=True,
                               help_text="Svaralternativene for ett eller flere valg")
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
    INDIVIDUAL = "individual"

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="submissions")
    token = models.CharField(max_length=40, unique=True, default=new_token)
    respondent_type = models.CharField(max_length=40)
    name = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    municipality_code = models.CharField(max_length=4)
    attachment = models.FileField(upload_to="innspill/%Y/", blank=True)
    status = models.CharField(max_length=10, choices=STATUSES, default=PENDING)
    hidden_reason = models.CharField(max_length=300, blank=True)
    anonymised = models.BooleanField(default=False)
    for_meeting = models.BooleanField(default=False)
    present = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def respondent_type_label(self) -> str:
        labels = {t.key: t.label for t in self.consultation.respondent_types()}
        return str(labels.get(self.respondent_type, self.respondent_type))


class Answer(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["submission", "question"],
                                               name="one_answer_per_question")]


class Invitation(models.Model):
    """A request that the committee comes to a meeting ("Inviter utvalget")."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="invitations")
    organisation = models.CharField(max_length=200)
    place = models.CharField(max_length=200)
    date = models.DateField()
    topic = models.CharField(max_length=300)
    email = models.EmailField()
    message = models.TextField(blank=True)
    handled = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]


class Poll(models.Model):
    """"Er du enig?": one question or a series of statements, agree/disagree (and "vet ikke"
    where the owner wants it), with the owner's follow-up texts after a vote."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    organiser = models.CharField(max_length=200)
    introduction = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True,
                              help_text="Kilden påstandene er hentet fra (vises på siden)")
    allow_pass = models.BooleanField(default=True, help_text="Vis «vet ikke»")
    agree_title = models.CharField(max_length=200, blank=True,
                                   help_text="Vises etter «enig», f.eks. «Takk for din "
                                             "tilbakemelding!»")
    agree_text = models.CharField(max_length=300, blank=True)
    agree_more_label = models.CharField(max_length=100, blank=True)
    disagree_title = models.CharField(max_length=200, blank=True)
    disagree_text = models.CharField(max_length=300, blank=True)
    disagree_more_label = models.CharField(max_length=100, blank=True)
    more_url = models.URLField(blank=True, help_text="Lenke til andre måter å engasjere seg")
    newsletter = models.BooleanField(default=False, help_text="Tilby påmelding til nyhetsbrev")
    signup_thanks = models.CharField(max_length=300, blank=True,
                                     help_text="Vises når påmeldingen er bekreftet")
    embed_origins = models.CharField(
        max_length=500, blank=True,
        help_text="Nettsteder som kan bygge inn avstemningen, skilt med mellomrom "
                  "(https://eksempel.no). Tomt: alle.")
    visitor_statements = models.BooleanField(default=True,
                                             help_text="Besøkende kan foreslå påstander")
    published = models.BooleanField(default=False)
    consultation = models.OneToOneField(Consultation, null=True, blank=True,
                                        on_delete=models.CASCADE, related_name="statement_poll")
    owners = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True)
    votes_version = models.PositiveIntegerField(default=0, editable=False)

    def __str__(self) -> str:
        return self.title

    def is_open(self) -> bool:
        """A consultation's poll closes at the consultation's deadline."""
        return self.published and (self.consultation is None or self.consultation.is_open())


class Statement(models.Model):
    PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="statements")
    text = models.CharField(max_length=500)
    status = models.CharField(max_length=10, default=PENDING, choices=[
        (PENDING, _("venter")), (APPROVED, _("godkjent")), (REJECTED, _("avvist"))])
    by_committee = models.BooleanField(default=False,
                                       help_text="Eierens eget forslag (ikke fra en besøkende)")
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]


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


class Voter(models.Model):
    """Where a voter lives, if they say so: results by county and centrality."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="voters")
    voter = models.CharField(max_length=64)
    municipality_code = models.CharField(max_length=4)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "voter"],
                                               name="one_place_per_voter")]


class NewsletterSignup(models.Model):
    """Stored apart from the votes: nothing here links an address to how someone voted."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="signups")
    email = models.EmailField()
    consent_text = models.CharField(max_length=300)
    confirm_token = models.CharField(max_length=40, unique=True, default=new_token)
    unsubscribe_token = models.CharField(max_length=40, unique=True, default=new_token)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "email"],
                                               name="one_signup_per_address")]
