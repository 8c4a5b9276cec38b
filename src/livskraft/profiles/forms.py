"""Choices of period and borders, checked against what is loaded."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livskraft.stats import frames
from livskraft.stats.models import PopulationTotal


def loaded_years() -> list[int]:
    return sorted(PopulationTotal.objects.values_list("year", flat=True).distinct())


class PeriodForm(forms.Form):
    start = forms.TypedChoiceField(label=gettext_lazy("Fra 1. januar"), coerce=int)
    end = forms.TypedChoiceField(label=gettext_lazy("Til 1. januar"), coerce=int)
    borders = forms.TypedChoiceField(label=gettext_lazy("Kommunegrenser per"), coerce=int)

    def __init__(self, data, default_span: int | None = None):
        years = loaded_years()
        choices = [(y, str(y)) for y in years]
        borders = frames.available_borders()
        newest = borders[-1] if borders else None
        initial = {}
        if years:
            first = years[0] if default_span is None else max(years[0], years[-1] - default_span)
            initial = {"start": first, "end": years[-1], "borders": newest}
        super().__init__({**initial, **{k: v for k, v in data.items() if v}})
        self.fields["start"].choices = choices
        self.fields["end"].choices = choices
        self.fields["borders"].choices = [(b, _("%(year)s-grenser") % {"year": b}) for b in borders]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is not None and end is not None and end <= start:
            raise forms.ValidationError(_("Sluttåret må være etter startåret."))
        return cleaned
