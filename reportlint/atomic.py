"""Replacing a file atomically: a reader (or a crash) never sees half of it.

The bytes go to a temporary file in the target's folder, which then replaces
the target with ``os.replace`` (atomic within one file system). The fixer
(reportlint/fix.py) has its own, stricter version: it also checks that the
file did not change on disk and keeps its permissions.
"""

from __future__ import annotations

import os


def replace_file(path: str, data: bytes, *, mode: int | None = None, prefix: str = ".reportlint-") -> None:
    """Write ``data`` to ``path`` atomically; ``mode`` None keeps mkstemp's 0600, else the umask applies."""
    import tempfile  # ~5 ms (shutil, random): imported by the runs that write, not by a re-run answered from the cache

    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=os.path.dirname(os.path.abspath(path)))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if mode is not None:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, mode & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
