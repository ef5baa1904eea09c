"""Safe autofix (``check --fix`` / ``--diff``) and its machinery in reportlint/fix.py.

What must hold: only the reported spans change (a property test), the file
keeps its encoding, BOM and line endings (per line), writes are atomic and
refused when the file changed since it was read or has E-findings, only text
formats are rewritten, and fixing twice equals fixing once. Every test works
on copies in tmp dirs; examples/ is never touched.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import shutil
import stat

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers import report
from reportlint.cli import main
from reportlint.engine import Diagnostic, Linter, Settings
from reportlint.fix import (
    FixError,
    TextEdit,
    apply_edits,
    fix_bytes,
    fix_file,
    line_starts,
    select_fixes,
    to_text_edit,
    unified_diff,
    write_atomic,
)
from reportlint.hookspecs import hookimpl
from reportlint.plugins import load_registry
from reportlint.rule import Edit, Message, Rule, Severity
from reportlint.source import Span

EXAMPLES = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, "examples"))
REPORTS = sorted(f for f in os.listdir(EXAMPLES) if f.endswith(".txt"))


def _digest(folder: str) -> dict[str, str]:
    """sha256 of every file under ``folder`` (relative path → digest)."""
    out = {}
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for f in files:
            path = os.path.join(root, f)
            out[os.path.relpath(path, folder)] = hashlib.sha256(open(path, "rb").read()).hexdigest()
    return out


def _reports_digest() -> dict[str, str]:
    return {f: d for f, d in _digest(EXAMPLES).items() if f in REPORTS}


EXAMPLES_DIGEST = _reports_digest()


@pytest.fixture(autouse=True)
def examples_untouched():
    yield
    assert _reports_digest() == EXAMPLES_DIGEST, "a test modified examples/"


@pytest.fixture
def copies(tmp_path):
    """Copies of the example reports (examples/*.txt) in a tmp dir."""
    d = tmp_path / "examples"
    d.mkdir()
    for f in REPORTS:
        shutil.copy2(os.path.join(EXAMPLES, f), d / f)
    return d


def _write(path, text: str, encoding: str = "utf-8") -> str:
    with open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)
    return str(path)


# --------------------------------------------------------------------------- test rules
# Two rules whose fixes overlap ("甲乙丙": ZX901 wants 甲乙 → 乙, ZX902 wants 乙丙 → 丙), so the
# second only applies after a re-lint; and one whose edit is unsound unless the text is plain.
class _Pair(Rule):
    """测试规则。"""

    severity = Severity.WARNING
    fixable = True
    pair = ""

    def check(self, report, ctx):
        for block in report.text_blocks():
            i = block.text.find(self.pair)
            while i >= 0:
                yield self.finding(block.span(i, i + 2), "对", "pair",
                                   fix=(Edit(block.span(i, i + 2), self.pair[1]),))
                i = block.text.find(self.pair, i + 1)


class JiaYi(_Pair):
    """甲乙（ZX901）。"""

    code, name, pair = "ZX901", "jia-yi", "甲乙"


class YiBing(_Pair):
    """乙丙（ZX902）。"""

    code, name, pair = "ZX902", "yi-bing", "乙丙"


class Swap(Rule):
    """丁戊 → 戊丁（ZX903）: one two-character edit."""

    code, name, severity, fixable = "ZX903", "swap", Severity.WARNING, True

    def check(self, report, ctx):
        for block in report.text_blocks():
            i = block.text.find("丁戊")
            while i >= 0:
                yield self.finding(block.span(i, i + 2), "换", "swap", fix=(Edit(block.span(i, i + 2), "戊丁"),))
                i = block.text.find("丁戊", i + 1)


class Liar(Rule):
    """Claims a fix but is not declared fixable (ZX904)."""

    code, name, severity = "ZX904", "liar", Severity.WARNING

    def check(self, report, ctx):
        for block in report.text_blocks():
            i = block.text.find("己")
            if i >= 0:
                yield self.finding(block.span(i, i + 1), "己", "ji", fix=(Edit(block.span(i, i + 1), "已"),))


class _TestPlugin:
    @hookimpl
    def reportlint_rules(self):
        return [JiaYi, YiBing, Swap, Liar]


TEST_REGISTRY = load_registry(extra=[("test-fix", _TestPlugin())])


def _zx_linter() -> Linter:
    return Linter(Settings(select=("ZX9", "E")), TEST_REGISTRY)


def _diag(line, col, end, rep, code="ZX901"):
    span = Span(line, col, line, end)
    return Diagnostic("x.txt", code, "t", Severity.WARNING, span, Message("", ""), {}, (Edit(span, rep),))


# --------------------------------------------------------------------------- pure functions
def test_line_starts_split_like_the_readers():
    assert line_starts("a\nbc\r\nd\re") == [0, 2, 6, 8]
    assert line_starts("a\u2028b\x85c") == [0]  # only \r\n, \r, \n end a line


def test_to_text_edit_bounds():
    text = "一二三\r\n四五"
    starts, lengths = line_starts(text), [3, 2]
    assert to_text_edit(Edit(Span(1, 2, 1, 3), "X"), starts, lengths) == TextEdit(1, 2, "X")
    assert to_text_edit(Edit(Span(2, 3, 2, 3), "X"), starts, lengths) == TextEdit(7, 7, "X")  # insertion at the end
    assert to_text_edit(Edit(Span(1, 3, 2, 1), ""), starts, lengths) is None  # crosses a line break
    assert to_text_edit(Edit(Span(1, 3, 1, 5), ""), starts, lengths) is None  # would eat the \r\n
    assert to_text_edit(Edit(Span(3, 1, 3, 1), "X"), starts, lengths) is None  # no such line
    assert to_text_edit(Edit(Span(1, 1, 1, 1), "X\n"), starts, lengths) is None  # adds a line


def test_apply_edits_splices_and_refuses_overlap():
    assert apply_edits("abcdef", [TextEdit(4, 5, "E"), TextEdit(0, 1, ""), TextEdit(2, 2, "+")]) == "b+cdEf"
    with pytest.raises(ValueError):
        apply_edits("abcdef", [TextEdit(0, 3, ""), TextEdit(2, 4, "")])
    with pytest.raises(ValueError):
        apply_edits("abcdef", [TextEdit(2, 2, "x"), TextEdit(2, 2, "y")])  # order of two insertions is ambiguous


def test_select_fixes_takes_a_non_overlapping_subset_in_document_order():
    text = "甲乙丙丁"
    a, b, c = _diag(1, 1, 3, "乙"), _diag(1, 2, 4, "丙", "ZX902"), _diag(1, 4, 5, "D")
    chosen, edits = select_fixes(text, [c, b, a])
    assert chosen == [a, c] and edits == [TextEdit(0, 2, "乙"), TextEdit(3, 4, "D")]


def test_select_fixes_skips_unencodable_and_no_op_edits():
    text = "甲乙"
    emoji, same = _diag(1, 1, 2, "😀"), _diag(1, 2, 3, "乙")
    assert select_fixes(text, [emoji, same], encoding="gb2312") == ([], [])


# --------------------------------------------------------------------------- property tests
_LINE = st.text(alphabet=st.sampled_from(list("甲乙丙 ab，。")), max_size=12)


@st.composite
def _text_and_edits(draw):
    lines = draw(st.lists(_LINE, min_size=1, max_size=6))
    endings = draw(st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=len(lines), max_size=len(lines)))
    text = "".join(l + e for l, e in zip(lines, endings))
    if draw(st.booleans()):
        text = text[: -len(endings[-1])]  # no newline at the end
    diags = []
    for _ in range(draw(st.integers(0, 8))):
        ln = draw(st.integers(1, len(lines)))
        a = draw(st.integers(1, len(lines[ln - 1]) + 1))
        b = draw(st.integers(a, len(lines[ln - 1]) + 1))
        diags.append(_diag(ln, a, b, draw(st.sampled_from(["", "〔", "至", " ", "〈〉"]))))
    return text, diags


def _assert_changes_inside(before: str, after: str, diagnostics) -> None:
    """Every character outside the reported edit spans is unchanged, and so is every line ending.

    An oracle in (line, column) space, independent of the offsets fix.py computes:
    each line must read as its old text outside the spans with the replacements in them.
    """
    import re

    old, new = re.split(r"\r\n|\r|\n", before), re.split(r"\r\n|\r|\n", after)
    assert re.findall(r"\r\n|\r|\n", before) == re.findall(r"\r\n|\r|\n", after), "line endings changed"
    edits = sorted((e.span.line, e.span.column, e.span.end_column, e.replacement) for d in diagnostics for e in d.fix)
    for i, (body_o, body_n) in enumerate(zip(old, new), 1):
        expected, pos = [], 1
        for line, col, end, rep in edits:
            if line == i:
                expected += [body_o[pos - 1:col - 1], rep]
                pos = end
        expected.append(body_o[pos - 1:])
        assert body_n == "".join(expected), f"line {i}: {body_o!r} -> {body_n!r}"


def test_select_fixes_never_empties_a_line_between_a_lone_cr_and_a_lf():
    """Emptied, the line would leave ``\\r\\n``: one line ending where there were two."""
    text = "甲\r乙\n丙"
    chosen, edits = select_fixes(text, [_diag(2, 1, 2, "")])
    assert (chosen, edits) == ([], [])
    two_halves = [_diag(2, 1, 2, "", "ZX901"), _diag(2, 1, 2, "", "ZX902")]  # conflict: only the first is tried
    assert select_fixes(text, two_halves) == ([], [])
    swap, drop = _diag(2, 1, 2, "戊"), _diag(2, 2, 3, "")  # together they leave 戊: the line stays
    chosen, edits = select_fixes("甲\r乙丙\n丁", [drop, swap])
    assert chosen == [swap, drop] and apply_edits("甲\r乙丙\n丁", edits) == "甲\r戊\n丁"
    for same_endings in ("甲\n乙\n丙", "甲\r\n乙\r\n丙", "甲\r乙\r丙", "甲\n乙\r丙", "甲\r乙"):
        assert select_fixes(same_endings, [_diag(2, 1, 2, "")])[1] != []  # no merge possible: applied


def test_two_fixes_that_empty_a_fragile_line_together_are_not_both_taken():
    text = "甲\r乙丙\n丁"
    first, second = _diag(2, 1, 2, ""), _diag(2, 2, 3, "")
    chosen, edits = select_fixes(text, [first, second])
    assert chosen == [first]
    assert apply_edits(text, edits) == "甲\r丙\n丁"


@given(_text_and_edits())
@example(("\n\ra\n", [_diag(3, 1, 2, "")]))  # found by Hypothesis: the lone CR and the LF became a CRLF
def test_property_apply_changes_nothing_outside_the_edits(case):
    text, diags = case
    chosen, edits = select_fixes(text, diags)
    _assert_changes_inside(text, apply_edits(text, edits), chosen)


# Report bodies built from correct sentences and sentences with fixable slips.
_FRAGMENTS = [
    "我局主动公开政府信息120条。",
    "截止目前，我局共召开专题会议3次。",
    "截止日期为2018年3月31日。",
    "按照《关于做好政务公开工作的通知》（安政办发[2018]6号）要求开展工作。",
    "按照《关于做好政务公开工作的通知》（安政办发〔2018〕6号）要求开展工作。",
    "认真贯彻《安平市实施<中华人民共和国政府信息公开条例>办法》。",
    "甲乙丙丁戊，己。",
    "根据《通知》（安政办发〔2018〕第006号）要求，，我局及时部署。。",
    "我局于2018年09月05日召开会议,研究部署政务公开工作;会议由局长主持.",
    "全年公开信息 120 条，其中政策文件35条，工作动态 85 条。",
    "《《中华人民共和国政府信息公开条例》》规定的内容全部公开。",
    "联系电话:0937-8821645，网址:http://www.example.gov.cn。",
]


@st.composite
def _report_bytes(draw):
    body = draw(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=6))
    text = report(2017, "\n\n".join(body))
    lines = text.split("\n")
    endings = draw(st.lists(st.sampled_from(["\n", "\r\n"]), min_size=len(lines), max_size=len(lines)))
    text = "".join(l + e for l, e in zip(lines, endings))[: -len(endings[-1])] + endings[-1]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    return text, text.encode(encoding)


_ALL_AND_ZX = Linter(Settings(select=("ALL",)), TEST_REGISTRY)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=40, deadline=None)
@given(_report_bytes())
def test_property_real_fixes_change_only_the_reported_spans_and_are_idempotent(case):
    text, data = case
    out = fix_bytes(_ALL_AND_ZX, "r.txt", data)
    assert out.note is None
    texts = [before for before, _ in out.passes] + [out.after]
    for k, (before, fixed) in enumerate(out.passes):
        # the spans the fixed findings of that round report are the only places that changed
        _assert_changes_inside(before, texts[k + 1], fixed)
    if out.changed:
        import re

        assert re.findall(r"\r\n|\r|\n", out.after) == re.findall(r"\r\n|\r|\n", text)
        assert out.fixed.startswith(data[:2]) or not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE))
        again = fix_bytes(_ALL_AND_ZX, "r.txt", out.fixed)
        assert again.applied == 0 and not again.changed
    assert not any(d.fix for d in out.result.diagnostics if d.code in ("C501", "C503", "W601", "ZX901", "ZX902"))


# --------------------------------------------------------------------------- the loop
def test_overlapping_fixes_converge_over_rounds(tmp_path):
    p = _write(tmp_path / "r.txt", report(2017, "甲乙丙。"))
    out = fix_file(_zx_linter(), p)
    assert out.applied == 2 and len(out.passes) == 2
    assert "丙。" in out.after and "甲" not in out.after and "乙丙" not in out.after
    assert out.result.diagnostics == []


def test_edit_over_markdown_marks_or_a_line_break_is_refused(tmp_path):
    # In Markdown the rule sees "丁戊" but the file holds "丁**戊": swapping would eat the marks.
    md = _write(tmp_path / "r.md", report(2017, "**丁**戊，丁戊。"))
    out = fix_file(_zx_linter(), md)
    assert out.applied == 1
    assert "**丁**戊，戊丁。" in out.after
    assert [d.code for d in out.result.diagnostics] == ["ZX903"]  # the unsafe one remains, reported


def test_fix_not_declared_fixable_is_not_applied(tmp_path):
    p = _write(tmp_path / "r.txt", report(2017, "己经完成。"))
    out = fix_file(_zx_linter(), p)
    assert out.applied == 0 and not out.changed


# --------------------------------------------------------------------------- bytes on disk
@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8-sig", codecs.BOM_UTF8), ("gb18030", b""),
                                          ("utf-16", codecs.BOM_UTF16_LE)])
def test_encoding_bom_and_mixed_line_endings_are_kept(tmp_path, encoding, bom):
    text = report(2017, "截止目前，我局共召开专题会议3次。")
    lines = text.split("\n")
    mixed = "".join(l + ("\r\n" if i % 2 else "\n") for i, l in enumerate(lines[:-1]))  # CRLF on odd lines
    p = tmp_path / "r.txt"
    p.write_bytes(mixed.encode(encoding))
    assert main(["check", "--fix", str(p)]) == 0
    expected = mixed.replace("截止目前", "截至目前").encode(encoding)
    assert p.read_bytes() == expected and p.read_bytes().startswith(bom)


def test_file_changed_on_disk_is_not_overwritten(tmp_path):
    p = _write(tmp_path / "r.txt", report(2017, "截止目前，共召开会议3次。"))
    out = fix_file(Linter(), p)
    assert out.changed
    _write(p, report(2017, "有人同时在编辑。"))
    with pytest.raises(FixError):
        write_atomic(p, out.fixed, expected=out.original)
    assert "有人同时在编辑" in open(p, encoding="utf-8").read()
    assert os.listdir(tmp_path) == ["r.txt"]  # no temporary file left behind


def test_cli_reports_a_write_refused_because_the_file_changed(tmp_path, monkeypatch, capsys):
    import reportlint.fix as fixmod

    p = _write(tmp_path / "r.txt", report(2017, "截止目前，共召开会议3次。"))
    real = fixmod.fix_file

    def racing(linter, path, **kw):
        out = real(linter, path, **kw)
        _write(path, report(2017, "截止目前，有人同时在编辑。"))
        return out

    monkeypatch.setattr(fixmod, "fix_file", racing)
    assert main(["check", "--fix", p]) == 2
    err = capsys.readouterr().err
    assert "已被修改" in err
    assert "有人同时在编辑" in open(p, encoding="utf-8").read()


def test_write_keeps_permissions_and_follows_symlinks(tmp_path):
    target = tmp_path / "real.txt"
    _write(target, report(2017, "截止目前，共召开会议3次。"))
    os.chmod(target, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert main(["check", "--fix", str(link)]) == 0
    assert os.path.islink(link)
    assert "截至目前" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["link.txt", "real.txt"]


def test_file_with_e_findings_is_never_written(tmp_path, capsys):
    # No year anywhere: E003; the W601 slip stays, the file is untouched.
    text = report(2017, "截止目前，共召开会议3次。").replace("2017年", "本").replace("2018年", "次年")
    p = _write(tmp_path / "r.txt", text)
    before = open(p, "rb").read()
    main(["check", "--fix", p])
    captured = capsys.readouterr()
    assert open(p, "rb").read() == before
    assert "E003" in captured.err and "W601" in captured.out and "已修复 0 处" in captured.out


def test_non_text_formats_report_fixes_but_are_not_written(tmp_path, capsys):
    body = report(2017, "截止目前，共召开会议3次。")
    html = "<html><body>" + "".join(f"<p>{l}</p>" for l in body.splitlines() if l.strip()) + "</body></html>"
    p = _write(tmp_path / "r.html", html)
    main(["check", "--fix", p, "--format", "json"])
    captured = capsys.readouterr()
    assert open(p, encoding="utf-8").read() == html
    assert '"W601"' in captured.out and '"fixable": true' in captured.out
    assert "只改写纯文本文件" in captured.err and "已修复 0 处" in captured.err


def test_encoding_that_does_not_round_trip_is_refused(tmp_path, monkeypatch, capsys):
    import reportlint.readers.decode as dec

    text = report(2017, "截止目前，共召开会议3次。")
    p = tmp_path / "r.txt"
    p.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert fix_file(Linter(), str(p)).changed  # control: UTF-16 with BOM round-trips
    real = dec.decode
    # A detector that decodes these bytes to text which would not encode back to the same bytes.
    monkeypatch.setattr(dec, "decode", lambda data: dec.Decoded(real(data).text, "utf-8", False))
    out = fix_file(Linter(), str(p))
    assert not out.changed and "无法原样写回" in out.note.zh
    before = p.read_bytes()
    main(["check", "--fix", str(p)])
    assert p.read_bytes() == before and "cannot be written back" not in capsys.readouterr().err  # zh by default


# --------------------------------------------------------------------------- the examples
def _loud(diags):
    return sorted((d.code, d.line) for d in diags)


def test_fix_on_examples_leaves_only_non_fixable_findings_and_is_idempotent(copies, capsys):
    before = {f: _loud(Linter().lint_file(str(copies / f)).diagnostics) for f in os.listdir(copies)}
    fixable_before = {f: [(d.code, d.line) for d in Linter().lint_file(str(copies / f)).diagnostics if d.fix]
                      for f in os.listdir(copies)}
    assert fixable_before["faulty-2017-bureau.txt"] == [("C501", 3), ("W601", 15)]
    assert fixable_before["faulty-2018-township-wrapped.txt"] == [("C503", 29)]
    main(["check", "--fix", str(copies)])
    out = capsys.readouterr().out
    total = sum(len(v) for v in fixable_before.values())
    assert f"已修复 {total} 处。" in out
    for f in os.listdir(copies):
        after = Linter().lint_file(str(copies / f)).diagnostics
        assert not any(d.fix for d in after), f
        assert _loud(after) == sorted(set(before[f]) - set(fixable_before[f])), f
    snapshot = _digest(str(copies))
    main(["check", "--fix", str(copies)])
    assert "已修复 0 处。" in capsys.readouterr().out
    assert _digest(str(copies)) == snapshot
    changed = {f for f in snapshot if snapshot[f] != EXAMPLES_DIGEST[f]}
    assert changed == {"faulty-2017-bureau.txt", "faulty-2018-township-wrapped.txt"}


def test_fixed_bureau_changes_exactly_the_slips(copies):
    p = copies / "faulty-2017-bureau.txt"
    orig = p.read_text(encoding="utf-8").splitlines(keepends=True)
    main(["check", "--fix", str(p)])
    new = p.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(orig, new) if a != b]
    assert len(orig) == len(new) and len(changed) == 2
    assert "安政办发〔2018〕6号" in changed[0][1] and changed[0][0].replace("[2018]", "〔2018〕") == changed[0][1]
    assert changed[1][0].replace("截止2017年底", "截至2017年底") == changed[1][1]


def test_diff_prints_a_unified_diff_and_writes_nothing(copies, capsys):
    p = copies / "faulty-2018-township-wrapped.txt"
    assert main(["check", "--diff", str(p)]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(f"--- {p}\n+++ {p}\n@@ ")
    assert "-条例》和《安平市实施<中华人民共和国政府信息公开条例>办\n" in captured.out
    assert "+条例》和《安平市实施〈中华人民共和国政府信息公开条例〉办\n" in captured.out
    assert "可修复 1 处" in captured.err
    assert _digest(str(copies)) == EXAMPLES_DIGEST
    assert main(["check", "--diff", str(copies / "clean-2017-department.txt")]) == 0
    assert capsys.readouterr().out == ""


def test_diff_marks_a_missing_final_newline(tmp_path):
    p = _write(tmp_path / "r.txt", report(2017).rstrip("\n") + "截止目前无。")
    out = fix_file(Linter(), p)
    assert unified_diff(out).endswith("+" + out.after.splitlines()[-1] + "\n\\ No newline at end of file\n")


def test_fix_in_english(tmp_path, capsys):
    p = _write(tmp_path / "r.txt", report(2017, "截止目前，共召开会议3次。"))
    main(["check", "--fix", "--lang", "en", p])
    assert capsys.readouterr().out.splitlines()[-1] == "Fixed 1."


def test_unknown_year_blocks_the_write_even_when_e003_is_not_selected(tmp_path, capsys):
    text = report(2017, "截止目前，共召开会议3次。").replace("2017年", "本").replace("2018年", "次年")
    p = _write(tmp_path / "r.txt", text)
    main(["check", "--fix", "--select", "W601", p])
    captured = capsys.readouterr()
    assert open(p, encoding="utf-8").read() == text
    assert "E003" in captured.err and ": W601 " in captured.out
