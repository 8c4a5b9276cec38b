"""What the visitor chooses, read from the link (GET) and checked. The long kommune lists
are rendered once per data version (`options.py`), not through Django's widgets."""

from django import forms
from django.utils.translation import gettext_lazy as _

from livskraft.profiles.search import fold

from .criteria import DEFINITIONS

WEIGHTS = [(w, str(w)) for w in range(6)]
COMPARED = 4
CENTRALITY_CLASSES = [(c, str(c)) for c in range(1, 7)]


class CalculatorForm(forms.Form):
    voksne = forms.IntegerField(label=_("Voksne i husstanden"), min_value=1, max_value=10,
                                initial=2, required=False)
    barn = forms.IntegerField(label=_("Barn i husstanden"), min_value=0, max_value=10,
                              initial=0, required=False)
    hjemmekontor = forms.BooleanField(label=_("Vi jobber hjemmefra / fjernarbeid"),
                                      required=False)
    eget_firma = forms.BooleanField(label=_("Vi driver eller vil starte egen bedrift"),
                                    required=False)
    maks_reisetid = forms.IntegerField(label=_("Høyst så mange minutter til regionsenteret"),
                                       min_value=0, max_value=600, required=False)
    sentralitet = forms.TypedMultipleChoiceField(
        label=_("Sentralitetsklasse (1 = mest sentral, 6 = minst sentral)"),
        choices=CENTRALITY_CLASSES, coerce=int, required=False)
    samme_region = forms.BooleanField(
        label=_("Bare kommuner i arbeidsstedets bo- og arbeidsmarkedsregion"), required=False)
    distrikt = forms.BooleanField(label=_("Vis fordelene ved distriktene"), required=False)
    side = forms.IntegerField(min_value=1, max_value=100, required=False)

    def __init__(self, data, kommuner: dict[str, str], counties: frozenset[str]):
        super().__init__(data)
        self.fields["arbeidssted"] = Kommune(
            kommuner, label=_("Arbeidssted (kommune), hvis noen pendler"))
        self.fields["fylke"] = OneOf(counties, label=_("Fylke"))
        for definition in DEFINITIONS:
            self.fields[f"w_{definition.key}"] = forms.IntegerField(
                label=definition.label, min_value=0, max_value=5, required=False)
        for number in range(1, COMPARED + 1):
            self.fields[f"k{number}"] = Kommune(
                kommuner, label=_("Kommune %(number)s") % {"number": number})


class OneOf(forms.CharField):
    """A code from a known set (checked in a set, not through a 357-item choice list)."""

    def __init__(self, known: frozenset[str], **kwargs):
        super().__init__(required=False, max_length=4, **kwargs)
        self.known = known

    def validate(self, value):
        super().validate(value)
        if value and value not in self.known:
            raise forms.ValidationError(_("Velg en kommune eller et fylke fra listen."),
                                        code="invalid_choice")


class Kommune(forms.CharField):
    """A kommune by its name as typed (case and accents folded, the county in brackets where
    two share a name) or by its code; cleaned to the code."""

    def __init__(self, by_name: dict[str, str], **kwargs):
        super().__init__(required=False, max_length=80, **kwargs)
        self.by_name = by_name

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return ""
        code = self.by_name.get(text) or self.by_name.get(fold(text))
        if code is None:
            raise forms.ValidationError(
                _("Finner ingen kommune som heter «%(name)s». Velg en fra listen."),
                code="unknown_kommune", params={"name": text[:80]})
        return code
