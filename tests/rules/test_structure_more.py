"""S105 heading-punctuation: the punctuation after a heading's numeral.

Levels are 一、 → （一） → 1.（or 1．） → （1）; nothing follows （一） or （1）.
Every case asserts the exact (code, line) list, for firing and for silent text.
"""

from __future__ import annotations

import pytest
from fixapply import diags, doc_example, era_frames
from helpers import codes_lines, frame_line, report

_TEXT = "局党组把政府信息公开工作纳入年度目标考核。"


def _s105(heading: str) -> list[tuple[str, int]]:
    return codes_lines(report(2017, f"{heading}\n\n{_TEXT}"), select="S105", dedent=False)


def _at(heading: str) -> int:
    return frame_line(heading, report(2017, f"{heading}\n\n{_TEXT}"))


@pytest.mark.parametrize("heading,sep", [
    ("（一）、加强组织领导", "、"),
    ("（一）.加强组织领导", "."),
    ("（一），加强组织领导", "，"),
    ("（一）,加强组织领导", ","),
    ("(一)、加强组织领导", "、"),
    ("1、加强组织领导", "、"),
    ("1 、加强组织领导", "、"),
    ("（1）、加强组织领导", "、"),
    ("（1）.加强组织领导", "."),
])
def test_s105_fires_on_the_separator(heading, sep):
    assert _s105(heading) == [("S105", _at(heading))]
    (d,) = diags(report(2017, f"{heading}\n\n{_TEXT}"), "S105")
    assert (d.span.column, d.span.end_column) == (heading.index(sep) + 1, heading.index(sep) + 2)


@pytest.mark.parametrize("heading", ["一.其他需要报告的事项", "一．其他需要报告的事项"])
def test_s105_first_level_with_a_full_stop(heading):
    text = report(2017, "").replace("六、其他需要报告的事项", heading.replace("一", "六"))
    assert codes_lines(text, select="S105", dedent=False) == [("S105", frame_line(heading[2:], text))]


@pytest.mark.parametrize("heading", [
    "（一）加强组织领导",
    "（ 一 ）加强组织领导",
    "1.加强组织领导",
    "1．加强组织领导",
    "1. 加强组织领导",
    "（1）加强组织领导",
])
def test_s105_silent_on_correct_markers(heading):
    assert _s105(heading) == []


def test_s105_silent_on_the_frames_and_prose():
    assert codes_lines(report(2017, "一是加强领导，二是完善制度。1.5万元已全部到位。"), select="S105", dedent=False) == []


def test_s105_silent_text_is_clean_for_all_rules():
    body = f"（一）加强组织领导\n\n{_TEXT}\n\n（二）完善工作制度\n\n1.建立台账。\n\n2.定期通报。"
    assert codes_lines(report(2017, body), dedent=False) == []


def test_s105_docstring_examples():
    wrong, right = doc_example("S105", "示例（错误）"), doc_example("S105", "示例（正确）")
    for frame in era_frames("S105", f"{wrong}\n\n{_TEXT}"):
        assert codes_lines(frame, select="S105", dedent=False)
    for frame in era_frames("S105", f"{right}\n\n{_TEXT}"):
        assert codes_lines(frame, select="S105", dedent=False) == []
