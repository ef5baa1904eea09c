"""W602 halfwidth-punctuation, W603 digit-spacing, W605 contact-format.

Every case asserts the exact (code, line) list, for firing and for silent text;
the fixes of W602 and W603 are applied to the original text and must make the
rule silent while touching only the reported characters.
"""

from __future__ import annotations

import textwrap

import pytest
from fixapply import changed_lines, diags, doc_example, era_frames, fixed
from helpers import codes_lines, frame_line, line_no, report, wrapped_report


def _lines(code: str, body: str) -> list[tuple[str, int]]:
    return codes_lines(report(2017, body), select=code, dedent=False)


def _at(body: str, marker: str | None = None) -> int:
    return frame_line(marker or body[:10], report(2017, body))


# --------------------------------------------------------------------------- W602

@pytest.mark.parametrize("body,want", [
    ("我局通过门户网站发布信息,并及时更新。", "我局通过门户网站发布信息，并及时更新。"),
    ("我局通过门户网站发布信息, 并及时更新。", "我局通过门户网站发布信息，并及时更新。"),
    ("主要做法如下:一是加强领导;二是完善制度。", "主要做法如下：一是加强领导；二是完善制度。"),
    ("如何做好公开?我局从三个方面入手。", "如何做好公开？我局从三个方面入手。"),
    ("我局通过门户网站(含政务微博)发布信息。", "我局通过门户网站（含政务微博）发布信息。"),
    ("本年度(2017年)我局未收到申请。", "本年度（2017年）我局未收到申请。"),
    ("我局发布政策文件12件（含政策解读10条)，均已归档。", "我局发布政策文件12件（含政策解读10条），均已归档。"),
    ("联系人:张三，《条例》,第二十条。", "联系人：张三，《条例》，第二十条。"),
])
def test_w602_fires_and_fix_makes_the_marks_full_width(body, want):
    text = report(2017, body)
    found = codes_lines(text, select="W602", dedent=False)
    assert found and set(found) == {("W602", _at(body))}
    assert changed_lines(text, fixed(text, "W602")) == [(body, want)]


def test_w602_one_finding_per_mark_or_bracket_pair():
    body = "我局通过门户网站(含政务微博)发布信息,并及时更新。"
    line = _at(body)
    assert _lines("W602", body) == [("W602", line), ("W602", line)]


def test_w602_heading_with_half_width_brackets():
    body = "(一)加强组织领导\n\n局党组把政府信息公开工作纳入年度目标考核。"
    text = report(2017, body)
    assert codes_lines(text, select="W602", dedent=False) == [("W602", frame_line("(一)加强", text))]
    assert changed_lines(text, fixed(text, "W602")) == [("(一)加强组织领导", "（一）加强组织领导")]


def test_w602_mark_at_a_line_break_of_wrapped_text():
    lines = ["我局全年在门户网站主动公开政府信息120条，在政务微博发布信息,",
             "并在政务公开栏张贴公告，进一步拓宽了政府信息公开的渠道和",
             "范围。"]
    text = wrapped_report(lines)
    first = line_no(text, lines[0])
    assert codes_lines(text, select="W602", dedent=False) == [("W602", first)]
    (d,) = diags(text, "W602")
    assert [(e.span.line, e.span.column, e.span.end_line, e.replacement) for e in d.fix] == [
        (first, len(lines[0]), first, "，")]
    assert changed_lines(text, fixed(text, "W602")) == [(lines[0], lines[0][:-1] + "，")]


@pytest.mark.parametrize("body", [
    "本报告电子版可在门户网站http://www.example.gov.cn/xxgk/下载，或发送邮件至abc@163.com索取。",
    "我局每天9:30至11:30接待查阅，平均办理时间3.5个工作日，全年接待1,200人次。",
    "英文版摘要为 Open Government Information: Annual Report, 2017 (Draft).",
    "本年度(2017)共收到申请3件，详见附件(1)和(2)。",
    "我局开通微信公众号(WeChat)发布信息。",
    "详见[政府信息公开指南](指南.md)和![公开流程图](流程图.png)。",
    "拟采取的公开形式：门户网站() 报刊()",
    "1.强化时限管理。建立信息更新提醒机制。",
    "电话:0951-5012345，传真:0951-5012346。",
    "我局通过门户网站（含政务微博）发布信息，并及时更新。",
])
def test_w602_silent(body):
    assert _lines("W602", body) == []


