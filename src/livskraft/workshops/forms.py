from django import forms
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from livskraft.places.models import Municipality
from livskraft.web.collation import norwegian


def municipality_choices() -> list[tuple[str, str]]:
    """The kommuner of the newest border vintage in `places`, by name."""
    newest = Municipality.objects.aggregate(newest=Max("vintage"))["newest"]
    return [("", _("(ingen kommune valgt)"))] + [
        (m.code, f"{m.name} ({m.code})")
        for m in Municipality.objects.filter(vintage=newest).order_by(norwegian("name"))]


class WorkshopForm(forms.Form):
    title = forms.CharField(label=_("Navn på verkstedet"), max_length=200)
    municipality_code = forms.ChoiceField(label=_("Kommune (valgfritt)"),
                                          choices=municipality_choices, required=False)
    year_label = forms.CharField(label=_("Runde (f.eks. «År 1»)"), max_length=20,
                                 required=False)


class FactorForm(forms.Form):
    text = forms.CharField(label=_("Ny faktor eller tiltak"), max_length=200)


class JoinForm(forms.Form):
    code = forms.CharField(label=_("Kode fra storskjermen"), max_length=6)
