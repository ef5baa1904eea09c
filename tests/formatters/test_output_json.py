"""`json`: the shape is documented by reportlint/schemas/output.schema.json, shipped in the package."""

from __future__ import annotations

import json
import os
import shutil
from importlib import resources

import jsonschema
import pytest

from fmtutil import EXAMPLE_FILES, EXAMPLES, in_root, run  # noqa: F401


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("reportlint").joinpath("schemas/output.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _valid(validator, data):
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.mark.parametrize("name", EXAMPLE_FILES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_example_validates(validator, capsys, name, lang):
    code, out, _ = run(capsys, os.path.join(EXAMPLES, name), "--format", "json", "--lang", lang)
    data = json.loads(out)
    _valid(validator, data)
    s = data["summary"]
    assert s["total"] == len(data["diagnostics"]) == sum(s["by_severity"].values()) == sum(s["by_code"].values())
    assert code == (1 if s["by_severity"]["error"] else 0)
    assert all(d["path"].endswith(name) for d in data["diagnostics"])


def test_whole_examples_folder_validates(validator, in_root, capsys):
    data = json.loads(run(capsys, "examples", "--format", "json")[1])
    _valid(validator, data)
    assert data["summary"]["files"] == len(EXAMPLE_FILES) and data["summary"]["total"] == 20
    assert {d["code"] for d in data["diagnostics"]} >= {"C501", "D401", "T204", "W601"}


def test_schema_rejects_what_it_should(validator, in_root, capsys):
    data = json.loads(run(capsys, "examples/faulty-2017-bureau.txt", "--format", "json")[1])
    bad = json.loads(json.dumps(data))
    bad["diagnostics"][0]["severity"] = "fatal"
    assert not validator.is_valid(bad)
    bad = json.loads(json.dumps(data))
    bad["diagnostics"][0]["extra"] = 1
    assert not validator.is_valid(bad)
    bad = json.loads(json.dumps(data))
    del bad["summary"]["by_severity"]["info"]
    assert not validator.is_valid(bad)


def test_baseline_summary_validates(validator, tmp_path, capsys):
    report = tmp_path / "r.txt"
    shutil.copy(os.path.join(EXAMPLES, "faulty-2017-bureau.txt"), report)
    baseline = tmp_path / "baseline.json"
    assert run(capsys, str(report), "--isolated", "--write-baseline", str(baseline))[0] == 0
    text = report.read_text("utf-8")
    assert "截止2017年底" in text
    report.write_text(text.replace("截止2017年底", "截至2017年底"), encoding="utf-8")  # fixes the W601 entry
    data = json.loads(run(capsys, str(report), "--isolated", "--baseline", str(baseline), "--format", "json")[1])
    _valid(validator, data)
    b = data["summary"]["baseline"]
    assert b["hidden"] == 7 and [e["code"] for e in b["stale"]] == ["W601"] and data["diagnostics"] == []
    text_out = run(capsys, str(report), "--isolated", "--baseline", str(baseline))[1]
    assert "隐藏了 7 个已记录的问题" in text_out and "失效" in text_out


def test_each_diagnostic_is_one_line_and_the_summary_is_indented(in_root, capsys):
    _, out, _ = run(capsys, "examples", "--format", "json")
    data = json.loads(out)
    lines = out.splitlines()
    listed = [json.loads(line.strip().rstrip(",")) for line in lines if line.startswith("    {")]
    assert listed == data["diagnostics"] and len(listed) > 10
    assert lines[:2] == ["{", '  "diagnostics": ['] and lines[-1] == "}"
    assert '  "summary": {' in lines and '    "total": %d,' % len(listed) in lines


def test_no_diagnostics_is_an_empty_list(tmp_path, capsys):
    clean = tmp_path / "empty.txt"
    clean.write_text("", encoding="utf-8")
    _, out, _ = run(capsys, str(clean), "--format", "json", "--select", "C503")
    assert json.loads(out)["diagnostics"] == [] and '"diagnostics": [],' in out


def test_the_one_line_encoder_writes_what_the_standard_encoder_writes():
    from reportlint.formatters.json_format import _one_line_encoder

    plain = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    encode = _one_line_encoder()
    for obj in ({"code": "N301", "evidence": {"parts": [64, 27], "sum": 2.5, "ok": True, "none": None}},
                {"message": "“引号”\n\t\"\\", "locator": "t2r3", "nested": {"a": [[], {}]}}, {}):
        assert encode(obj) == plain(obj)


def test_each_diagnostic_line_is_what_encoding_its_dict_gives():
    """The template in json_format must write exactly ``to_dict``, key order included."""
    from reportlint.engine import Diagnostic, FileResult
    from reportlint.formatters.json_format import _diagnostic_lines, _one_line_encoder
    from reportlint.rule import Edit, Message, Severity
    from reportlint.source import Span

    encode = _one_line_encoder()
    tricky = "“引号”\n\t\"\\ \x01 \u2028 😀"
    made = [
        Diagnostic("a/报告.txt", "N301", "breakdown-sum", Severity.ERROR, Span(3, 1, 3, 9), Message("合计不符", "sum"),
                   {"parts": [64, 27], "sum": 2.5, "ok": True, "none": None, "span": Span(1, 2, 3, 4)}),
        Diagnostic(tricky, "C501", tricky, Severity.WARNING, Span(1, 155, 2, 1), Message(tricky, tricky),
                   {tricky: {"nested": [[], {}, (1, 2)]}}, (Edit(Span(1, 1, 1, 2), "〔"),), locator=tricky),
        Diagnostic("b.docx", "T203", "x", Severity.INFO, Span(0, 0, 0, 0), Message("", ""), {}, locator="t2r3c4"),
    ]
    results = [FileResult("a/报告.txt", made[:1]), FileResult(tricky, made[1:2]), FileResult("b.docx", made[2:]),
               FileResult("clean.txt", []), FileResult("a/报告.txt", made[:1]).slim(), FileResult("c.txt", made)]
    for lang in ("zh", "en"):
        assert _diagnostic_lines(results, lang) == [encode(d.to_dict(lang)) for r in results for d in r.diagnostics]
        assert [json.loads(line) for line in _diagnostic_lines(results, lang)] == [
            json.loads(json.dumps(d.to_dict(lang))) for r in results for d in r.diagnostics]
