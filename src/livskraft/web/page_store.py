"""Where the ASGI front keeps finished public pages: in the process's memory, and on disk.

An entry is (status, headers, body, etag) under a key (a tuple) that already names the data
version, language, encoding, host and URL (`front.PageCache._key`). Two tiers:
- memory, per process, least recently used out first beyond `MEMORY_BYTES`;
- disk (`settings.PAGE_STORE_DIR`), for the pages without a query string (a bounded set: one
  per kommune, language and encoding, and a few more). Every process of the machine reads
  what one rendered, and a restart with the same data and code serves them at once instead
  of rendering them again. The files of one data version and one version of the code live
  in a folder of their own ("generation"); when the data version changes, the other
  generations are removed.
"""

import hashlib
import json
import os
import shutil
import threading
from collections import OrderedDict
from collections.abc import Hashable
from pathlib import Path

from django.conf import settings

from livskraft.code_version import code_fingerprint

MEMORY_BYTES = 64 * 2**20
LARGEST_ON_DISK = 4 * 2**20


class PageStore:
    def __init__(self, folder: Path | str, memory_bytes: int = MEMORY_BYTES) -> None:
        self.setting = folder
        self.folder = Path(folder)
        self.memory_bytes = memory_bytes
        self._lock = threading.Lock()
        self._memory: OrderedDict[Hashable, tuple] = OrderedDict()
        self._used = 0
        self._code: str | None = None
        self._generation: Path | None = None

    # The event loop's side: a lookup and a put, never waiting for more than a file read.

    def get(self, key: Hashable) -> tuple | None:
        with self._lock:
            entry = self._memory.get(key)
            if entry is not None:
                self._memory.move_to_end(key)
                return entry
            generation = self._generation
        if generation is None:
            return None
        try:
            data = (generation / _file_name(key)).read_bytes()
        except OSError:
            return None
        meta, _, body = data.partition(b"\n")
        status, headers, etag = json.loads(meta)
        entry = (status, [(n.encode("latin-1"), v.encode("latin-1")) for n, v in headers],
                 body, etag)
        self._remember(key, entry)
        return entry

    def put(self, key: Hashable, entry: tuple, persist: bool) -> None:
        self._remember(key, entry)
        generation = self._generation
        status, headers, body, etag = entry
        if not persist or generation is None or len(body) > LARGEST_ON_DISK:
            return
        meta = json.dumps([status, [(n.decode("latin-1"), v.decode("latin-1"))
                                    for n, v in headers], etag])
        name = _file_name(key)
        temporary = generation / f".{name}.{os.getpid()}.{threading.get_ident()}"
        try:
            generation.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(meta.encode() + b"\n" + body)
            os.replace(temporary, generation / name)  # readers see all of it or nothing
        except OSError:
            temporary.unlink(missing_ok=True)  # a full or read-only disk: memory only

    def _remember(self, key: Hashable, entry: tuple) -> None:
        size = len(entry[2]) + 200
        with self._lock:
            if key in self._memory:
                return
            self._memory[key] = entry
            self._used += size
            while self._used > self.memory_bytes and self._memory:
                _, dropped = self._memory.popitem(last=False)
                self._used -= len(dropped[2]) + 200

    # The data version's side (page_cache.version), in a thread.

    def switch(self, version_key: str) -> None:
        """Serve the generation of this data version (and this code) from now on; forget
        the pages in memory and remove the other generations from disk."""
        if self._code is None:
            self._code = code_fingerprint()
        name = hashlib.blake2b(f"{self._code}|{version_key}".encode(),
                               digest_size=12).hexdigest()
        generation = self.folder / name
        with self._lock:
            changed = generation != self._generation
            self._generation = generation
            if changed:
                self._memory.clear()
                self._used = 0
        if changed and self.folder.is_dir():
            for other in self.folder.iterdir():
                if other.name != name:
                    shutil.rmtree(other, ignore_errors=True)

    def forget(self) -> None:
        """A new data load in this process: nothing kept is current until the next switch."""
        with self._lock:
            self._memory.clear()
            self._used = 0
            self._generation = None


def _file_name(key: Hashable) -> str:
    """The same in every process: the key holds only str, bytes, numbers and datetimes."""
    return hashlib.blake2b(repr(key).encode(), digest_size=16).hexdigest()


_store: PageStore | None = None


def store() -> PageStore:
    """This process's store (a new one when the setting changes, as in tests)."""
    global _store
    if _store is None or _store.setting is not settings.PAGE_STORE_DIR:
        _store = PageStore(settings.PAGE_STORE_DIR)
    return _store
