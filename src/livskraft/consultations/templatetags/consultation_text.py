"""Owners' texts (introductions) are Markdown; raw HTML in them is never trusted."""

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote"}


@register.filter
def markdown(text: str) -> str:
    html = markdown_lib.markdown(text or "", output_format="html")
    return mark_safe(nh3.clean(html, tags=TAGS, attributes={"a": {"href"}},  # noqa: S308
                               url_schemes={"http", "https", "mailto"},
                               link_rel="noopener nofollow"))
