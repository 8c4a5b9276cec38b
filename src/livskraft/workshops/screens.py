"""What the big screen shows for the workshop's active tool."""

from django.template.loader import render_to_string

from . import diagrams, diamond, scoring, ten_steps, trust
from .models import DiamondScore, PriorityScore, TrustAnswer, Workshop


def everyone_done(workshop: Workshop) -> bool:
    """Every participant has answered every item of the active tool (priority or diamond)."""
    items = {Workshop.PRIORITY: workshop.factors.count,
             Workshop.DIAMOND: lambda: len(diamond.KEYS)}.get(workshop.active_tool)
    if items is None:
        return False
    people, per_person = workshop.participants.count(), items()
    return people > 0 and per_person > 0 and answers(workshop) >= people * per_person


def answers(workshop: Workshop) -> int:
    return {
        Workshop.PRIORITY: lambda: PriorityScore.objects.filter(factor__workshop=workshop),
        Workshop.DIAMOND: lambda: DiamondScore.objects.filter(participant__workshop=workshop),
        Workshop.TRUST: lambda: TrustAnswer.objects.filter(participant__workshop=workshop,
                                                           round=workshop.trust_round),
    }.get(workshop.active_tool, lambda: PriorityScore.objects.none())().count()


def render(workshop: Workshop) -> str:
    tool = workshop.active_tool
    visible = not workshop.results_hidden or everyone_done(workshop)
    context = {"workshop": workshop, "visible": visible, "tool": tool}
    if tool == Workshop.PRIORITY:
        context["factors"] = scoring.summary(workshop)
    elif tool == Workshop.DIAMOND:
        context["components"] = diamond.summary(workshop)
    elif tool == Workshop.TRUST:
        context["trust"] = trust.summary(workshop)
        context["statements"] = trust.STATEMENTS
        context["minimum"] = trust.MIN_ANSWERS
    else:
        context["steps"] = ten_steps.entries(workshop)
    if visible and tool in diagrams.CHARTS:
        context["chart"] = diagrams.CHARTS[tool](workshop)
    return render_to_string("workshops/_live.html", context)