def test_w602_leaves_the_heading_separator_to_s105():
    body = "（一）,加强组织领导\n\n局党组把政府信息公开工作纳入年度目标考核。"
    text = report(2017, body)
    assert codes_lines(text, select=("W602", "S105"), dedent=False) == [("S105", frame_line("（一）,", text))]


def test_w602_silent_text_is_clean_for_all_rules():
    body = ("本报告电子版可在门户网站http://www.example.gov.cn/xxgk/下载，每天9:30至11:30接待查阅，"
            "平均办理时间3.5个工作日。")
    assert codes_lines(report(2017, body), dedent=False) == []


def test_w602_seed_check_boxes_are_w604_not_w602():
    # Seed 000 lines 58/68 ("may"): an empty () is an unticked box, reported by W604 only.
    body = "拟采取的公开形式\t① 区内外相关网站() ②门户网站() ③其他() (画√选定)"
    assert _lines("W602", body) == []


# --------------------------------------------------------------------------- W603

def test_w603_reports_the_spaced_minority_and_fixes_it():
    body = "我局主动公开政府信息71条，其中工作动态40 条，政策文件31条。"
    text = report(2017, body)
    assert codes_lines(text, select="W603", dedent=False) == [("W603", _at(body, "工作动态40 条"))]
    assert changed_lines(text, fixed(text, "W603")) == [(body, body.replace("40 条", "40条"))]


def test_w603_one_finding_per_line_with_an_edit_per_place():
    body = "本报告统计期限为 2017 年 1 月 1 日至 2017 年 12 月 31 日。"
    text = report(2017, body)
    assert codes_lines(text, select="W603", dedent=False) == [("W603", _at(body))]
    (d,) = diags(text, "W603")
    assert len(d.fix) == 12
    assert changed_lines(text, fixed(text, "W603")) == [(body, body.replace(" ", ""))]


def _spaced_report(odd: str) -> str:
    return textwrap.dedent(f"""\
        某市某区某某局 2017 年政府信息公开工作年度报告

        本报告根据《中华人民共和国政府信息公开条例》编制，统计期限为 2017 年 1 月 1 日至 2017 年 12 月 31 日。

        一、主动公开政府信息的情况

        2017 年，我局主动公开政府信息 120 条，其中工作动态 80 条。{odd}

        二、依申请公开政府信息和不予公开政府信息的情况

        本年度未收到政府信息公开申请，没有不予公开的情况。

        三、政府信息公开的收费及减免情况

        本年度未收取任何费用。

        四、因政府信息公开申请行政复议、提起行政诉讼的情况

        本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。

        五、政府信息公开工作存在的主要问题及改进情况

        公开内容还不够全面，下一步将进一步加强。

        六、其他需要报告的事项

        无。

        某市某区某某局

        2018 年 1 月 20 日
        """)


def test_w603_reports_the_unspaced_minority_when_most_are_spaced():
    text = _spaced_report("另有通知公告40条。")
    line = frame_line("另有通知公告", text)
    assert codes_lines(text, select="W603", dedent=False) == [("W603", line)]
    (d,) = diags(text, "W603")
    assert [(e.span.column, e.span.end_column, e.replacement) for e in d.fix] == [
        (e.span.column, e.span.column, " ") for e in d.fix]
    after = fixed(text, "W603")
    assert "另有通知公告 40 条。" in after


@pytest.mark.parametrize("odd", ["", "另有通知公告  40  条。"])
def test_w603_silent_when_consistent(odd):
    # All spaced; double spaces (alignment) are neither style.
    assert codes_lines(_spaced_report(odd), select="W603", dedent=False) == []


@pytest.mark.parametrize("body", [
    "我局主动公开政府信息71条，其中工作动态40条，政策文件31条。",
    "全年办结率100%，平均办理时间3.5个工作日。",
    # a number split from its unit by a line break is neither style
    "我局主动公开政府信息71条，其中工作动态40条。",
])
def test_w603_silent(body):
    assert _lines("W603", body) == []


