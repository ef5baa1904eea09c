"""Profiles: what a jurisdiction requires beyond the rule logic — for now, deadlines.

The national profile carries the statutory deadlines (DOMAIN.md §1). Local rules
are often stricter, so a provincial plugin can contribute its own profile
through the ``reportlint_profiles`` hook; configuration chooses which applies.
"""

from __future__ import annotations

from collections.abc import Mapping

from reportlint.model import AgencyKind, Era
from reportlint.records import Record

# (month, day) in the year after the report year.
Deadline = tuple[int, int]


class Profile(Record):
    """A jurisdiction's deadlines: (era, kind of body) -> (month, day) in the year after the report year."""

    __slots__ = ("name", "description", "deadlines")

    def __init__(self, name: str, description: str,
                 deadlines: Mapping[tuple[Era, AgencyKind], Deadline] | None = None) -> None:
        self.name = name
        self.description = description
        self.deadlines = {} if deadlines is None else deadlines

    def deadline(self, era: Era, kind: AgencyKind) -> Deadline | None:
        return self.deadlines.get((era, kind))


def _national() -> Profile:
    deadlines: dict[tuple[Era, AgencyKind], Deadline] = {}
    for kind in AgencyKind:
        # 2008 Regulation art. 31: every body before 31 March.
        deadlines[(Era.REG2008, kind)] = (3, 31)
        for era in (Era.FMT2019, Era.FMT2021):
            # Revised Regulation art. 49: departments by 31 January, governments by
            # 31 March; townships have no statutory date, 31 March is used.
            deadlines[(era, kind)] = (1, 31) if kind is AgencyKind.DEPARTMENT else (3, 31)
    return Profile("national", "《政府信息公开条例》规定的全国通用期限", deadlines)


NATIONAL = _national()
