"""W-rules that look in the whole report for a character or a literal piece of what they report
before any regex search of a block: every kind of match each hint stands for must still be found,
and clean text that holds the hints must stay silent.

Every case asserts the exact (code, line) list.
"""

from __future__ import annotations

from helpers import body_codes_lines, body_lines_of, frame_line, report


# --------------------------------------------------------------------------- W604

def test_w604_every_placeholder_character():
    lines = ["我局XX年公开信息。", "我局xx局公开信息。", "我局ＸＸ局公开信息。", "我局××市公开信息。",
             "我局○○年公开信息。", "我局〇〇年公开信息。", "我局**局公开信息。"]
    body = "\n\n".join(lines)
    assert body_codes_lines(body, "W604") == body_lines_of(body, "W604", *lines)


def test_w604_every_slot_bracket():
    lines = ["报送单位：【单位名称】。", "报送日期：[日期]。", "依据文件：［文号］。"]
    body = "\n\n".join(lines)
    assert body_codes_lines(body, "W604") == body_lines_of(body, "W604", *lines)


def test_w604_salutation_ticks_boxes_and_signers():
    lines = ["现将贵办来函办理情况报告如下。", "公开形式（画√选定）。", "公开形式（请打✓）。", "公开形式(划✔)。",
             "门户网站() 报刊(）。", "政务微博（ ）。", "承办人：", "经办人 ：  公开时间：2018年1月5日"]
    body = "\n\n".join(lines)
    assert body_codes_lines(body, "W604") == body_lines_of(body, "W604", *lines)


def test_w604_clean_text_holding_the_hints_stays_silent():
    body = ("王××同志申请公开信息。二〇〇〇年以来我局积累了宝贵办事经验（含政策解读10条），"
            "联系人：张三，网址：http://www.example.gov.cn。附件[1]已公开，√表示已完成。")
    assert body_codes_lines(body, "W604") == []


# --------------------------------------------------------------------------- W605

def test_w605_every_word_that_picks_a_block():
    lines = ["联系电话：0953-290559。", "传真：0953-290559。", "手机：1381234567。", "服务热线：0953-290559。",
             "地址ltqjgj@163。", "地址ltqjgj＠163.com。", "邮箱：ltqjgj。", "电子信箱：ltqjgj。", "E-mail:ltqjgj。",
             "EMAIL:ltqjgj。", "邮编：75110。"]
    body = "\n\n".join(lines)
    assert body_codes_lines(body, "W605") == body_lines_of(body, "W605", *lines)


def test_w605_well_formed_contacts_stay_silent():
    body = ("联系电话：0953-2905595，传真：0953-2905596，手机：13812345678，服务热线：12345，"
            "电子邮箱：ltqjgj@163.com，Email:ltqjgj@163.com，邮编：751100，微博@河西人社。")
    assert body_codes_lines(body, "W605") == []


# --------------------------------------------------------------------------- W602

def test_w602_every_half_width_mark_that_picks_a_block():
    lines = ["我局发布信息,并及时更新。", "我局发布信息;并及时更新。", "我局发布信息:通知公告。", "我局是否发布信息?是的。",
             "我局发布信息!及时更新。", "我局通过门户网站(含政务微博)发布信息。", "我局通过门户网站（含政务微博)发布信息。",
             "我局通过门户网站(含政务微博）发布信息。"]
    body = "\n\n".join(lines)
    assert body_codes_lines(body, "W602") == body_lines_of(body, "W602", *lines)


def test_w602_half_width_marks_outside_chinese_text_stay_silent():
    body = "网址：http://www.example.gov.cn，时间9:30，金额1,200元，比例3.5%，文号(2017)，(WeChat)，[指南](指南.md)，门户网站()。"
    assert body_codes_lines(body, "W602") == []


# --------------------------------------------------------------------------- W601
# One search of the whole text: a 截止 is reported only where its time follows in the same block.

def test_w601_in_several_blocks_and_at_a_block_start():
    lines = ["截止目前，我局召开会议1次。", "我局截止2017年底公开信息，截止 十二月办结。"]
    body = "\n\n".join(lines)
    assert body_codes_lines(body, "W601") == [("W601", frame_line(lines[0], report(body=body)))] + [
        ("W601", frame_line(lines[1], report(body=body)))] * 2


def test_w601_a_time_in_the_next_block_does_not_count():
    body = "申请受理工作已截止\n\n目前，我局召开会议1次。截止日期为3月31日。"
    assert body_codes_lines(body, "W601") == []
