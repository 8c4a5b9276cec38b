from django import template

register = template.Library()


@register.filter
def get_mean(means: dict, key: str) -> str:
    value = means.get(key)
    return "–" if value is None else f"{value:.1f}".replace(".", ",")
