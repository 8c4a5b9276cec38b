"""Where respondents and voters live: kommune names, counties and centrality classes of the
newest border vintage, for forms, lists and breakdowns."""

from livskraft.places.models import Centrality, Municipality
from livskraft.web.collation import norwegian


def _newest():
    newest = Municipality.objects.order_by("-vintage").values_list("vintage", flat=True).first()
    return Municipality.objects.filter(vintage=newest)


def kommune_choices() -> list[tuple[str, str]]:
    return [("", "–")] + list(_newest().order_by(norwegian("name")).values_list("code", "name"))


def kommune_names() -> dict[str, str]:
    return dict(_newest().values_list("code", "name"))


def counties() -> dict[str, str]:
    return dict(_newest().values_list("code", "county_name"))


def centrality_classes() -> dict[str, int]:
    return dict(Centrality.objects.values_list("code", "centrality_class"))
