"""``dataclass`` whose generated methods are not compiled again at every start.

Python 3.11 writes the source of every method a dataclass gets (``__init__``,
``__repr__``, ``__eq__``, ``__hash__``, and ``__setattr__``/``__delattr__``
for a frozen one) and compiles it with ``exec`` while the class is created:
about 0.1 ms per method, 0.7 ms per class, ~33 ms of a one-file check for the
package's classes — a third of the start-up beyond the interpreter's own.
:func:`dataclass` here is the standard decorator; only while it runs, the
``exec`` that the ``dataclasses`` module calls finds the compiled code of the
exact same source text in a table kept in the user's cache folder (written
with ``marshal``, as Python keeps bytecode in ``__pycache__``). The class is a
standard dataclass in every respect (``fields``, ``replace``, frozen errors);
the functions are made from the code that compiling the same text gives.

The table holds code, so it is only read from a file this user owns that
nobody else can write, in a folder nobody else can write (the folder is
created with mode 0700); it is keyed by the exact Python build, as marshalled
code is only valid for the interpreter that wrote it. Anything unexpected — an
unreadable, foreign or damaged file — and the methods are compiled as usual.
"""

from __future__ import annotations

import builtins
import dataclasses
import marshal
import os
import sys
from typing import Any

from reportlint import usercache

class Record:
    """Base of reportlint's value objects: compared, hashed, shown and copied by their fields.

    Why not dataclasses: creating a dataclass costs ~0.4 ms at import (the
    ``dataclasses`` module works through every field and generates methods),
    ~15 ms of a one-file check for the package's classes; and a frozen
    dataclass's ``__init__`` sets each field through ``object.__setattr__``,
    several times slower than a plain assignment, for objects made by the
    hundred per report. A record is a plain class: its ``__init__`` is written
    out, its fields are the ``__init__`` parameters (in order), and a class
    made in numbers lists them in ``__slots__`` too.

    Records are never changed after they are made — nothing in reportlint
    assigns to one — but, unlike a frozen dataclass, this is not enforced: the
    check would cost on every object. Use :meth:`replace` for a changed copy.
    """

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        code = cls.__init__.__code__
        cls._fields = code.co_varnames[1:code.co_argcount + code.co_kwonlyargcount]

    def _values(self) -> tuple:
        return tuple([getattr(self, name) for name in self._fields])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({fields})"

    def replace(self, **changes: Any) -> Any:
        """A copy with ``changes`` (field name -> new value), as ``dataclasses.replace`` makes."""
        unknown = set(changes) - set(self._fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        return type(self)(**{**{name: getattr(self, name) for name in self._fields}, **changes})


_MAGIC = f"{sys.implementation.cache_tag}-{sys.version}"
_codes: dict[str, Any] | None = None  # source text -> code object
_new = 0  # entries compiled in this run


def cache_file() -> str:
    return usercache.path(f"dataclass-code-{sys.implementation.cache_tag}.marshal")


def _load() -> dict[str, Any]:
    global _codes
    if _codes is None:
        _codes = {}
        data = usercache.read_private(cache_file())
        if data is not None:
            try:
                magic, table = marshal.loads(data)
                if magic == _MAGIC and isinstance(table, dict):
                    _codes = table
            except (EOFError, ValueError, TypeError):
                pass
    return _codes


def _exec(source, globals=None, locals=None):  # noqa: A002 - exec's own parameter names
    """``exec`` for the dataclasses module: the same text, compiled once per Python build."""
    global _new
    if not isinstance(source, str):
        return builtins.exec(source, globals, locals)
    table = _load()
    code = table.get(source)
    if code is None:
        code = builtins.compile(source, "<string>", "exec")
        table[source] = code
        _new += 1
    return builtins.exec(code, globals, locals)


def dataclass(cls=None, /, **options):
    """:func:`dataclasses.dataclass` with the generated methods' code taken from the table."""

    def wrap(klass):
        dataclasses.exec = _exec  # a module global shadows the builtin for the module's own calls
        try:
            return dataclasses.dataclass(klass, **options)
        finally:
            del dataclasses.exec

    return wrap if cls is None else wrap(cls)


def save() -> None:
    """Write the table when this run compiled methods it did not hold (atomically; errors ignored)."""
    global _new
    if _new and _codes is not None:
        if usercache.write_private(cache_file(), marshal.dumps((_MAGIC, _codes)), prefix=".dataclass-"):
            _new = 0
