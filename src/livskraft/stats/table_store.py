"""National tables derived from the stored data, kept per data version: in the process's
memory and on disk (`settings.TABLE_STORE_DIR`), so the other processes of the machine and
the next start read what one of them computed instead of computing it again, and
`livskraft import-data` / `sync` can compute them once for every visitor
(`livskraft.profiles.national_tables.prepare`).

`per_data_version(maxsize)` wraps a function whose last argument is the data version
(`frames.data_version()`) and whose value pickles; the value is shared, so read-only. The
files of one data version and one version of the code (and of Python, pandas and numpy, whose
pickles they are) live in a folder of their own ("generation"); `keep_only` (called after an
import or sync) removes the others. A file that cannot be read is computed again.
"""

import hashlib
import os
import pickle
import shutil
import sys
import threading
from collections import OrderedDict
from functools import cache, wraps
from pathlib import Path

import numpy as np
import pandas as pd
from django.conf import settings

from livskraft.code_version import code_fingerprint

_MISSING = object()


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


@cache
def _runtime() -> str:
    """The code of this process (read once: it does not change under a running process)."""
    return f"{sys.version}|{pd.__version__}|{np.__version__}|{code_fingerprint()}"


def _generation(version: tuple) -> Path:
    runtime = _runtime()
    return Path(settings.TABLE_STORE_DIR) / _digest(f"{runtime}|{version!r}")


def _path(name: str, args: tuple) -> Path:
    """The key holds only str, numbers, None, tuples, frozen dataclasses and datetimes, whose
    repr is the same in every process."""
    return _generation(args[-1]) / f"{_digest(f'{name}|{args[:-1]!r}')}.pickle"


def _read(path: Path):
    try:
        with path.open("rb") as file:
            return pickle.load(file)
    except Exception:  # noqa: BLE001 - missing, truncated or foreign: compute it again
        return _MISSING


def _write(path: Path, value) -> None:
    generation = path.parent
    temporary = generation / f".{path.name}.{os.getpid()}.{threading.get_ident()}"
    try:
        generation.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)  # readers see all of it or nothing
    except OSError:
        temporary.unlink(missing_ok=True)  # a full or read-only disk: memory only


def per_data_version(maxsize: int):
    """Like `functools.lru_cache(maxsize)`, with the disk behind the memory."""

    def decorate(function):
        name = f"{function.__module__}.{function.__qualname__}"
        memory: OrderedDict[tuple, object] = OrderedDict()
        lock = threading.Lock()

        @wraps(function)
        def kept(*args):
            with lock:
                if args in memory:
                    memory.move_to_end(args)
                    return memory[args]
            path = _path(name, args)
            value = _read(path)
            if value is _MISSING:
                value = function(*args)
                _write(path, value)
            with lock:
                memory[args] = value
                while len(memory) > maxsize:
                    memory.popitem(last=False)
            return value

        def cache_clear() -> None:
            with lock:
                memory.clear()

        kept.cache_clear = cache_clear
        return kept

    return decorate


def keep_only(version: tuple) -> None:
    """Remove the tables of every other data version (and of other code)."""
    current = _generation(version)
    if current.parent.is_dir():
        for other in current.parent.iterdir():
            if other != current:
                shutil.rmtree(other, ignore_errors=True)
