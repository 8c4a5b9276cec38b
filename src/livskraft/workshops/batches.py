"""Writes from many websockets gathered into one transaction: a hall of phones voting at
the same moment costs one trip to the database thread per batch, not one per vote.

Each server process (each event loop) keeps a short queue per write function. The first
item waits BATCH_SECONDS for company; while a batch is being written the next one fills, so
under load batches grow by themselves (up to BATCH_LIMIT). Every caller gets its own item's
outcome back. Batches are written in a thread of their own (one at a time per process), not
in channels' single database thread, so votes never wait behind the big screens' queries."""

import asyncio
import weakref
from collections.abc import Callable

from channels.db import database_sync_to_async

BATCH_SECONDS = 0.02
BATCH_LIMIT = 1000


class Batches:
    def __init__(self, write: Callable[[list], list]) -> None:
        self.write = write
        self.pending: list[tuple[object, asyncio.Future]] = []
        self.task: asyncio.Task | None = None

    async def submit(self, item):
        future = asyncio.get_running_loop().create_future()
        self.pending.append((item, future))
        if self.task is None or self.task.done():
            self.task = asyncio.ensure_future(self._drain())
        return await future

    async def _drain(self) -> None:
        await asyncio.sleep(BATCH_SECONDS)
        while self.pending:
            batch, self.pending = self.pending[:BATCH_LIMIT], self.pending[BATCH_LIMIT:]
            try:
                outcomes = await database_sync_to_async(self.write, thread_sensitive=False)(
                    [item for item, _ in batch])
            except Exception as error:  # the database refused the batch: every caller hears
                for _item, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            for (_item, future), outcome in zip(batch, outcomes, strict=True):
                if not future.done():
                    future.set_result(outcome)


_queues: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def queue(write: Callable[[list], list]) -> Batches:
    """The queue for `write` in the running event loop."""
    per_loop = _queues.setdefault(asyncio.get_running_loop(), {})
    if write not in per_loop:
        per_loop[write] = Batches(write)
    return per_loop[write]
