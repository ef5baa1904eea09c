"""Compiled regular expressions kept between runs: the largest part of a cold start, made small.

The rules compile about 250 regular expressions. Python's ``re`` compiles a
pattern in two steps: a pure-Python parser and compiler turn it into a list of
opcodes (slow: 60–90 ms for all of them here, most of it filling the character
tables of classes such as ``[\\u4e00-\\u9fff]``), then ``_sre.compile`` builds
the pattern object from that list (microseconds). This module keeps the opcode
lists of the patterns it has compiled in the user's cache folder, so a later
run only does the second step.

What is stored is data (integers, strings, a dict), written with ``marshal``
and keyed by the exact Python build and regex engine version; ``_sre.compile``
validates the opcodes it is given. When anything about this is not as
expected — another Python version with other internals, an unreadable or
damaged file, a folder that cannot be written — ``re.compile`` does the work,
exactly as without this module. A pattern object made here is equal to the one
``re.compile`` makes (tests compare every pattern the rules use).
"""

from __future__ import annotations

import marshal
import re
import sys
from collections.abc import Callable

from reportlint import usercache

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: ~15 M instructions of every start
if TYPE_CHECKING:
    from typing import Any


try:  # CPython internals, stable within one Python version (the cache key holds the version)
    import _sre
    from re import _compiler, _parser

    # The item type of the opcodes; read back through a memoryview (the array module is a
    # shared library to load: ~1 M instructions of every start, for what the table holds).
    _ARRAY_TYPE = next(t for t in "HILQ" if memoryview(bytes(8)).cast(t).itemsize == _sre.CODESIZE)
    _MAGIC = f"{sys.implementation.name}-{sys.version}-{_sre.MAGIC}-{_sre.CODESIZE}-array"
except (ImportError, AttributeError, StopIteration):  # another implementation or version: plain re.compile
    _sre = _compiler = _parser = None  # type: ignore[assignment]
    _MAGIC = None

_memo: dict[tuple[str, int], re.Pattern] = {}
# Flags whose patterns ``re`` compiles its own way. A plain int: an operation on RegexFlag
# values runs enum's Python code, ~2 µs, twice per pattern at every start.
_NOT_CACHED = int(re.DEBUG | re.TEMPLATE)
_table: dict[tuple[str, int], tuple] | None = None  # (pattern, flags) -> arguments of _sre.compile
_new = 0  # entries added to the table in this run


def cache_file() -> str:
    return usercache.path(f"regex-py{sys.version_info[0]}{sys.version_info[1]}.marshal")


def _load() -> dict:
    global _table
    if _table is None:
        _table = {}
        data = usercache.read_private(cache_file())
        if data is not None:
            try:
                magic, table = marshal.loads(data)
                if magic == _MAGIC and isinstance(table, dict):
                    _table = table
            except (EOFError, ValueError, TypeError):
                pass
    return _table


def _parts(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` (same steps, same order)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    from array import array  # only for a pattern not in the table yet

    # The opcodes as the bytes of an array: marshal reads bytes far faster than a list of ints.
    return (int(flags | parsed.state.flags), array(_ARRAY_TYPE, code).tobytes(), parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def _build(pattern: str, entry: tuple) -> re.Pattern:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, memoryview(code).cast(_ARRAY_TYPE).tolist(), groups, groupindex, indexgroup)


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - the name says what it replaces
    """``re.compile(pattern, flags)``, from the opcodes of an earlier run when there are some."""
    key = (pattern, int(flags))
    found = _memo.get(key)
    if found is not None:
        return found
    compiled = None
    if _MAGIC is not None and isinstance(pattern, str) and not key[1] & _NOT_CACHED:
        entry = _load().get(key)
        try:
            if entry is None:
                entry = _parts(pattern, key[1])
                compiled = _build(pattern, entry)
                _table[key] = entry
                global _new
                _new += 1
            else:
                compiled = _build(pattern, entry)
        except Exception:  # internals not as expected, or a damaged entry: the standard way
            _table.pop(key, None)
            compiled = None
    if compiled is None:
        compiled = re.compile(pattern, flags)
    _memo[key] = compiled
    return compiled


def derived(name: str, inputs: str, derive: Callable[[], str]) -> str:
    """A pattern that ``derive()`` builds from other patterns, kept in the table beside the opcodes.

    Some prefilters are derived at start-up by parsing other patterns (N303's
    category hint: ~4 ms, a twentieth of a cold check). The table keeps the
    result under ``name`` and the exact ``inputs`` it was derived from — any
    change to them derives it again — and, like the opcodes, under the Python
    build whose ``re`` parser the derivation used.
    """
    key = ("derived\0" + name + "\0" + inputs, -1)  # flags -1: never the key of a compiled pattern
    table = _load() if _MAGIC is not None else None
    if table is not None:
        found = table.get(key)
        if type(found) is tuple and len(found) == 1 and type(found[0]) is str:
            return found[0]
    value = derive()
    if table is not None:
        global _new
        table[key] = (value,)
        _new += 1
    return value


def save() -> None:
    """Write the table when this run compiled patterns it did not hold (atomically; errors ignored)."""
    global _new
    if not _new or _table is None or _MAGIC is None:
        return
    if usercache.write_private(cache_file(), marshal.dumps((_MAGIC, _table)), prefix=".regex-"):
        _new = 0


def stats() -> dict[str, Any]:
    return {"memo": len(_memo), "table": len(_table or {}), "new": _new, "file": cache_file()}
