"""`html`: one self-contained page; escaping, in-place highlights, spans that cross lines and overlap."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from fmtutil import EXAMPLE_FILES, diag, in_root, result, run  # noqa: F401
from reportlint.formatters import FormatOptions
from reportlint.formatters import html as html_format
from reportlint.plugins import load_registry
from reportlint.rule import Severity

VOID = {"meta", "br", "hr", "img", "input", "link"}


class _Nesting(HTMLParser):
    """Fails on any badly nested or unclosed element; counts tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def _parse(page: str) -> _Nesting:
    p = _Nesting()
    p.feed(page)
    p.close()
    assert not p.errors and not p.stack, (p.errors[:3], p.stack)
    return p


def _self_contained(page: str) -> None:
    lowered = page.lower()
    for bad in ("<script", "<link", " src=", "url(", "@import", 'href="http', "href='http", "javascript:"):
        assert bad not in lowered, bad


def _source_lines(page: str, file_index: int = 1) -> dict[int, str]:
    """line number → inner HTML of its source cell, for one file section."""
    return {int(n): inner for n, inner in re.findall(
        rf'<div class="line[^"]*" id="file-{file_index}-L(\d+)"><span class="ln">\d+</span><span class="src">(.*?)</span></div>', page, re.S)}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_examples_page(in_root, capsys, lang):
    code, page, _ = run(capsys, "examples", "--format", "html", "--lang", lang)
    assert code == 1 and page.startswith("<!DOCTYPE html>")
    assert f'<html lang="{"zh-CN" if lang == "zh" else "en"}">' in page
    tree = _parse(page)
    _self_contained(page)
    # summary table by rule: code, name, severity, count; 20 findings of 20 rules
    rows = re.findall(r"<tr><td><code>([A-Z]\d{3})</code></td><td>([a-z-]+)</td><td>[^<]*</td><td><span class=\"sev (\w+)\">[^<]*</span></td><td class=\"n\">(\d+)</td></tr>", page)
    assert len(rows) == 20 and ("W601", "jiezhi-misuse", "warning", "1") in rows
    assert ("检查了 6 个文件" if lang == "zh" else "Checked 6 file(s)") in page
    marks = [a for t, a in tree.tags if t == "mark"]
    assert len(marks) >= 20 and all(a.get("title") for a in marks)
    # the report text is shown line by line, unchanged apart from the markup
    i = EXAMPLE_FILES.index("faulty-2017-bureau.txt") + 1  # sections are numbered by the file's place in the run
    assert f'<a href="#file-{i}">examples/faulty-2017-bureau.txt</a>' in page
    with open("examples/faulty-2017-bureau.txt", encoding="utf-8") as fh:
        original = fh.read().splitlines()
    shown = _source_lines(page, i)
    assert [html.unescape(re.sub(r"<[^>]+>", "", shown[n])) for n in sorted(shown)] == original
    # W601 in faulty-2017-bureau line 15 is marked exactly on 截止, and listed under the line
    assert '">截止</mark>' in shown[15]
    after = page.split(f'id="file-{i}-L15"', 1)[1].split(f'id="file-{i}-L16"', 1)[0]
    assert "W601" in after and "<ul class=\"findings\">" in after


def test_escapes_everything(tmp_path, capsys):
    nasty = "截止<script>alert(\"x&y\")</script> & 'q' \"dq\" XX"
    p = tmp_path / "<b>&'bad\".txt"
    p.write_text(f"某局2017年政府信息公开工作年度报告\n\n{nasty}\n", encoding="utf-8")
    page = run(capsys, str(p), "--format", "html", "--isolated")[1]
    _parse(page)
    _self_contained(page)
    assert "<b>" not in page and "&lt;b&gt;&amp;&#x27;bad&quot;.txt" in page
    assert "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;" in page
    body = page.split("<body>", 1)[1]
    assert not re.search(r"&(?!(amp|lt|gt|quot|#x27);)", body), "an unescaped &"
    line = _source_lines(page)[3]
    assert html.unescape(re.sub(r"<[^>]+>", "", line)) == nasty


def test_overlapping_and_multi_line_spans():
    text = "abcdefghij\nklmnopqrst\nuvwxyz\n"
    ds = [diag("r.txt", "A101", (1, 3, 1, 8), "one", severity=Severity.INFO),
          diag("r.txt", "A102", (1, 5, 1, 10), "two", severity=Severity.ERROR),
          diag("r.txt", "A103", (1, 9, 3, 3), "<crosses>"),
          diag("r.txt", "A104", (2, 4, 2, 4), "empty span")]
    page = html_format.format_results([result("r.txt", text, ds)], FormatOptions(lang="en"))
    _parse(page)
    lines = _source_lines(page)
    pieces = {n: re.findall(r'<mark class="(\w+)( multi)?" title="([^"]*)">([^<]*)</mark>', inner, re.S) for n, inner in lines.items()}
    # line 1: ab [cd:A101] [efg:A101+A102] [h:A102] [i:A102+A103] [j:A103]
    assert [(c, bool(m), t) for c, m, _, t in pieces[1]] == [
        ("info", False, "cd"), ("error", True, "efg"), ("error", False, "h"), ("error", True, "i"), ("warning", False, "j")]
    assert "A101 [info] one" in html.unescape(pieces[1][1][2]) and "A102 [error] two" in html.unescape(pieces[1][1][2])
    assert "&lt;crosses&gt;" in pieces[1][4][2]
    # line 2: the crossing span covers the whole line (and A104's empty span is widened to one character)
    assert [t for *_, t in pieces[2]] == ["klm", "n", "opqrst"] and pieces[2][1][1] == " multi"
    # line 3: up to column 3 (exclusive)
    assert [t for *_, t in pieces[3]] == ["uv"]
    for n, inner in lines.items():
        assert html.unescape(re.sub(r"<[^>]+>", "", inner)) == text.splitlines()[n - 1]
    # each finding is listed once, under its first line
    assert page.count("<code>A103</code>") == 2  # the rules table and the listing
    listing = page.split('id="file-1-L1"', 1)[1].split('id="file-1-L2"', 1)[0]
    assert all(f"<code>{c}</code>" in listing for c in ("A101", "A102", "A103"))


def test_unreadable_file_and_long_file():
    gone = type(result("a", "", []))("gone.txt", [diag("gone.txt", "E001", (1, 1, 1, 1), "无法读取", severity=Severity.ERROR)], None)
    long = result("long.txt", "".join(f"第{i}行\n" for i in range(1, 3001)), [diag("long.txt", "W601", (1500, 1, 1500, 2), "x")])
    page = html_format.format_results([gone, long], FormatOptions(rules=load_registry().rules))
    _parse(page)
    assert "无法读取" in page and "（无法显示原文）" in page
    shown = _source_lines(page, 2)
    assert sorted(shown) == list(range(1495, 1506)) and "（省略 1494 行）" in page and "（省略 1495 行）" in page
