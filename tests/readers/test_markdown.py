"""The Markdown reader: marks removed with places kept, and inline suppression comments."""

from __future__ import annotations

import os
import textwrap

import pytest

from reportlint.engine import Linter
from reportlint.readers.markdown import read_markdown
from reportlint.readers.text import read_text
from helpers import report

EXAMPLES = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, "examples"))


def _md(text: str):
    return read_markdown("r.md", textwrap.dedent(text).lstrip("\n").encode("utf-8"))


def test_plain_markdown_reads_exactly_as_text():
    with open(os.path.join(EXAMPLES, "clean-2021-department.txt"), "rb") as fh:
        data = fh.read()
    md, txt = read_markdown("r.md", data), read_text("r.txt", data)
    assert (md.logical, md.roles, md.layout, md.lines) == (txt.logical, txt.roles, txt.layout, txt.lines)


def test_marks_are_removed_and_places_kept():
    source = _md("""
        # 某局2017年政府信息公开工作年度报告

        ## 一、**主动公开**政府信息的情况

        > 全年公开信息[120条](https://example.invalid/list)。![图](a.png)

        - 公开渠道包括门户网站。

        ***

        | 项目 | 数量 |
        |---|---:|
        | 主动公开 | 120 |
        """)
    assert [line.text for line in source.logical] == [
        "某局2017年政府信息公开工作年度报告", "一、主动公开政府信息的情况", "全年公开信息120条。", "公开渠道包括门户网站。",
        "| 项目 | 数量 |", "| 主动公开 | 120 |"]
    heading = source.logical[1]
    assert heading.position(heading.text.index("主动")) == (3, 8)
    assert heading.position(heading.text.index("政府")) == (3, 14)
    quote = source.logical[2]
    assert quote.position(quote.text.index("120")) == (5, 10) and quote.position(quote.text.index("。")) == (5, 45)
    assert [c.text for c in source.logical[5].cells] == ["主动公开", "120"]


def test_fenced_code_is_left_alone():
    source = _md("""
        ```
        ## 一、示例
        ```
        """)
    assert [line.text for line in source.logical] == ["## 一、示例"]


def _lint_md(tmp_path, body: str):
    text = report(2017, textwrap.dedent(body).strip("\n"))
    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    return ([(d.code, d.line) for d in Linter().lint_file(str(path)).diagnostics],
            lambda needle: next(n for n, line in enumerate(lines, 1) if needle in line))


def test_disable_and_enable_a_code(tmp_path):
    found, line = _lint_md(tmp_path, """
        截止目前，共召开会议3次。

        <!-- reportlint-disable W601 -->
        截止2017年底，共召开会议5次。
        <!-- reportlint-enable -->

        截止年底，印发文件2件。
        """)
    assert found == [("W601", line("3次")), ("W601", line("2件"))]


def test_disable_by_prefix_and_all(tmp_path):
    found, line = _lint_md(tmp_path, """
        <!-- reportlint-disable W6 D -->
        截止2017年底，共召开会议5次，于2017年 月 日完成。
        <!-- reportlint-enable W6 D -->
        <!-- reportlint-disable -->
        截止目前，XX局召开会议3次。
        <!-- reportlint-enable -->
        截止年底，印发文件2件。
        """)
    assert found == [("W601", line("2件"))]


def test_enabling_another_code_leaves_the_region_open_to_the_end(tmp_path):
    found, line = _lint_md(tmp_path, """
        <!-- reportlint-disable W601 -->
        截止2017年底，共召开会议5次。
        <!-- reportlint-enable D402 -->
        截止年底，XX局印发文件2件。
        """)
    assert found == [("W604", line("2件"))]


def test_comments_are_not_report_text(tmp_path):
    found, _ = _lint_md(tmp_path, """
        <!-- 待办：XX局的数字
             截止目前还没有核对 -->
        全年召开会议3次。
        """)
    assert found == []


def test_suppression_comment_in_a_text_file_is_not_honoured(tmp_path):
    """Only .md and .html have comments; in a .txt the comment is text (and W601 still fires)."""
    text = report(2017, "<!-- reportlint-disable W601 -->\n\n截止目前，共召开会议3次。")
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    assert "W601" in [d.code for d in Linter().lint_file(str(path)).diagnostics]


@pytest.mark.parametrize("comment,codes", [
    ("<!-- reportlint-disable W601, D402 理由：引用 -->", ("W601", "D402")),
    ("<!--reportlint-disable ALL-->", ()),
    ("<!-- reportlint-disable -->", ()),
])
def test_comment_forms(comment, codes):
    source = read_markdown("r.md", f"{comment}\n正文\n".encode())
    assert [s.codes for s in source.suppressions] == [codes]
    assert source.suppressions[0].start == (1, 1)
