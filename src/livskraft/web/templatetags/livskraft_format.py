from django import template

from livskraft.web import formatting

register = template.Library()


@register.filter
def whole(value):
    return formatting.whole(value)


@register.filter
def signed_percent(value):
    return formatting.percent(value)


@register.filter
def population_in(row: dict, year: int):
    """The `folketall_<year>` column of a national table row."""
    return row.get(f"folketall_{year}")
