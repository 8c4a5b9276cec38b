from django import forms
from django.utils.translation import gettext_lazy as _

from livskraft.places.models import Municipality

from . import attachments
from .models import Consultation, Submission


def kommune_choices() -> list[tuple[str, str]]:
    newest = Municipality.objects.order_by("-vintage").values_list("vintage", flat=True).first()
    rows = Municipality.objects.filter(vintage=newest).order_by("name")
    return [("", "–")] + [(m.code, m.name) for m in rows]


class SubmissionForm(forms.Form):
    respondent_type = forms.ChoiceField(label=_("Jeg svarer som"), widget=forms.RadioSelect,
                                        choices=Submission.RESPONDENT_TYPES)
    name = forms.CharField(label=_("Navn (valgfritt for privatpersoner)"), max_length=200,
                           required=False)
    organisation = forms.CharField(label=_("Lokallag eller organisasjon"), max_length=200,
                                   required=False)
    email = forms.EmailField(label=_("E-post for kvittering og lenke til å endre (valgfritt)"),
                             required=False)
    municipality_code = forms.ChoiceField(label=_("Kommune"))
    attachment = forms.FileField(label=_("Vedlegg (PDF eller DOCX, valgfritt)"), required=False)
    website = forms.CharField(required=False, label=_("La dette feltet stå tomt"))

    def __init__(self, consultation: Consultation, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality_code"].choices = kommune_choices()
        self.themes = []
        for theme in consultation.themes.prefetch_related("questions"):
            names = []
            for question in theme.questions.all():
                name = f"q_{question.id}"
                self.fields[name] = forms.CharField(label=question.text, required=False,
                                                    widget=forms.Textarea(attrs={"rows": 4}),
                                                    max_length=10_000)
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
        if data.get("respondent_type") in (Submission.BRANCH, Submission.ORGANISATION) and not \
                data.get("organisation"):
            self.add_error("organisation", _("Skriv navnet på laget eller organisasjonen."))
        if not any(data.get(name, "").strip() for _, names in self.themes for name in names):
            raise forms.ValidationError(_("Svar på minst ett spørsmål."))
        return data

    def respondent(self) -> dict:
        return {k: self.cleaned_data[k] for k in ("respondent_type", "name", "organisation",
                                                  "email", "municipality_code")}

    def answers(self) -> dict[int, str]:
        return {int(name[2:]): self.cleaned_data.get(name, "")
                for _, names in self.themes for name in names}


class StatementForm(forms.Form):
    text = forms.CharField(label=_("Ny påstand"), max_length=300,
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Begrunnelse"), max_length=300)
