"""What identifies the running code, for what is kept on disk across starts (finished pages,
national tables): never reuse what other code made."""

import hashlib
import os
from functools import cache
from pathlib import Path

import django
from django.conf import settings

import livskraft


@cache
def code_fingerprint() -> str:
    """Changes with any file of the package (templates, code, translations), the Django
    version and the settings that change the HTML. Read once per process (a walk over the
    package: the page store and the table store both need it at start)."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(f"{livskraft.__version__}|{django.__version__}|{settings.PRODUCTION}|"
                  f"{settings.DEBUG}|{settings.STATIC_URL}".encode())
    package = Path(livskraft.__file__).parent
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"  # hashed static names
    paths = [manifest] if manifest.exists() else []
    for root, folders, files in os.walk(package):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        paths.extend(Path(root) / name for name in sorted(files))
    for path in paths:
        stat = path.stat()
        digest.update(f"{path}|{stat.st_mtime_ns}|{stat.st_size}\n".encode())
    return digest.hexdigest()