def test_w603_a_number_at_the_start_of_a_continuation_line_is_neither_style():
    # "…政务信息" ends one line, "40 条。" starts the next: the reader joins them without a
    # space, but nobody typed them side by side, and a space inserted there would not survive.
    odd = "另外，我局还通过政务微博、政务微信和政务公开栏等渠道发布了各类政务信息\n40 条。"
    text = _spaced_report(odd)
    from reportlint.readers.text import source_from_text

    assert any("政务信息40 条" in line.text for line in source_from_text("s.txt", text).logical)
    assert codes_lines(text, select="W603", dedent=False) == []


def test_w603_table_cells_are_not_counted():
    body = "信息类别\t数量\n政策文件\t12 条\n工作动态\t40 条"
    assert _lines("W603", body) == []


# --------------------------------------------------------------------------- W605

@pytest.mark.parametrize("body,marker", [
    ("如对本报告有疑问，请与我局办公室联系（联系电话：0953-290559）。", "如对本报告"),
    ("如对本报告有疑问，请与我局办公室联系（电话：010-1234567）。", "如对本报告"),
    ("如对本报告有疑问，请与我局办公室联系（传真：0953-29055）。", "如对本报告"),
    ("如对本报告有疑问，请拨打咨询电话：139123456789。", "如对本报告"),
    ("如对本报告有疑问，请拨打手机：1391234567。", "如对本报告"),
    ("如对本报告有疑问，请发送邮件至电子邮箱：ltqjgj@163。", "如对本报告"),
    ("如对本报告有疑问，请发送邮件至电子邮箱：ltqjgj＠163.com。", "如对本报告"),
    ("如对本报告有疑问，请发送邮件至电子邮箱：ltqjgj@163,com。", "如对本报告"),
    ("如对本报告有疑问，请发送邮件至电子邮箱：ltqjgj163.com。", "如对本报告"),
    ("地址：河西区滨河路28号，邮编：73510。", "地址：河西区"),
    ("如对本报告有疑问，请发送邮件至ltqjgj@163。com。", "如对本报告"),
    ("地址：河西区滨河路28号，邮政编码：7351001。", "地址：河西区"),
])
def test_w605_fires(body, marker):
    assert _lines("W605", body) == [("W605", _at(body, marker))]


def test_w605_each_malformed_item_is_reported():
    body = "联系电话：0953-290559；电子邮箱：ltqjgj@163；邮编：75110。"
    line = _at(body)
    assert _lines("W605", body) == [("W605", line)] * 3


@pytest.mark.parametrize("body", [
    "如对本报告有疑问，请与我局联系（地址：河西区滨河路28号；邮编：735100；电话：0937-6215830）。",
    "联系电话：0953-2905595；电子邮箱：ltqjgj@163.com。",
    "联系电话：010-12345678，传真：0951-50123456。",
    "联系电话：（0951）5012345，手机：13912345678。",
    "联系电话：0951 5012345、5012346或139-1234-5678。",
    "联系电话：0951-5012345转801，0951-5012345-802。",
    "政务服务热线：12345，投诉电话：12315，服务热线：400-123-4567，客服电话：95598。",
    "联系电话：5012345。",
    "联系电话：0953-2905595，2017年共接听群众来电120次。",
    "全年通过咨询电话答复群众咨询412件，接听电话：共120次。",
    "通过12333咨询电话答复群众咨询412件。",
    "欢迎关注@河西人社官方微博，或发邮件至hxrs@hexi.gov.cn.",
    "本报告电子版可在http://www.example.gov.cn下载。",
    "邮编751100，电子邮箱hxrs@hexi.gov.cn。",
    "欢迎来信联系，hxrs@hexi.gov.cn，ABC公司协办。",
    "电子邮箱：hxrs@hexi.gov.cn、hxrs2017@126.com；邮箱：HXRS_2017@qq.com。",
])
def test_w605_silent(body):
    assert _lines("W605", body) == []


def test_w605_silent_text_is_clean_for_all_rules():
    body = "联系电话：（0951）5012345；电子邮箱：hxrs@hexi.gov.cn；邮编：735100。"
    assert codes_lines(report(2017, body), dedent=False) == []


# --------------------------------------------------------------------------- docstrings

@pytest.mark.parametrize("code", ["W602", "W603", "W605"])
def test_docstring_examples(code):
    wrong, right = doc_example(code, "示例（错误）"), doc_example(code, "示例（正确）")
    for frame in era_frames(code, wrong):
        assert codes_lines(frame, select=code, dedent=False), frame
    for frame in era_frames(code, right):
        assert codes_lines(frame, select=code, dedent=False) == []
