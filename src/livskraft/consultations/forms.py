from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import attachments
from .geography import kommune_choices
from .models import Consultation, Invitation, Poll, Question

MAX_ANSWER = 10_000
SCALE = [(str(n), str(n)) for n in range(1, 6)]


def question_field(question: Question) -> forms.Field:
    """The form field for one question of its kind; every answer is stored as text."""
    label, options = question.text, [(c, c) for c in question.choices]
    if question.kind == Question.SINGLE:
        return forms.ChoiceField(label=label, choices=options, required=False,
                                 widget=forms.RadioSelect)
    if question.kind == Question.MULTIPLE:
        return forms.MultipleChoiceField(label=label, choices=options, required=False,
                                         widget=forms.CheckboxSelectMultiple)
    if question.kind == Question.SCALE:
        return forms.ChoiceField(label=label, choices=SCALE, required=False,
                                 widget=forms.RadioSelect,
                                 help_text=_("1 = helt uenig / svært lite, 5 = helt enig / "
                                             "svært mye"))
    return forms.CharField(label=label, required=False, max_length=MAX_ANSWER,
                           widget=forms.Textarea(attrs={"rows": 4}))


def as_text(value) -> str:
    if isinstance(value, list):
        return "\n".join(value)
    return (value or "").strip()


def from_text(question: Question, text: str):
    return text.split("\n") if question.kind == Question.MULTIPLE else text


class SubmissionForm(forms.Form):
    respondent_type = forms.ChoiceField(label=_("Jeg svarer som"), widget=forms.RadioSelect)
    name = forms.CharField(label=_("Navn (valgfritt for privatpersoner)"), max_length=200,
                           required=False)
    organisation = forms.CharField(label=_("Lokallag eller organisasjon"), max_length=200,
                                   required=False)
    for_meeting = forms.BooleanField(label=_("Svaret er vedtatt i et møte"), required=False)
    present = forms.IntegerField(label=_("Antall til stede på møtet"), required=False,
                                 min_value=1, max_value=100_000)
    email = forms.EmailField(label=_("E-post for kvittering og lenke til å endre (valgfritt)"),
                             required=False)
    municipality_code = forms.ChoiceField(label=_("Kommune"))
    attachment = forms.FileField(label=_("Vedlegg (PDF eller DOCX, valgfritt)"), required=False)
    website = forms.CharField(required=False, label=_("La dette feltet stå tomt"))

    def __init__(self, consultation: Consultation, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.types = consultation.respondent_types()
        self.fields["respondent_type"].choices = [(t.key, t.label) for t in self.types]
        self.fields["municipality_code"].choices = kommune_choices()
        self.themes = []
        for theme in consultation.themes.prefetch_related("questions"):
            names = []
            for question in theme.questions.all():
                name = f"q_{question.id}"
                self.fields[name] = question_field(question)
                names.append(name)
            self.themes.append((theme, names))

    def theme_fields(self):
        return [(theme, [self[name] for name in names]) for theme, names in self.themes]

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            attachments.check(upload)
        return upload

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("Innspillet ble ikke sendt."))
        chosen = next((t for t in self.types if t.key == data.get("respondent_type")), None)
        if chosen and chosen.names_organisation and not data.get("organisation"):
            self.add_error("organisation", _("Skriv navnet på laget eller organisasjonen."))
        if data.get("for_meeting") and not data.get("present"):
            self.add_error("present", _("Skriv hvor mange som var til stede på møtet."))
        if not data.get("for_meeting"):
            data["present"] = None
        if not any(as_text(data.get(name)) for _, names in self.themes for name in names):
            raise forms.ValidationError(_("Svar på minst ett spørsmål."))
        return data

    def respondent(self) -> dict:
        return {k: self.cleaned_data[k] for k in ("respondent_type", "name", "organisation",
                                                  "email", "municipality_code", "for_meeting",
                                                  "present")}

    def answers(self) -> dict[int, str]:
        return {int(name[2:]): as_text(self.cleaned_data.get(name))
                for _, names in self.themes for name in names}


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["organisation", "place", "date", "topic", "email", "message"]
        labels = {"organisation": _("Lag eller organisasjon"), "place": _("Sted"),
                  "date": _("Dato"), "topic": _("Tema for møtet"),
                  "email": _("E-post vi kan svare til"),
                  "message": _("Mer om møtet (valgfritt)")}
        widgets = {"date": forms.DateInput(attrs={"type": "date"}),
                   "message": forms.Textarea(attrs={"rows": 4})}

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("Datoen har vært. Velg en dag fram i tid."))
        return day


class StatementForm(forms.Form):
    text = forms.CharField(label=_("Ny påstand"), max_length=300,
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Begrunnelse"), max_length=300)


class PlaceForm(forms.Form):
    municipality_code = forms.ChoiceField(label=_("Hvor bor du? (valgfritt)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality_code"].choices = kommune_choices()


class NewsletterForm(forms.Form):
    email = forms.EmailField(label=_("E-post"))
    consent = forms.BooleanField(error_messages={"required": _(
        "Kryss av for at du vil ha nyhetsbrev; ellers melder vi deg ikke på.")})

    def __init__(self, poll: Poll, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.poll = poll
        self.fields["consent"].label = self.consent_text()

    def consent_text(self) -> str:
        return str(_("Ja, jeg vil ha nyhetsbrev fra %(who)s på e-post. Jeg kan melde meg av "
                     "når som helst. Adressen lagres ikke sammen med stemmene mine.")
                   % {"who": self.poll.organiser})
