"""Cell values, represented faithfully: a blank or "/" is not a zero.

Each kind of column has its own grammar (DOMAIN.md §3): counts are
non-negative integers, 本年增/减 is signed ("+3", "-8", "0"), money is a
non-negative decimal optionally followed by its unit. Anything else is
kept as written so T207 can quote it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from reportlint import rx
from reportlint.model import Cell
from reportlint.records import Record
from reportlint.tables import Memory

_DIGITS = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"＋": "+", "－": "-", "．": ".", "，": ","})
_COUNT_RE = rx.compile(r"^\d+$")
_SIGNED_RE = rx.compile(r"^[+-]?\d+$")
_MONEY_RE = rx.compile(r"^(\d+(?:\.\d+)?)[ \u3000]*(万元|元)?$")
_NUMBER_RE = rx.compile(r"^[+-]?\d+(?:\.\d+)?$")
_THOUSANDS_RE = rx.compile(r"(?<=\d),(?=\d{3}\b)")
_PLACEHOLDERS = {"/", "-", "—", "–", "－", "／", "无", "—/—", "\\", "×"}


class Value(Record):
    """One table cell as a value of its column's kind.

    ``status`` is "ok", "blank" (empty cell), "placeholder" ("/", "-"), or
    "invalid" (negative, fractional or non-numeric for the column's kind).
    ``number`` is set only when ``status`` is "ok".
    """

    __slots__ = ("cell", "text", "kind", "status", "number", "unit")

    def __init__(self, cell: Cell | None, text: str, kind: str, status: str,
                 number: float | int | None = None, unit: str | None = None) -> None:
        self.cell = cell
        self.text = text
        self.kind = kind
        self.status = status
        self.number = number
        self.unit = unit

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def looks_like_value(text: str) -> bool:
    """Could this cell text be a value (of any kind) rather than a label?"""
    t = text.strip().translate(_DIGITS).replace(",", "")
    return t == "" or t in _PLACEHOLDERS or bool(_SIGNED_RE.match(t)) or bool(_MONEY_RE.match(t)) \
        or bool(_NUMBER_RE.match(t))


# What a cell text says as each kind of value, by kind and text: (stripped text, status,
# number, unit). Tables repeat the same few texts ("0", "/", the small counts), so the
# regular expressions run once per text, not once per cell.
_READINGS: defaultdict[str, Memory] = defaultdict(Memory)


def parse_values(cells: Iterable[Cell], kinds: tuple[str, ...] = ()) -> list[Value]:
    """The values of consecutive cells of a row: the k-th of kind ``kinds[k]``, "count" past them."""
    out = []
    for k, cell in enumerate(cells):
        kind = kinds[k] if k < len(kinds) else "count"
        known = _READINGS[kind]
        raw = cell.text
        reading = known.get(raw)
        if reading is None:
            reading = known.keep(raw, _read(raw, kind), len(raw))
        text, status, number, unit = reading
        out.append(Value(cell, text, kind, status, number, unit))
    return out


def _read(raw: str, kind: str) -> tuple[str, str, float | int | None, str | None]:
    text = raw.strip()
    t = text.translate(_DIGITS)
    if "," in t:
        t = _THOUSANDS_RE.sub("", t)
    if t == "":
        return text, "blank", None, None
    if t in _PLACEHOLDERS:
        return text, "placeholder", None, None
    if kind == "count" and _COUNT_RE.match(t):
        return text, "ok", int(t), None
    if kind == "signed" and _SIGNED_RE.match(t):
        return text, "ok", int(t), None
    if kind == "money":
        m = _MONEY_RE.match(t)
        if m:
            return text, "ok", float(m.group(1)), m.group(2)
    return text, "invalid", None, None
