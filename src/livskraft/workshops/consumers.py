"""Websockets: every participant page holds one (it sends priority scores and follows tool
switches, locks and reveals); big screens receive the live state."""

import asyncio
import contextlib
import json
import weakref

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header

from . import live, participants, screens
from .models import Workshop
from .permissions import can_run
from .tools import priority

MAX_FRAME = 2000  # characters; an answer is under 100
SCREEN_INTERVAL = 0.2  # seconds: at most one big-screen redraw per interval


def language_of(scope) -> str:
    """The page's language for a websocket: the language cookie, else Accept-Language."""
    chosen = scope.get("cookies", {}).get(settings.LANGUAGE_COOKIE_NAME)
    headers = dict(scope.get("headers", []))
    accepted = [code for code, _q in parse_accept_lang_header(
        headers.get(b"accept-language", b"").decode("latin-1"))]
    for code in [chosen, *accepted]:
        try:
            return translation.get_supported_language_variant(code or "")
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


class ParticipantConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        cookie = self.scope.get("cookies", {}).get(participants.PARTICIPANT_COOKIE)
        self.participant = await database_sync_to_async(participants.from_cookie)(cookie)
        if self.participant is None:
            await self.close(code=4403)
            return
        self.workshop_id = self.participant.workshop_id
        # Active for the whole connection: the connection is one task of the server's, with
        # a context of its own (Django keeps the language in a context variable). Switching
        # it for every message cost a third of a vote's time in the event loop (py-spy).
        translation.activate(language_of(self.scope))
        await self.channel_layer.group_add(live.phones(self.workshop_id), self.channel_name)
        await self.accept()
        await database_sync_to_async(live.arrived)(self.workshop_id, self.participant.id)
        state = await database_sync_to_async(screens.phone_state)(self.workshop_id)
        await self.send_json({"state": state})

    async def disconnect(self, code):
        if getattr(self, "participant", None) is not None:
            await self.channel_layer.group_discard(live.phones(self.workshop_id),
                                                   self.channel_name)
            await database_sync_to_async(live.left)(self.workshop_id, self.participant.id)

    async def dispatch(self, message):
        """A vote frame uses no database connection in this thread (the batch writer keeps
        its own in order, workshops/batches.py), so it skips channels' close_old_connections
        before every message: a trip to the database thread per vote."""
        if message["type"] == "websocket.receive":
            return await self.websocket_receive(message)
        return await super().dispatch(message)

    async def workshop_switched(self, event):
        await self.send_json({"state": event["state"]})

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        """Every frame is checked before it is read: text, at most MAX_FRAME characters, a
        JSON object. Anything else gets an error reply; the connection stays open."""
        if text_data is None:
            await self._refuse("not_text", _("Meldingen må være tekst (JSON)."))
        elif len(text_data) > MAX_FRAME:
            await self._refuse("too_large", _("Meldingen er for stor."))
        else:
            try:
                content = json.loads(text_data)
            except ValueError:
                content = None
            if not isinstance(content, dict):
                await self._refuse("not_json", _("Meldingen må være et JSON-objekt."))
            else:
                await self.receive_json(content)

    async def _refuse(self, code: str, message: str) -> None:
        await self.send_json({"error": code, "message": message})

    async def receive_json(self, content, **kwargs):
        """Checked here in the event loop (no database, no thread), then written with the
        other phones' votes in one batch (workshops/batches.py)."""
        vote, reply = priority.check_score(str(self.participant.key), content)
        if vote is not None:
            reply = await priority.send_answer(vote)
        await self.send_json(reply)


class ScreenConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.workshop_id = int(self.scope["url_route"]["kwargs"]["workshop_id"])
        allowed = await database_sync_to_async(self._allowed)()
        if not allowed:
            await self.close(code=4403)
            return
        self.feed = ScreenFeed.of(self.workshop_id, language_of(self.scope))
        await self.channel_layer.group_add(live.group(self.workshop_id), self.channel_name)
        await self.accept()
        self.feed.screens.add(self)
        text = await database_sync_to_async(self.feed.render)()
        if text is not None:
            await self.send(text_data=text)

    def _allowed(self) -> bool:
        workshop = Workshop.objects.filter(id=self.workshop_id).first()
        return workshop is not None and can_run(self.scope["user"], workshop)

    async def disconnect(self, code):
        if getattr(self, "feed", None) is not None:
            self.feed.leave(self)
            await self.channel_layer.group_discard(live.group(self.workshop_id),
                                                   self.channel_name)

    async def workshop_changed(self, event):
        self.feed.changed()


class ScreenFeed:
    """The big screens of one workshop in one language in this process (a projector, the
    facilitator's panel …): one render per change for all of them, at most one per
    SCREEN_INTERVAL. The first change after a quiet interval is drawn at once; changes
    during an interval are gathered into one redraw at its end, so a burst of votes costs
    a few renders, not one per vote or per screen. Rendered in channels' database thread,
    off the event loop, after the change was committed (live.announce)."""

    _feeds: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def __init__(self, workshop_id: int, language: str) -> None:
        self.workshop_id, self.language = workshop_id, language
        self.screens: set[ScreenConsumer] = set()
        self.due: asyncio.TimerHandle | None = None
        self.drawn_at = -SCREEN_INTERVAL  # the event loop's clock at the last redraw
        self.task: asyncio.Task | None = None

    @classmethod
    def of(cls, workshop_id: int, language: str) -> "ScreenFeed":
        """The feed for this workshop and language in the running event loop."""
        per_loop = cls._feeds.setdefault(asyncio.get_running_loop(), {})
        key = (workshop_id, language)
        if key not in per_loop:
            per_loop[key] = cls(workshop_id, language)
        return per_loop[key]

    def leave(self, screen: ScreenConsumer) -> None:
        self.screens.discard(screen)
        if not self.screens:
            if self.due is not None:
                self.due.cancel()
            self._feeds.get(asyncio.get_running_loop(), {}).pop(
                (self.workshop_id, self.language), None)

    def changed(self) -> None:
        if self.due is not None:  # a redraw is already coming; it will read this change
            return
        loop = asyncio.get_running_loop()
        wait = max(0.0, self.drawn_at + SCREEN_INTERVAL - loop.time())
        self.due = loop.call_later(wait, self._start)

    def _start(self) -> None:
        self.due = None
        self.drawn_at = asyncio.get_running_loop().time()
        self.task = asyncio.ensure_future(self._redraw())

    async def _redraw(self) -> None:
        text = await database_sync_to_async(self.render)()
        if text is None:
            return
        for screen in list(self.screens):
            # a screen that left while we rendered: the ASGI server raises an OSError
            with contextlib.suppress(OSError):
                await screen.send(text_data=text)

    def render(self) -> str | None:
        """The screens' state as the JSON text they are sent, or None when the workshop is
        gone."""
        workshop = Workshop.objects.filter(id=self.workshop_id).first()
        if workshop is None:
            return None
        with translation.override(self.language):
            return json.dumps(screens.screen_state(workshop))
