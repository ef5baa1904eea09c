"""Configurations already found valid, so an unchanged one is not validated again.

Validating a configuration file means importing ``jsonschema``: ~130 ms, more
than the whole rest of a one-file check, paid by every pre-commit run of a
project that has a configuration. Whether a table is valid depends only on the
table, on the schema (reportlint's own plus the plugins' fragments) and on the
validator. So once a configuration has passed, a digest of those three is
kept in the user's cache folder (reportlint/usercache.py), and a run that
computes the same digest skips the validation.

Only successes are kept: a configuration with problems is validated every
time, so its messages are always current. The digest names the validator by
the size and modification time of jsonschema's installed files, so upgrading
jsonschema validates again. A missing, damaged or foreign file is the same as
an empty one; a file that cannot be written is not kept.
"""

from __future__ import annotations

import os

from reportlint import usercache
from reportlint.engine import blake2b

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: ~15 M instructions of every start
if TYPE_CHECKING:
    from typing import Any

FILE = "valid-configurations.txt"
KEEP = 64  # digests kept: the configurations of every project a user works on, and more
_HEADER = "reportlint valid configurations 1"


def _validator_stamp() -> str:
    """The installed jsonschema, without importing it: where its package is, with its size and time."""
    from importlib.util import find_spec

    try:
        spec = find_spec("jsonschema")
    except (ImportError, ValueError):
        spec = None
    origin = getattr(spec, "origin", None)
    if not origin:
        return "jsonschema ?"
    try:
        st = os.stat(origin)
    except OSError:
        return f"jsonschema {origin}"
    return f"jsonschema {origin} {st.st_size} {st.st_mtime_ns}"


def digest(table: Any, schema: dict) -> str:
    """The digest of validating ``table`` against ``schema`` with the installed validator.

    ``repr`` keeps what JSON would blur: a TOML date and a string holding the
    same text differ, and so do 1 and 1.0 and True.
    """
    raw = "\0".join((_validator_stamp(), repr(schema), repr(table))).encode("utf-8", "surrogatepass")
    return blake2b(raw, digest_size=16).hexdigest()


def _read() -> list[str]:
    data = usercache.read_private(usercache.path(FILE))
    if data is None:
        return []
    lines = data.decode("utf-8", "replace").splitlines()
    if not lines or lines[0] != _HEADER:
        return []
    return [line for line in lines[1:] if len(line) == 32 and all(c in "0123456789abcdef" for c in line)]


def known(key: str) -> bool:
    """True when a configuration with this digest passed validation before."""
    return key in _read()


def remember(key: str) -> None:
    """Keep ``key`` as valid (the most recent last; the oldest are dropped beyond KEEP)."""
    keys = [k for k in _read() if k != key] + [key]
    text = "\n".join([_HEADER, *keys[-KEEP:]]) + "\n"
    usercache.write_private(usercache.path(FILE), text.encode("utf-8"), prefix=".valid-")
