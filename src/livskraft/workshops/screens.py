"""What the big screen shows: the active tool's live view and the counts above it."""

from django.template.loader import render_to_string

from . import live
from .models import Workshop
from .tools import registry


def everyone_done(workshop: Workshop) -> bool:
    """Everyone who is here has answered every item of the active tool (for tools that have
    such a point). "Here" is a participant whose page is connected or who has answered:
    someone who joined and left without answering does not hold the results back."""
    tool = registry.get(workshop.active_tool)
    per_person = tool.items_per_person(workshop)
    if not per_person:
        return False
    ids = list(workshop.participants.values_list("id", flat=True))
    people = len(live.present(workshop.id, ids) | tool.answered_by(workshop))
    return people > 0 and answers(workshop) >= people * per_person


def answers(workshop: Workshop) -> int:
    return registry.get(workshop.active_tool).answer_count(workshop)


def render(workshop: Workshop) -> str:
    tool = registry.get(workshop.active_tool)
    visible = not workshop.results_hidden or everyone_done(workshop)
    context = tool.screen_context(workshop)
    chart = tool.chart(workshop, context) if visible else None
    body = tool.render("screen", {"workshop": workshop, "visible": visible, "chart": chart,
                                  **context})
    return render_to_string("workshops/_live.html", {"workshop": workshop, "body": body,
                                                     "credits": tool.credits(workshop)})


def phone_state(workshop_id: int) -> dict:
    """What a participant's page shows, in a form that changes when the page must follow."""
    workshop = Workshop.objects.get(id=workshop_id)
    tool = registry.get(workshop.active_tool)
    return {"tool": tool.key, "locked": workshop.locked,
            "revealed": not workshop.results_hidden, "groups": workshop.groups,
            **tool.phone_state(workshop)}


def screen_state(workshop: Workshop) -> dict:
    return {
        "connected": live.connected(workshop.id),
        "participants": workshop.participants.count(),
        "answers": answers(workshop),
        "locked": workshop.locked,
        "tool": workshop.active_tool,
        "html": render(workshop),
    }
