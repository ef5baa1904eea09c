"""What each option does: per-file ignores, severities, era/kind overrides, deadlines, profiles, rule options."""

from __future__ import annotations

import os
import shutil

import pytest

from cfgutil import EXAMPLES, OPTION_RULE, found, run, run_json, unique, write
from helpers import frame_line, report
from reportlint.config import ConfiguredLinter, Overrides, glob_matches
from reportlint.model import AgencyKind, Era

BODY = "截止目前，我局共召开会议3次。"
TEXT = report(body=BODY)
W601_LINE = frame_line("截止目前", TEXT)
BUREAU = os.path.join(EXAMPLES, "faulty-2017-bureau.txt")          # reg2008 department, closing 2018-02-09
GOV_2019 = os.path.join(EXAMPLES, "clean-2019-government-pipes.txt")  # fmt2019 government, closing 2021-03-19


@pytest.mark.parametrize("glob,path,hit", [
    ("old/**", "old/a/b.txt", True),
    ("old/**", "older/b.txt", False),
    ("**/*.txt", "r.txt", True),
    ("**/*.txt", "a/b/r.txt", True),
    ("*.txt", "a/b/r.txt", True),       # no "/": the file name is enough
    ("a/*.txt", "a/b/r.txt", False),    # "*" stays within one folder
    ("a/?.txt", "a/r.txt", True),
    ("a/[!r].txt", "a/r.txt", False),
    ("./a/r.txt", "a/r.txt", True),
])
def test_glob_matching(tmp_path, glob, path, hit):
    assert glob_matches(glob, str(tmp_path / path), str(tmp_path)) is hit


def test_per_file_ignores_are_relative_to_the_configuration(tmp_path, capsys):
    write(tmp_path / "reportlint.toml", """
        [per-file-ignores]
        "old/**" = ["W601"]
        "*-draft.txt" = ["ALL"]
        "reports/a.txt" = ["W6"]
        "missing-*.txt" = ["E001"]
        """)
    for rel in ("old/2016/r.txt", "new/r-draft.txt", "reports/a.txt", "reports/b.txt"):
        write(tmp_path / rel, TEXT)
    code, data = run_json(capsys, "check", str(tmp_path), str(tmp_path / "missing-1.txt"), str(tmp_path / "gone.txt"),
                          "--fail-on", "warning")
    assert found(data) == [("b.txt", "W601", W601_LINE), ("gone.txt", "E001", 1)]
    # the same file linted from another folder still matches: globs are relative to the configuration file
    sub = tmp_path / "reports"
    cwd = os.getcwd()
    os.chdir(sub)
    try:
        _, data = run_json(capsys, "check", "a.txt", "b.txt")
    finally:
        os.chdir(cwd)
    assert found(data) == [("b.txt", "W601", W601_LINE)]


def test_severity_overrides_longest_prefix_and_off(tmp_path, capsys):
    target = write(tmp_path / "r.txt", report(body=BODY + "\n\n我局于2017年 月 日召开会议。"))
    write(tmp_path / "reportlint.toml", '[severity]\nW6 = "info"\nW601 = "error"\nD402 = "off"\nE001 = "warning"\n')
    code, data = run_json(capsys, "check", target, str(tmp_path / "missing.txt"))
    got = sorted((os.path.basename(d["path"]), d["code"], d["severity"]) for d in data["diagnostics"])
    assert got == [("missing.txt", "E001", "warning"), ("r.txt", "W601", "error")]
    assert code == 1  # W601 is an error now
    write(tmp_path / "reportlint.toml", '[severity]\nW601 = "off"\n')
    code, data = run_json(capsys, "check", target, "--select", "W601")  # "off" wins over select
    assert (code, found(data)) == (0, [])


def test_off_rules_are_not_run(tmp_path):
    target = write(tmp_path / "r.txt", TEXT)
    write(tmp_path / "reportlint.toml", '[severity]\nW601 = "off"\n')
    linter = ConfiguredLinter(config=str(tmp_path / "reportlint.toml"))
    assert "W601" not in {r.code for r in linter.linter_for(target).active}


def test_era_and_agency_kind_overrides(tmp_path, capsys):
    folder = tmp_path / "r"
    os.makedirs(folder)
    shutil.copy(BUREAU, folder / "bureau.txt")
    shutil.copy(GOV_2019, folder / "gov.txt")
    _, data = run_json(capsys, "check", str(folder), "--select", "D404", "--isolated")
    assert found(data) == []
    write(folder / "reportlint.toml", 'era = "fmt2021"\nagency-kind = "department"\n')
    linter = ConfiguredLinter()
    r = linter.lint_file(str(folder / "bureau.txt")).report
    assert (r.year, r.era, r.agency_kind) == (2017, Era.FMT2021, AgencyKind.DEPARTMENT)
    _, data = run_json(capsys, "check", str(folder), "--select", "D404")
    # departments are due 31 January in the 2021 format: 2018-02-09 and 2021-03-19 are late
    assert found(data) == [("bureau.txt", "D404", 49), ("gov.txt", "D404", 136)]
    assert "2018-01-31" in data["diagnostics"][0]["message"] or "2018年1月31日" in data["diagnostics"][0]["message"]


