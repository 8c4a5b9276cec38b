from django import template

from livskraft.web.formatting import decimal

register = template.Library()


@register.filter
def get_mean(means: dict, key: str) -> str:
    return decimal(means.get(key))


@register.inclusion_tag("workshops/_quote.html")
def book(quote, element: str = "p"):
    """A passage from the book, verbatim, with our translation under it when the page is in
    another language."""
    return {"quote": quote, "translation": quote.translated(), "element": element}
