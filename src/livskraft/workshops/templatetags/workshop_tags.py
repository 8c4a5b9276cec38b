from django import template

from livskraft.web.formatting import decimal

register = template.Library()


@register.filter
def get_mean(means: dict, key: str) -> str:
    return decimal(means.get(key))
