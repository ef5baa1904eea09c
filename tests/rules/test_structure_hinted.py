"""S107 finds repetitions among the units that count, after one whole-report test that no text
comes twice: the cases where trivial units stand inside a repetition, where texts differ only
in whitespace, and where one repetition follows another."""

from __future__ import annotations

from helpers import lint, report


def _s107(text: str) -> list[tuple[int, int, int]]:
    return [(d.line, d.evidence.get("first_line"), d.evidence.get("count")) for d in lint(text, select="S107")]


def _line(text: str, piece: str, nth: int = 0) -> int:
    return [i for i, l in enumerate(text.splitlines(), 1) if l.startswith(piece)][nth]


FORM = ("主动公开政府信息审批单\n\n填报单位：某某局办公室\n\n"
        "拟公开的信息内容\t公务用车管理制度\n保密审查意见\t同意公开\n领导审批意见\t同意\n")


def test_s107_trivial_lines_inside_a_repetition_do_not_break_it():
    block = "主动公开政府信息审批单\n\n2017\n\n填报单位：某某局办公室\n\n拟公开的信息内容为公务用车管理制度\n"
    other = "主动公开政府信息审批单\n\n（1）\n\n填报单位：某某局办公室\n\n拟公开的信息内容为公务用车管理制度\n"
    text = report(body=block + "\n" + other)
    assert _s107(text) == [(_line(text, "主动公开政府信息审批单", 1), _line(text, "主动公开政府信息审批单"), 3)]


def test_s107_texts_differing_only_in_whitespace_repeat():
    para = "我局严格落实保密审查制度，所有拟公开的政府信息均经科室负责人初审、分管领导复核后方予公开。"
    spaced = "\u3000\u3000我局严格落实 保密审查制度，所有拟公开的政府信息均经科室负责人初审、分管领导复核后方予公开。"
    text = report(body=f"{para}\n\n（一）其他\n\n{spaced}")
    assert _s107(text) == [(_line(text, "\u3000\u3000我局"), _line(text, para), 1)]


def test_s107_one_repetition_after_another():
    para = "我局严格落实保密审查制度，所有拟公开的政府信息均经科室负责人初审、分管领导复核后方予公开。"
    text = report(body=FORM + "\n" + para + "\n\n" + FORM + "\n" + FORM + "\n" + para)
    forms = [_line(text, "主动公开政府信息审批单", k) for k in range(3)]
    # The third form and the paragraph after it repeat the first form and its paragraph.
    assert _s107(text) == [(forms[1], forms[0], 5), (forms[2], forms[0], 6)]


def test_s107_no_text_twice_is_silent():
    text = report(body="第一段内容，说明本年度政务公开的主要做法。\n\n第二段内容，说明存在的问题。\n")
    assert _s107(text) == []


def test_content_cues_are_plain_words():
    # S101 looks for each word of a cue with str.find: a cue must stay an alternation of plain words.
    import re

    from reportlint.rules.structure import _REG2008_ITEMS, _REG2008_WORDS

    assert all(re.escape(w) == w for words in _REG2008_WORDS for w in words)
    assert ["|".join(words) for words in _REG2008_WORDS] == [cue for _, _, cue in _REG2008_ITEMS]


def test_six_sections_are_found_once_per_report_and_shared():
    import pytest

    from reportlint.parse import parse_source
    from reportlint.readers.text import source_from_text
    from reportlint.rules.structure import six_section_headings

    parsed = parse_source(source_from_text("x.txt", report(2021, body="（一）主动公开情况\n\n本年度主动公开信息。")))
    first = six_section_headings(parsed)
    assert six_section_headings(parsed) is first  # one search per report, whichever rule asks
    with pytest.raises(TypeError):
        first["一"] = None  # type: ignore[index]  # shared, so it cannot be changed
