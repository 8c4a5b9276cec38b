from django import forms
from django.utils.translation import gettext_lazy as _


class WorkshopForm(forms.Form):
    title = forms.CharField(label=_("Navn på verkstedet"), max_length=200)
    municipality_code = forms.CharField(label=_("Kommunenummer (valgfritt)"), max_length=4,
                                        required=False)


class FactorForm(forms.Form):
    text = forms.CharField(label=_("Ny faktor eller tiltak"), max_length=200)


class JoinForm(forms.Form):
    code = forms.CharField(label=_("Kode fra storskjermen"), max_length=6)
