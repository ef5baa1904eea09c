"""The three tables of fmt2019/fmt2021 reports (DOMAIN.md §3), read from any layout.

Row and column identity comes from the canonical labels, not from grid
geometry: the same parser reads tab-separated rows, pipe rows, markdown
tables, one cell per line, and a label line followed by a numbers line,
because in every layout the cells arrive in reading order and every row
starts with its label.
"""


class Record:
    """Base of the package's records: fields named in ``__slots__``, compared and shown by value.

    Plain classes rather than frozen dataclasses: creating a dataclass compiles
    its generated methods with ``exec`` at import (0.5–1 ms per class, most of
    this package's import time), and a frozen dataclass's ``__init__`` sets
    every field through ``object.__setattr__``, several times slower for the
    hundreds of values made per report. Records are never changed after they
    are made.
    """

    __slots__ = ()

    def _fields(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in self.__slots__)})"
