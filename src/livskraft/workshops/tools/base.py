"""What every workshop tool provides. The core (panel, big screen, phones, exports, PDF,
URLs, admin) only loops over the registry and calls these; a tool overrides what it has."""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from django.template.loader import render_to_string
from django.utils.safestring import SafeString


class Rejected(ValueError):
    """An answer or action refused, with a message for the user."""


@dataclass(frozen=True)
class Action:
    """A facilitator's action on the panel: `run(workshop, data)` returns an error message
    or None. `control`: only the facilitator (not a co-facilitator) may do it."""

    run: Callable
    control: bool = False


class Tool:
    key: str = ""  # stored in Workshop.active_tool; names the templates folder
    label: str = ""
    models: tuple = ()  # registered in the admin
    has_chart = False  # `chart()` draws something: offered as SVG/PNG and in the PDF
    csv_name: str | None = None  # file name of `csv_table()`, if the tool has one
    chapter = None  # the book's chapter the tool comes from (tools.book.Chapter)

    def template(self, part: str) -> str:
        return f"workshops/tools/{self.key}/{part}.html"

    def render(self, part: str, context: dict, request=None) -> str:
        return render_to_string(self.template(part), {"tool": self, **context}, request)

    def credits(self, workshop) -> list[str]:
        """Where the tool's content comes from, for every page and export: the book's
        chapter, and what is ours."""
        return [self.chapter.credit()] if self.chapter else []

    # Phones
    def participant_context(self, participant) -> dict:
        return {}

    def phone_state(self, workshop) -> dict:
        """What, besides the tool and the lock, makes a phone page show something else (a
        new factor, a new round): phones reload their tool when it changes."""
        return {}

    # Big screen
    def screen_context(self, workshop) -> dict:
        return {}

    def answer_count(self, workshop) -> int:
        """Answers in the current round, counted on the big screen."""
        return 0

    def items_per_person(self, workshop) -> int | None:
        """How many answers make one participant done; None: the tool has no such point."""
        return None

    def answered_by(self, workshop) -> set[int]:
        """Ids of the participants with at least one answer in the current round (tools
        with `items_per_person`)."""
        return set()

    def chart(self, workshop, context: dict | None = None) -> SafeString | None:
        """`context`: the tool's `screen_context`, when drawn for the big screen, so what it
        computed is not computed again."""
        return None

    # Facilitator
    def panel_context(self, workshop) -> dict:
        return {}

    def actions(self) -> dict[str, Action]:
        return {}

    # Downloads
    def export_sheets(self, workshop) -> dict[str, pd.DataFrame]:
        """Sheets for the workbook of all answers, by sheet name."""
        return {}

    def csv_table(self, workshop) -> pd.DataFrame | None:
        return None

    def pdf_lines(self, workshop) -> list[str]:
        return []

    def urls(self) -> list:
        """The tool's own pages and participant posts."""
        return []
