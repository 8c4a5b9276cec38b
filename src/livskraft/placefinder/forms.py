from django import forms
from django.utils.translation import gettext_lazy as _

from .criteria import DEFINITIONS

WEIGHTS = [(w, str(w)) for w in range(6)]
COMPARED = 4


class CalculatorForm(forms.Form):
    voksne = forms.IntegerField(label=_("Voksne i husstanden"), min_value=1, max_value=10,
                                initial=2, required=False)
    barn = forms.IntegerField(label=_("Barn i husstanden"), min_value=0, max_value=10,
                              initial=0, required=False)
    hjemmekontor = forms.BooleanField(label=_("Vi jobber hjemmefra / fjernarbeid"),
                                      required=False)
    eget_firma = forms.BooleanField(label=_("Vi driver eller vil starte egen bedrift"),
                                    required=False)

    def __init__(self, data, kommuner: list[tuple[str, str]]):
        super().__init__(data)
        self.fields["arbeidssted"] = forms.ChoiceField(
            label=_("Arbeidssted (kommune), hvis noen pendler"), choices=[("", "–"), *kommuner],
            required=False)
        for definition in DEFINITIONS:
            self.fields[f"w_{definition.key}"] = forms.TypedChoiceField(
                label=definition.label, choices=[("", _("forslag")), *WEIGHTS], coerce=int,
                required=False, empty_value=None)
        for number in range(1, COMPARED + 1):
            self.fields[f"k{number}"] = forms.ChoiceField(
                label=_("Kommune %(number)s") % {"number": number},
                choices=[("", "–"), *kommuner], required=False)

    def weight_fields(self):
        return [self[f"w_{d.key}"] for d in DEFINITIONS]

    def compare_fields(self):
        return [self[f"k{n}"] for n in range(1, COMPARED + 1)]

    def household_fields(self):
        return [self[name] for name in ("voksne", "barn", "hjemmekontor", "eget_firma",
                                        "arbeidssted")]
