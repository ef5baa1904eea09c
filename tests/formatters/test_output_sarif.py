"""`sarif`: SARIF 2.1.0.

No package on PyPI ships the SARIF 2.1.0 JSON schema (sarif-om, sarif-tools,
pysarif, simple-sarif and pydantic-sarif were checked), so this test holds the
output to the structure that schema requires — the required properties of
sarifLog, run, tool, toolComponent, reportingDescriptor, result, message,
location, physicalLocation, artifactLocation and region, with the schema's
property names, types, enums and minimums — plus the cross-references a
validator cannot see (ruleIndex, levels, help texts, regions).
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from fmtutil import diag, in_root, result, run  # noqa: F401
from reportlint.formatters import FormatOptions
from reportlint.formatters.sarif import artifact_uri, sarif_log
from reportlint.plugins import load_registry

_MESSAGE = {"type": "object", "required": ["text"], "additionalProperties": False,
            "properties": {"text": {"type": "string", "minLength": 1}, "markdown": {"type": "string"}}}
_PROPS = {"type": "object"}
SARIF_STRUCTURE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object", "required": ["version", "runs"], "additionalProperties": False,
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "maxItems": 1, "items": {"$ref": "#/$defs/run"}},
    },
    "$defs": {
        "run": {"type": "object", "required": ["tool"], "additionalProperties": False, "properties": {
            "tool": {"type": "object", "required": ["driver"], "additionalProperties": False,
                     "properties": {"driver": {"$ref": "#/$defs/toolComponent"}}},
            "language": {"type": "string", "pattern": "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$"},
            "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
            "results": {"type": "array", "items": {"$ref": "#/$defs/result"}}}},
        "toolComponent": {"type": "object", "required": ["name"], "additionalProperties": False, "properties": {
            "name": {"type": "string"}, "version": {"type": "string"}, "informationUri": {"type": "string"},
            "rules": {"type": "array", "items": {"$ref": "#/$defs/reportingDescriptor"}}}},
        "reportingDescriptor": {"type": "object", "required": ["id"], "additionalProperties": False, "properties": {
            "id": {"type": "string"}, "name": {"type": "string"},
            "shortDescription": _MESSAGE, "fullDescription": _MESSAGE, "help": _MESSAGE,
            "defaultConfiguration": {"type": "object", "additionalProperties": False, "properties": {
                "level": {"enum": ["none", "note", "warning", "error"]}}},
            "properties": _PROPS}},
        "result": {"type": "object", "required": ["message"], "additionalProperties": False, "properties": {
            "ruleId": {"type": "string"}, "ruleIndex": {"type": "integer", "minimum": -1},
            "level": {"enum": ["none", "note", "warning", "error"]},
            "message": _MESSAGE,
            "locations": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/location"}},
            "properties": _PROPS}},
        "location": {"type": "object", "additionalProperties": False, "properties": {
            "physicalLocation": {"$ref": "#/$defs/physicalLocation"},
            "logicalLocations": {"type": "array", "items": {"type": "object", "additionalProperties": False, "properties": {
                "name": {"type": "string"}, "fullyQualifiedName": {"type": "string"}, "kind": {"type": "string"}}}}}},
        "physicalLocation": {"type": "object", "required": ["artifactLocation"], "additionalProperties": False,
                             "properties": {
                                 "artifactLocation": {"type": "object", "required": ["uri"], "additionalProperties": False,
                                                      "properties": {"uri": {"type": "string", "minLength": 1}}},
                                 "region": {"$ref": "#/$defs/region"}}},
        "region": {"type": "object", "required": ["startLine"], "additionalProperties": False, "properties": {
            "startLine": {"type": "integer", "minimum": 1}, "startColumn": {"type": "integer", "minimum": 1},
            "endLine": {"type": "integer", "minimum": 1}, "endColumn": {"type": "integer", "minimum": 1}}},
    },
}


def _check(log: dict) -> None:
    errors = list(jsonschema.Draft202012Validator(SARIF_STRUCTURE).iter_errors(log))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    for res in run_["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
        uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert "\\" not in uri and not uri.startswith("/")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_examples_sarif(in_root, capsys, lang):
    findings = json.loads(run(capsys, "examples", "--format", "json", "--lang", lang)[1])["diagnostics"]
    code, out, _ = run(capsys, "examples", "--format", "sarif", "--lang", lang)
    log = json.loads(out)
    assert code == 1
    _check(log)
    run_ = log["runs"][0]
    assert log["$schema"].endswith("sarif-2.1.0.json") and run_["language"] == ("zh-CN" if lang == "zh" else "en-US")
    assert run_["tool"]["driver"]["name"] == "reportlint" and run_["tool"]["driver"]["version"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    got = [(r["ruleId"], r["level"], r["message"]["text"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in run_["results"]]
    assert got == [(d["code"], levels[d["severity"]], d["message"], d["path"], d["line"], d["column"]) for d in findings]
    registry = load_registry()
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert set(rules) == {d["code"] for d in findings}
    w601 = rules["W601"]
    assert w601["name"] == "jiezhi-misuse" and w601["defaultConfiguration"]["level"] == "warning"
    assert w601["help"]["text"] == registry.rules["W601"].doc(lang).strip()
    assert w601["fullDescription"]["text"] == registry.rules["W601"].doc(lang).split("\n\n")[0].strip()
    assert rules["D401"]["shortDescription"]["text"] == ("不存在的日期" if lang == "zh" else "A date that does not exist")


def test_multi_line_region_and_locator():
    registry = load_registry()
    r1 = result("报告 一.txt", "甲\n乙\n丙\n", [diag("报告 一.txt", "D403", (1, 2, 3, 1), "跨行")])
    r2 = result("a.docx", "段落\n", [diag("a.docx", "W601", (1, 1, 1, 3), "截止", locator="t2r3c4")])
    log = sarif_log([r1, r2], FormatOptions(lang="en", rules=registry.rules))
    _check(log)
    res = log["runs"][0]["results"]
    assert res[0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "%E6%8A%A5%E5%91%8A%20%E4%B8%80.txt"},
        "region": {"startLine": 1, "startColumn": 2, "endLine": 3, "endColumn": 1}}
    assert res[1]["locations"][0]["logicalLocations"] == [
        {"name": "table 2 row 3 column 4", "fullyQualifiedName": "t2r3c4", "kind": "element"}]


def test_artifact_uri(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert artifact_uri("sub/a b.txt") == "sub/a%20b.txt"
    assert artifact_uri(str(tmp_path / "x.txt")) == "x.txt"
    outside = artifact_uri(str(tmp_path.parent / "y.txt"))
    assert outside.startswith("file:///") and outside.endswith("/y.txt")
