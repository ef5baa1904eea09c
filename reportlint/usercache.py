"""The user's cache folder for start-up tables (``$XDG_CACHE_HOME/reportlint``, default ``~/.cache/reportlint``).

Two files make a cold start faster: the compiled regular expressions
(``reportlint/rx.py``) and the digests of configurations found valid before
(``reportlint/validated.py``); neither holds report text. It is read only from a file
owned by this user that neither the group nor others may write, in a folder
with the same properties, because what is in it is used without being derived
again. Writing is atomic and never fails a run: a cache that cannot be written
is simply not kept.
"""

from __future__ import annotations

import os
import stat


def folder() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "reportlint")


def path(name: str) -> str:
    return os.path.join(folder(), name)


def _private(st: os.stat_result) -> bool:
    """Owned by this user and not writable by anyone else (where the system has owners)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: access is governed by the profile folder's ACL
        return True
    return st.st_uid == getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_private(file: str) -> bytes | None:
    """The bytes of ``file`` when it and its folder are private to this user, else None."""
    try:
        with open(file, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or not _private(st) or not _private(os.stat(os.path.dirname(file))):
                return None
            return fh.read()
    except OSError:
        return None


def write_private(file: str, data: bytes, *, prefix: str) -> bool:
    """Replace ``file`` with ``data`` atomically, creating the folder with mode 0700; False when it cannot."""
    try:
        os.makedirs(os.path.dirname(file), mode=0o700, exist_ok=True)
        from reportlint.atomic import replace_file

        replace_file(file, data, prefix=prefix)
        return True
    except (OSError, ValueError):
        return False
