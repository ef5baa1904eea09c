"""Which codes are on: one small decision function, not ifs scattered in rules.

Prefixes as in ruff: ``--select D4 --ignore D404`` turns on every D4xx except
D404. The longest matching prefix decides; on a tie, ignore wins. "ALL" (or
the empty prefix) matches every code.
"""

from __future__ import annotations

from collections.abc import Iterable


def _norm(prefixes: Iterable[str]) -> list[str]:
    out = []
    for p in prefixes:
        p = p.strip().upper()
        out.append("" if p == "ALL" else p)
    return out


def is_selected(code: str, select: Iterable[str], ignore: Iterable[str]) -> bool:
    best_len, on = -1, False
    for p in _norm(select):
        if code.startswith(p) and len(p) > best_len:
            best_len, on = len(p), True
    for p in _norm(ignore):
        if code.startswith(p) and len(p) >= best_len:
            best_len, on = len(p), False
    return on
