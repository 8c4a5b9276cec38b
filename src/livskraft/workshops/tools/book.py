"""Distriktssenteret's ten-year book, where the tools come from: the chapter each tool is
credited to, and passages quoted verbatim in the book's language with our translation."""

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

BOOK = "Distriktssenteret 10 år – Livskraftige lokalsamfunn – tilfeldig og planlagt?"


@dataclass(frozen=True)
class Chapter:
    title: str  # verbatim
    authors: str

    def credit(self) -> str:
        return _("Etter Distriktssenteret: «%(chapter)s», %(authors)s, i %(book)s") % {
            "chapter": self.title, "authors": self.authors, "book": BOOK}


@dataclass(frozen=True)
class Quote:
    """A passage verbatim in the book's language (`language`: "nn" or "nb"). `translation`
    is a lazy gettext message whose msgid is the bokmål wording (for a bokmål passage, the
    passage itself): shown, marked as ours, to readers in another language."""

    text: str
    language: str
    translation: str

    def translated(self) -> str | None:
        """Our translation for the current language, or None when the reader reads the
        book's own language."""
        if (get_language() or "nb").split("-")[0] == self.language:
            return None
        return str(self.translation)
