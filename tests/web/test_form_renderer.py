"""Django's widgets carry Designsystemet's `ds-input` class; hidden fields and lists do not."""

from django import forms


class Everything(forms.Form):
    name = forms.CharField(widget=forms.TextInput(attrs={"class": "wide"}))
    text = forms.CharField(widget=forms.Textarea)
    county = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])
    kind = forms.ChoiceField(choices=[("x", "X"), ("y", "Y")], widget=forms.RadioSelect)
    agree = forms.BooleanField()
    secret = forms.CharField(widget=forms.HiddenInput)


def test_each_visible_control_is_a_designsystemet_input():
    form = Everything()
    assert 'class="ds-input wide"' in str(form["name"])
    assert str(form["text"]).startswith('<textarea name="text" cols="40" rows="10" required id="id_text" class="ds-input">')
    assert str(form["county"]).startswith('<select name="county" id="id_county" class="ds-input"')
    radios = str(form["kind"])
    assert radios.count('class="ds-input"') == 2 and radios.startswith('<div id="id_kind">')
    assert str(form["agree"]) == '<input type="checkbox" name="agree" required id="id_agree" class="ds-input">'
    assert "ds-input" not in str(form["secret"])
