"""Django's form widgets rendered with Designsystemet's input class (`ds-input`)."""

from django.forms.renderers import DjangoTemplates

UNSTYLED_INPUTS = {"hidden", "file"}


def _with_input_class(attrs: dict) -> None:
    classes = attrs.get("class", "").split()
    if "ds-input" not in classes:
        attrs["class"] = " ".join(["ds-input", *classes])


class DesignsystemetRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if (not template_name.startswith("django/forms/widgets/") or not widget
                or widget.get("type") in UNSTYLED_INPUTS):
            return super().render(template_name, context, request)
        boxes = [option for _group, options, _index in widget.get("optgroups", ())
                 for option in options if option.get("type") in ("radio", "checkbox")]
        # A list of radio buttons or check boxes: each box is the input, not the list.
        for option in boxes:
            _with_input_class(option["attrs"])
        if not boxes:
            _with_input_class(widget["attrs"])
        return super().render(template_name, context, request)
