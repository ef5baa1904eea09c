"""The ``ningxia`` profile: the national deadlines, tightened for the 2019 and 2021 formats.

Illustrative values (this is an example plugin): departments by 15 January,
governments and townships by 28 February of the following year; reports under
the 2008 Regulation keep the national 31 March.
"""

from reportlint.model import AgencyKind, Era
from reportlint.profiles import NATIONAL, Profile

_deadlines = dict(NATIONAL.deadlines)
for _era in (Era.FMT2019, Era.FMT2021):
    _deadlines[(_era, AgencyKind.DEPARTMENT)] = (1, 15)
    _deadlines[(_era, AgencyKind.GOVERNMENT)] = (2, 28)
    _deadlines[(_era, AgencyKind.TOWNSHIP)] = (2, 28)

NINGXIA = Profile("ningxia", "宁夏（示例）：部门次年1月15日前，政府和乡镇次年2月28日前", _deadlines)
