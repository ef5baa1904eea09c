"""The base of reportlint's value objects (findings, spans, blocks, settings …).

Value objects are made by the hundred for every report and their classes are
created at every start, so they are plain classes rather than dataclasses;
:class:`Record` gives them what a frozen dataclass would: comparison, hashing,
a repr and changed copies, all by their fields.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: ~15 M instructions of every start
if TYPE_CHECKING:
    from typing import Any


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
