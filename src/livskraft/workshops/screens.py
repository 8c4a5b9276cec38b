"""What the big screen shows for the workshop's active tool."""

from django.template.loader import render_to_string

from . import diagrams, diamond, scoring, ten_steps, trust
from .models import DiamondScore, PriorityScore, TrustAnswer, Workshop


def everyone_done(workshop: Workshop) -> bool:
    people = workshop.participants.count()
    if workshop.active_tool == Workshop.DIAMOND:
        expected, answered = people * len(diamond.KEYS), DiamondScore.objects.filter(
            participant__workshop=workshop).count()
    else:
        return scoring.everyone_answered(workshop)
    return people > 0 and answered >= expected


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
