"""The extractor's version: a digest of its own source and data files.

A stored reading of an article (``timeline.models.Reading``) is valid only for the
extractor that made it; any change to the code or the vocabulary changes this digest,
so the next rebuild reads every article again without anyone having to remember to.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_SUFFIXES = {".py", ".toml", ".json", ".txt", ".csv"}


@functools.cache
def extractor_version() -> str:
    digest = hashlib.sha1()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in _SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(_PACKAGE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