@pytest.mark.parametrize("deadlines,late", [
    ('[deadlines]\ndepartment = "02-01"\n', True),
    ('[deadlines]\ndepartment = "02-09"\n', False),           # on the day is in time
    ('[deadlines.fmt2021]\ndepartment = "01-01"\n', False),   # another era's table does not apply
    ('[deadlines]\ndepartment = "02-01"\n[deadlines.reg2008]\ndepartment = "03-31"\n', False),  # the era's own wins
    ('[deadlines]\ngovernment = "01-01"\ntownship = "01-01"\n', False),  # other body kinds
])
def test_deadlines_per_body_kind(tmp_path, capsys, deadlines, late):
    shutil.copy(BUREAU, tmp_path / "bureau.txt")
    write(tmp_path / "reportlint.toml", deadlines)
    _, data = run_json(capsys, "check", str(tmp_path / "bureau.txt"), "--select", "D404", "--lang", "en")
    assert found(data) == ([("bureau.txt", "D404", 49)] if late else [])
    if late:
        assert data["diagnostics"][0]["message"] == ("closing date 2018-02-09 is after the publication deadline 2018-02-01 "
                                                      "(department, profile national+config)")


def test_profile_from_a_local_plugin(tmp_path, capsys):
    name = unique()
    write(tmp_path / f"{name}.py", '''
from reportlint.hookspecs import hookimpl
from reportlint.model import AgencyKind, Era
from reportlint.profiles import NATIONAL, Profile

@hookimpl
def reportlint_profiles():
    d = dict(NATIONAL.deadlines)
    d[(Era.REG2008, AgencyKind.DEPARTMENT)] = (2, 1)
    return [Profile("strict", "stricter", d)]
''')
    shutil.copy(BUREAU, tmp_path / "bureau.txt")
    write(tmp_path / "reportlint.toml", f'plugins = ["{name}.py"]\n')
    _, data = run_json(capsys, "check", str(tmp_path / "bureau.txt"), "--select", "D404")
    assert found(data) == []
    _, data = run_json(capsys, "check", str(tmp_path / "bureau.txt"), "--select", "D404", "--profile", "strict")
    assert found(data) == [("bureau.txt", "D404", 49)]
    write(tmp_path / "reportlint.toml", f'plugins = ["{name}.py"]\nprofile = "strict"\n')
    _, data = run_json(capsys, "check", str(tmp_path / "bureau.txt"), "--select", "D404")
    assert found(data) == [("bureau.txt", "D404", 49)] and "（strict）" in data["diagnostics"][0]["message"]


def test_rule_options_reach_the_rule(tmp_path, capsys):
    name = unique()
    os.makedirs(tmp_path / "lint")
    write(tmp_path / "lint" / f"{name}.py", OPTION_RULE)
    target = write(tmp_path / "r.txt", report(body="我局通过政务微博和微信公众号发布信息。"))
    line = frame_line("政务微博", report(body="我局通过政务微博和微信公众号发布信息。"))
    write(tmp_path / "reportlint.toml", f'plugins = ["lint/{name}.py"]\nselect = ["LP"]\n')
    _, data = run_json(capsys, "check", target)
    assert found(data) == [("r.txt", "LP101", line)]
    assert data["diagnostics"][0]["evidence"] == {"threshold": 0.8, "limit": 3}  # the defaults
    write(tmp_path / "reportlint.toml", f"""
        plugins = ["lint/{name}.py"]
        select = ["LP"]
        [rules.LP101]
        words = ["微博", "公众号"]
        threshold = 1
        label = "新媒体"
        """)
    _, data = run_json(capsys, "check", target)
    assert found(data) == [("r.txt", "LP101", line), ("r.txt", "LP101", line)]
    assert [d["message"] for d in data["diagnostics"]] == ["提到了新媒体“微博”", "提到了新媒体“公众号”"]
    assert data["diagnostics"][0]["evidence"] == {"threshold": 1, "limit": 3}
    write(tmp_path / "reportlint.toml", f'plugins = ["lint/{name}.py"]\nselect = ["LP"]\n[rules.lp101]\nenabled = false\n')
    _, data = run_json(capsys, "check", target)
    assert found(data) == []


def test_local_package_plugin_loads_without_installation(tmp_path, capsys):
    name = unique()
    write(tmp_path / name / "__init__.py", "from .rules import reportlint_rules  # noqa: F401\n")
    write(tmp_path / name / "rules.py", OPTION_RULE)
    target = write(tmp_path / "r.txt", report(body="我局通过政务微博发布信息。"))
    write(tmp_path / "reportlint.toml", f'plugins = ["{name}"]\nselect = ["LP"]\n')
    _, data = run_json(capsys, "check", target)
    assert [c for _, c, _ in found(data)] == ["LP101"]
    code, out, _ = run(capsys, "rules", "--format", "json", "--config", str(tmp_path / "reportlint.toml"))
    assert '"LP101"' in out and f'"plugin": "{name}"' in out


def test_plugin_keys_reach_settings_extra(tmp_path):
    name = unique()
    write(tmp_path / f"{name}.py", OPTION_RULE + '''
@hookimpl
def reportlint_config_schema():
    return {"properties": {"%s": {"type": "object", "properties": {"region": {"type": "string"}}}}}
''' % name)
    write(tmp_path / "reportlint.toml", f'plugins = ["{name}.py"]\n[{name}]\nregion = "宁夏"\n')
    linter = ConfiguredLinter(Overrides(), config=str(tmp_path / "reportlint.toml"))
    assert linter.settings.extra == {name: {"region": "宁夏"}}
