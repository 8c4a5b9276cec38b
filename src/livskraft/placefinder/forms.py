"""What the visitor chooses, read from the link (GET) and checked. The long kommune lists
are rendered once per data version (`options.py`), not through Django's widgets."""

from django import forms
from django.utils.translation import gettext_lazy as _

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

    def __init__(self, data, kommuner: list[tuple[str, str]], counties: list[tuple[str, str]]):
        super().__init__(data)
        places = [("", "–"), *kommuner]
        self.fields["arbeidssted"] = forms.ChoiceField(
            label=_("Arbeidssted (kommune), hvis noen pendler"), choices=places, required=False)
        self.fields["fylke"] = forms.ChoiceField(label=_("Fylke"),
                                                 choices=[("", _("alle")), *counties],
                                                 required=False)
        for definition in DEFINITIONS:
            self.fields[f"w_{definition.key}"] = forms.TypedChoiceField(
                label=definition.label, choices=[("", _("forslag")), *WEIGHTS], coerce=int,
                required=False, empty_value=None)
        for number in range(1, COMPARED + 1):
            self.fields[f"k{number}"] = forms.ChoiceField(
                label=_("Kommune %(number)s") % {"number": number}, choices=places,
                required=False)
