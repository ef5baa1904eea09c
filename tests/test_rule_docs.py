"""Every rule matches the catalogue, documents itself in both languages, and its
examples do what they say.

RULES.md is the contract: codes, names and default severities are stable. This
test reads the catalogue table of the shared spec when it is present (CI has
``../shared`` beside the checkout) and a copy of the rows otherwise.

Documentation pages
    The Chinese page is the rule's docstring, with the headings 作用 / 为什么 /
    示例（错误） / 示例（正确） / 选项; the English page is ``doc_en``, with
    Purpose / Why / Wrong / Right / Options. The English Wrong / Right sections
    repeat every line of the Chinese examples verbatim (report text stays
    Chinese) and add an English gloss.

Runnable examples
    The text under 示例（错误） must make the rule report its code, the text
    under 示例（正确） must not. An example is read line by line (after
    dedenting) in one of these forms:

    * **Report text** (the default): the lines are placed in a clean report
      frame — ``helpers.report`` (a 2017 report, reg2008) or
      ``tablegen.report_2021`` (2020 for fmt2019, 2022 for fmt2021; the text
      goes into section 三, before table 三) — once for each era the rule
      applies to. Inside report text these lines are special:

      - ``标题：…`` replaces the frame's title; the year in it picks the one
        frame (and era) the example runs in;
      - ``落款日期：…`` replaces the frame's closing date;
      - ``表格：2019年格式`` / ``表格：2021年格式`` gives the frame the clean
        tables of that format instead of the report year's;
      - a line with ``|`` between cells is a table row, patched into the
        frame's tables: the first cell names the row (matched as the start of
        a label cell; the cells after it replace the frame's), and
        ``行政复议`` / ``未经复议直接起诉`` / ``复议后起诉`` name the five
        cells of that group in table 四's number row;
      - a line wholly in full-width parentheses ``（…）`` is a comment and is
        not placed, except ``（表二）`` / ``（表三）`` / ``（表四）`` in the
        sections form below, which stand for the frame's table of that name.

      When the report text starts with a level-1 heading (``一、``…), it
      replaces the frame's sections from the first through the last numeral
      it names, instead of being placed in section 一 or 三.
    * ``全文：`` followed by the whole file: linted as it stands, no frame.
    * ``字节：`` followed by hexadecimal bytes (a trailing ``（…）`` note is
      ignored): the bytes are read as the file ``example.txt``.
    * ``上一年度报告：`` … ``本年度报告：`` …: two pieces of report text for
      the cross-report rules, framed in consecutive years of the same agency
      and linted as a pair (last year's frame carries its applications and
      its stock of documents over to this year's, so the clean pair is
      silent); the finding must be in this year's report.

    Rules whose examples cannot be run are listed in ``NOT_RUNNABLE`` with the
    reason.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field

import pytest

import tablegen as g
from helpers import report as reg2008_report
from reportlint.engine import Linter, Settings
from reportlint.model import Era
from reportlint.patterns import match_heading
from reportlint.plugins import load_registry
from reportlint.readers.text import source_from_text

HEADINGS = ("作用", "为什么", "示例（错误）", "示例（正确）", "选项")
HEADINGS_EN = ("Purpose", "Why", "Wrong", "Right", "Options")
SPEC = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "spec", "RULES.md")
REGISTRY = load_registry()
RULES = {c: r for c, r in REGISTRY.rules.items() if REGISTRY.rule_plugins[c] == "builtin"}

#: Rules whose examples the test cannot run, with the reason.
NOT_RUNNABLE = {
    "E900": "raised by the engine when a rule's check() raises; no report text makes a built-in rule crash "
            "(the engine behaviour is tested in test_plugins.py with crashing plugin rules)",
}


def _catalogue() -> dict[str, tuple[str, str]]:
    rows = {}
    with open(SPEC, encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"\|\s*([A-Z]\d{3})\s*\|\s*([a-z0-9-]+)\s*\|\s*(error|warning|info)\s*\|", line)
            if m:
                rows[m.group(1)] = (m.group(2), m.group(3))
    return rows


needs_spec = pytest.mark.skipif(not os.path.exists(SPEC), reason="shared/spec/RULES.md is not beside this checkout")


# --------------------------------------------------------------------------- catalogue <-> registry
@needs_spec
@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_matches_catalogue(code):
    catalogue = _catalogue()
    assert code in catalogue, f"{code} is not in RULES.md"
    rule = RULES[code]
    assert (rule.name, rule.severity.value) == catalogue[code]


@needs_spec
def test_catalogue_has_rows():
    assert len(_catalogue()) >= 49  # E4 S10 T9 N4 D7 C7 W5 X3


@needs_spec
@pytest.mark.parametrize("code", sorted(_catalogue()) if os.path.exists(SPEC) else [])
def test_catalogue_code_is_a_builtin_rule(code):
    name, severity = _catalogue()[code]
    assert code in RULES, f"{code} ({name}) is in RULES.md but is not a built-in rule"
    assert (RULES[code].name, RULES[code].severity.value) == (name, severity)


# --------------------------------------------------------------------------- pages
def page_sections(page: str, headings: tuple[str, ...]) -> dict[str, str]:
    """The text under each heading of a documentation page (dedented, blank lines kept)."""
    out: dict[str, list[str]] = {}
    current = None
    for line in page.splitlines():
        if line.strip() in headings and not line[:1].isspace():
            current = line.strip()
            out[current] = []
        elif current is not None:
            out[current].append(line)
    return {k: textwrap.dedent("\n".join(v)).strip("\n") for k, v in out.items()}


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_docstring_has_required_headings(code):
    doc = RULES[code].doc()
    lines = [l.strip() for l in doc.splitlines()]
    for heading in HEADINGS:
        assert heading in lines, f"{code}: docstring lacks the heading {heading}"
    assert [lines.index(h) for h in HEADINGS] == sorted(lines.index(h) for h in HEADINGS)
    sections = page_sections(doc, HEADINGS)
    assert sections["示例（错误）"].strip() and sections["示例（正确）"].strip(), f"{code}: an example is empty"


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_has_english_page(code):
    rule = RULES[code]
    assert rule.doc_en.strip(), f"{code} has no English page (doc_en)"
    page = rule.doc("en")
    assert page != rule.doc("zh")
    lines = [l.strip() for l in page.splitlines()]
    for heading in HEADINGS_EN:
        assert heading in lines, f"{code}: the English page lacks the heading {heading}"
    assert [lines.index(h) for h in HEADINGS_EN] == sorted(lines.index(h) for h in HEADINGS_EN)
    assert code in lines[0], f"{code}: the English summary line should name the code"
    sections = page_sections(page, HEADINGS_EN)
    assert sections["Wrong"].strip() and sections["Right"].strip()


@pytest.mark.parametrize("code", sorted(RULES))
def test_english_examples_repeat_the_chinese_ones(code):
    """The English page shows the same example text (a report is Chinese in any language)."""
    zh = page_sections(RULES[code].doc("zh"), HEADINGS)
    en = page_sections(RULES[code].doc("en"), HEADINGS_EN)
    for zh_heading, en_heading in (("示例（错误）", "Wrong"), ("示例（正确）", "Right")):
        en_lines = {l.strip() for l in en[en_heading].splitlines()}
        missing = [l.strip() for l in zh[zh_heading].splitlines() if l.strip() and l.strip() not in en_lines]
        assert not missing, f"{code}: the English {en_heading} example lacks the lines {missing}"


# --------------------------------------------------------------------------- runnable examples
ERA_YEAR = {Era.REG2008: 2017, Era.FMT2019: 2020, Era.FMT2021: 2022}
_T4_GROUP = {"行政复议": 0, "未经复议直接起诉": 1, "行政诉讼·未经复议直接起诉": 1, "复议后起诉": 2, "行政诉讼·复议后起诉": 2}
_TABLE_NAMES = ("表二", "表三", "表四")
_COMMENT_RE = re.compile(r"^（.*）$")


def _is_comment(line: str) -> bool:
    """A line wholly in one pair of full-width parentheses."""
    if not _COMMENT_RE.match(line):
        return False
    depth = 0
    for i, ch in enumerate(line):
        depth += ch == "（"
        depth -= ch == "）"
        if depth == 0:
            return i == len(line) - 1
    return False


@dataclass
class Piece:
    """Report text of an example, ready to be framed."""

    title: str | None = None
    closing: str | None = None
    table_format: int | None = None
    rows: list[list[str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the report text; "\0表三" stands for a frame table

    @property
    def year(self) -> int | None:
        m = re.search(r"(?:19|20)\d{2}", re.sub(r"\s+", "", self.title or ""))
        return int(m.group(0)) if m else None

    @property
    def sections_form(self) -> bool:
        first = next((l for l in self.lines if l.strip()), "")
        h = match_heading(first)
        return h is not None and h[0] == 1


@dataclass
class Example:
    form: str  # "text", "file", "bytes", "pair"
    piece: Piece | None = None
    previous: Piece | None = None
    text: str = ""
    data: bytes = b""


def _after_label(line: str, label: str) -> str:
    return line[len(label):].strip()


def parse_piece(lines: list[str]) -> Piece:
    p = Piece()
    for raw in lines:
        line = raw.strip()
        if line.startswith("标题："):
            p.title = _after_label(line, "标题：")
        elif line.startswith("落款日期："):
            p.closing = _after_label(line, "落款日期：")
        elif line.startswith("表格："):
            p.table_format = int(re.match(r"\d{4}", _after_label(line, "表格：")).group(0))
        elif "|" in line:
            p.rows.append([c.strip() for c in line.strip("|").split("|")])
        elif _is_comment(line):
            if line[1:-1] in _TABLE_NAMES:
                p.lines.append("\0" + line[1:-1])
        else:
            p.lines.append(line)
    return p


def parse_example(text: str) -> Example:
    lines = text.splitlines()
    first = next((l.strip() for l in lines if l.strip()), "")
    if first.startswith("字节："):
        hexes = re.sub(r"（.*?）", "", _after_label(first, "字节："))
        return Example("bytes", data=bytes.fromhex(hexes))
    if first.startswith("全文："):
        i = next(i for i, l in enumerate(lines) if l.strip() == first)
        rest = [_after_label(first, "全文：")] if _after_label(first, "全文：") else []
        return Example("file", text="\n".join(rest + lines[i + 1:]).strip("\n") + "\n")
    starts = [i for i, l in enumerate(lines) if l.strip().startswith(("上一年度报告：", "本年度报告："))]
    if starts:
        assert len(starts) == 2 and lines[starts[0]].strip().startswith("上一年度报告："), "a pair needs both parts"
        a, b = starts

        def part(i, j):
            head = lines[i].strip().split("：", 1)[1].strip()
            return parse_piece(([head] if head else []) + lines[i + 1:j])

        return Example("pair", previous=part(a, b), piece=part(b, len(lines)))
    return Example("text", piece=parse_piece(lines))


def _patch_row(tables: list[str], cells: list[str]) -> list[str]:
    key = cells[0]
    if key in _T4_GROUP:
        t4 = tables[2].split("\n")
        values = t4[-1].split("\t")
        k = _T4_GROUP[key] * 5
        assert len(cells) == 6, f"a table 四 group has 5 cells: {cells}"
        values[k:k + 5] = cells[1:]
        t4[-1] = "\t".join(values)
        return [tables[0], tables[1], "\n".join(t4)]
    out = list(tables)
    for n, table in enumerate(out):
        rows = table.split("\n")
        for r, row in enumerate(rows):
            frame_cells = row.split("\t")
            idx = next((i for i, c in enumerate(frame_cells) if c and c.startswith(key)), None)
            if idx is not None:
                rows[r] = "\t".join(frame_cells[:idx] + cells)
                out[n] = "\n".join(rows)
                return out
    raise AssertionError(f"no table row of the frame is labelled {key!r}")


_LEVEL1_RE = re.compile(r"^([一二三四五六七八九十]{1,3})、")
_CN = "〇一二三四五六七八九十"


def _replace_sections(text: str, lines: list[str], tables: dict[str, str], signature: str) -> str:
    out_lines = text.split("\n")
    heads = {}
    for i, l in enumerate(out_lines):
        m = _LEVEL1_RE.match(l)
        if m and "\t" not in l:  # table 三's rows 一、 … 四、 are not headings
            heads[_CN.index(m.group(1)) if len(m.group(1)) == 1 else 10] = i
    nums = sorted(_CN.index(match_heading(l)[1]["num"]) for l in lines
                  if match_heading(l) and match_heading(l)[0] == 1)
    lo, hi = nums[0], nums[-1]
    start = heads[lo]
    end = heads.get(hi + 1) or max(i for i, l in enumerate(out_lines) if l.strip() == signature)
    body = []
    for l in lines:
        body.append(tables[l[1:]] if l.startswith("\0") else l)
    return "\n".join(out_lines[:start] + body + [""] + out_lines[end:])


def frame(piece: Piece, year: int) -> str:
    """The report text of ``piece`` in the clean frame of ``year``."""
    era = Era.for_year(year)
    closing = piece.closing
    if era is Era.REG2008:
        assert not piece.rows, "table rows need a fmt2019/fmt2021 frame"
        agency = "某市某区某某局"
        body = "" if piece.sections_form else "\n".join(l for l in piece.lines if not l.startswith("\0"))
        text = reg2008_report(year, body, agency=agency, closing=closing)
        tables = {}
    else:
        agency = "安平市某某局"
        t2, t3, t4 = g.tables_for(piece.table_format or year)
        tables_ = [t2, t3, t4]
        for cells in piece.rows:
            tables_ = _patch_row(tables_, cells)
        t2, t3, t4 = tables_
        tables = dict(zip(_TABLE_NAMES, tables_))
        body = "" if piece.sections_form else "\n".join(l for l in piece.lines if not l.startswith("\0"))
        text = g.report_2021(t3, t4, year=year, prose3=body, agency=agency, closing=closing, t2_text=t2)
    if piece.sections_form:
        text = _replace_sections(text, piece.lines, tables, agency)
    if piece.title is not None:
        lines = text.split("\n")
        lines[0] = piece.title
        text = "\n".join(lines)
    return text


def _previous(piece: Piece, year: int) -> Piece:
    """Last year's piece of a pair, on a frame that continues this year's clean frame:
    its 四、结转下年度 is this frame's 二、上年结转 [1, 0, 0, 0, 0, 0, 1] (X701), and in the
    2021 format its 行政规范性文件 in force is 25 − 3 + 1 = 23 (X703)."""
    base = []
    if Era.for_year(year - 1) is not Era.REG2008:
        base.append(["四、结转下年度继续办理", "1", "0", "0", "0", "0", "0", "1"])
    if Era.for_year(year - 1) is Era.FMT2021:
        base.append(["行政规范性文件", "3", "1", "23"])
    return Piece(piece.title, piece.closing, piece.table_format, base + piece.rows, piece.lines)


def _years(rule, piece: Piece) -> list[int]:
    if piece.year is not None:
        assert Era.for_year(piece.year) in rule.eras, f"{rule.code}: the example's year {piece.year} is not in the rule's eras"
        return [piece.year]
    return [ERA_YEAR[e] for e in Era if e in rule.eras]


def run_example(rule, text: str) -> list[tuple[str, list[str]]]:
    """[(what was linted, codes reported)] for each frame the example runs in."""
    ex = parse_example(text)
    linter = Linter(Settings(select=(rule.code,)))
    if ex.form == "bytes":
        return [("bytes", [d.code for d in linter.lint_bytes("example.txt", ex.data).diagnostics])]
    if ex.form == "file":
        return [(ex.text, [d.code for d in linter.lint_source(source_from_text("example.txt", ex.text)).diagnostics])]
    out = []
    for year in _years(rule, ex.piece):
        text = frame(ex.piece, year)
        result = linter.lint_source(source_from_text(f"{year}.txt", text))
        assert result.report is not None and result.report.year == (ex.piece.year or year), text
        if ex.form == "pair":
            before = frame(_previous(ex.previous, year), year - 1)
            prev = linter.lint_source(source_from_text(f"{year - 1}.txt", before))
            linter.lint_across([result], previous=prev)
            text = before + "\n=====\n" + text
        out.append((text, [d.code for d in result.diagnostics]))
    return out


RUNNABLE = sorted(c for c in RULES if c not in NOT_RUNNABLE)


@pytest.mark.parametrize("year", sorted(ERA_YEAR.values()))
def test_frames_are_clean(year):
    """A wrong example fires because of its own text: the frames (alone and as a pair) are clean."""
    linter = Linter(Settings())
    for y in (year - 1, year):
        alone = linter.lint_source(source_from_text(f"{y}.txt", frame(Piece(), y)))
        assert alone.report.era is Era.for_year(y)
        assert [(d.code, d.line) for d in alone.diagnostics] == []
    result = linter.lint_source(source_from_text(f"{year}.txt", frame(Piece(), year)))
    prev = linter.lint_source(source_from_text(f"{year - 1}.txt", frame(_previous(Piece(), year), year - 1)))
    linter.lint_across([result], previous=prev)
    assert [(d.code, d.line) for d in result.diagnostics] == []


@pytest.mark.parametrize("code", RUNNABLE)
def test_wrong_example_fires(code):
    rule = RULES[code]
    example = page_sections(rule.doc(), HEADINGS)["示例（错误）"]
    runs = run_example(rule, example)
    assert runs
    for text, codes in runs:
        assert code in codes, f"{code}: the wrong example does not fire in\n{text}"


@pytest.mark.parametrize("code", RUNNABLE)
def test_right_example_is_silent(code):
    rule = RULES[code]
    example = page_sections(rule.doc(), HEADINGS)["示例（正确）"]
    runs = run_example(rule, example)
    assert runs
    for text, codes in runs:
        assert code not in codes, f"{code}: the right example fires in\n{text}"


def test_not_runnable_is_short_and_current():
    assert set(NOT_RUNNABLE) <= set(RULES)
    assert len(NOT_RUNNABLE) <= 2


# --------------------------------------------------------------------------- the CLI
def _cli(*args: str) -> str:
    out = subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True, text=True, check=True)
    return out.stdout


def test_explain_english_prints_the_english_page():
    out = _cli("explain", "W601", "--lang", "en")
    assert out.strip().endswith(RULES["W601"].doc("en").strip())
    for heading in HEADINGS_EN:
        assert heading in out.splitlines()
    assert "作用" not in out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("code", sorted(RULES))
def test_explain_every_code(code, lang, capsys):
    from reportlint.cli import main

    assert main(["explain", code, "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{code} {RULES[code].name} ")
    assert RULES[code].doc(lang) in out


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_rules_lists_every_code(fmt, capsys):
    from reportlint.cli import main

    assert main(["rules", "--format", fmt]) == 0
    out = capsys.readouterr().out
    for code, rule in RULES.items():
        assert code in out and rule.name in out and rule.summary("zh") in out


def test_rules_json_english_summaries():
    import json

    rows = {r["code"]: r for r in json.loads(_cli("rules", "--lang", "en", "--format", "json"))}
    assert set(RULES) <= set(rows)
    for code, rule in RULES.items():
        assert rows[code]["summary"] == rule.summary("en")
        assert not re.search(r"[\u4e00-\u9fff]{4}", rows[code]["summary"]), rows[code]["summary"]
