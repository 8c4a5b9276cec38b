"""Websockets: every participant page holds one (it sends priority scores and follows tool
switches, locks and reveals); big screens receive the live state."""

import asyncio

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from . import live, participants, screens
from .models import Workshop
from .permissions import can_run
from .tools import priority

MESSAGES_PER_WINDOW, WINDOW_SECONDS = 30, 10
SCREEN_DELAY = 0.2  # gather a burst of votes into one screen update


class ParticipantConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        cookie = self.scope.get("cookies", {}).get(participants.PARTICIPANT_COOKIE)
        self.participant = await database_sync_to_async(participants.from_cookie)(cookie)
        if self.participant is None:
            await self.close(code=4403)
            return
        self.workshop_id = self.participant.workshop_id
        self.sent: list[float] = []
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

    async def workshop_switched(self, event):
        await self.send_json({"state": event["state"]})

    async def receive_json(self, content, **kwargs):
        now = asyncio.get_running_loop().time()
        self.sent = [t for t in self.sent if now - t < WINDOW_SECONDS] + [now]
        if len(self.sent) > MESSAGES_PER_WINDOW:
            await self.send_json({"error": "too_many", "factor": content.get("factor")})
            return
        try:
            factor = int(content["factor"])
            at = content.get("at")
            await database_sync_to_async(priority.record)(
                self.participant, factor, int(content["importance"]), int(content["influence"]),
                int(at) if at is not None else None)
        except (KeyError, TypeError, ValueError) as error:
            await self.send_json({"error": str(error) or "invalid",
                                  "factor": content.get("factor")})
            return
        await self.send_json({"saved": factor})


class ScreenConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.workshop_id = int(self.scope["url_route"]["kwargs"]["workshop_id"])
        allowed = await database_sync_to_async(self._allowed)()
        if not allowed:
            await self.close(code=4403)
            return
        self.pending = False
        await self.channel_layer.group_add(live.group(self.workshop_id), self.channel_name)
        await self.accept()
        await self._send_state()

    def _allowed(self) -> bool:
        workshop = Workshop.objects.filter(id=self.workshop_id).first()
        return workshop is not None and can_run(self.scope["user"], workshop)

    async def disconnect(self, code):
        await self.channel_layer.group_discard(live.group(self.workshop_id), self.channel_name)

    async def workshop_changed(self, event):
        if self.pending:
            return
        self.pending = True
        await asyncio.sleep(SCREEN_DELAY)
        self.pending = False
        await self._send_state()

    async def _send_state(self):
        state = await database_sync_to_async(
            lambda: screens.screen_state(Workshop.objects.get(id=self.workshop_id)))()
        await self.send_json(state)
