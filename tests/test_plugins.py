"""Plugins load through the ``reportlint`` entry-point group, strictly.

Each test installs a throw-away distribution (a ``*.dist-info`` folder with an
``entry_points.txt``) on ``sys.path`` — exactly what pip would leave — and runs
the CLI in a subprocess so the real entry-point scan is exercised.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import report
from importprobe import probe

GOOD_RULE = '''
from reportlint.hookspecs import hookimpl
from reportlint.rule import Rule, Severity

class NoWeibo(Rule):
    """禁止提及微博（XX101）。"""
    code = "XX101"
    name = "no-weibo"
    severity = Severity.WARNING

    def check(self, report, ctx):
        for p in report.paragraphs:
            i = p.text.find("微博")
            if i >= 0:
                yield self.finding(p.span(i, i + 2), "提到了微博", "mentions weibo")

@hookimpl
def reportlint_rules():
    return [NoWeibo]
'''

CRASHING_RULE = '''
from reportlint.hookspecs import hookimpl
from reportlint.rule import Rule, Severity

class Boom(Rule):
    """总是出错（XX102）。"""
    code = "XX102"
    name = "boom"
    severity = Severity.INFO

    def check(self, report, ctx):
        raise ZeroDivisionError("division by zero in plugin")

class Garbage(Rule):
    """返回垃圾（XX103）。"""
    code = "XX103"
    name = "garbage"
    severity = Severity.INFO

    def check(self, report, ctx):
        return ["not a finding"]

@hookimpl
def reportlint_rules():
    return [Boom, Garbage]
'''

CLASHING_RULE = GOOD_RULE.replace('"XX101"', '"S101"')
UNKNOWN_HOOK = GOOD_RULE.replace("def reportlint_rules", "def reportlint_rulez")
BROKEN_IMPORT = "import this_module_does_not_exist_anywhere\n"


def _install(tmp_path, module_name: str, code: str) -> str:
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / f"{module_name}.py").write_text(code, encoding="utf-8")
    dist = site / f"{module_name}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module_name}\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[reportlint]\n{module_name} = {module_name}\n", encoding="utf-8")
    return str(site)


def _run(site: str, *args: str, tmp_path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=site + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True, text=True,
                          env=env, cwd=str(tmp_path), encoding="utf-8")


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(report(body="我局还通过政务微博发布信息30条。"), encoding="utf-8")
    return str(path)


def test_good_plugin_rule_runs(tmp_path, sample):
    site = _install(tmp_path, "rl_good", GOOD_RULE)
    proc = _run(site, "check", sample, "--fail-on", "warning", tmp_path=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "XX101" in proc.stdout
    listing = _run(site, "rules", "--format", "json", tmp_path=tmp_path)
    assert '"XX101"' in listing.stdout and '"rl_good"' in listing.stdout


def test_plugin_that_fails_to_import_exits_2_naming_it(tmp_path, sample):
    site = _install(tmp_path, "rl_broken", BROKEN_IMPORT)
    proc = _run(site, "check", sample, tmp_path=tmp_path)
    assert proc.returncode == 2
    assert "rl_broken" in proc.stderr and "Traceback" not in proc.stderr


def test_code_clash_exits_2_naming_both_plugins(tmp_path, sample):
    site = _install(tmp_path, "rl_clash", CLASHING_RULE)
    proc = _run(site, "check", sample, tmp_path=tmp_path)
    assert proc.returncode == 2
    assert "S101" in proc.stderr and "rl_clash" in proc.stderr and "builtin" in proc.stderr


def test_unknown_hook_exits_2(tmp_path, sample):
    site = _install(tmp_path, "rl_typo", UNKNOWN_HOOK)
    proc = _run(site, "check", sample, tmp_path=tmp_path)
    assert proc.returncode == 2
    assert "rl_typo" in proc.stderr and "reportlint_rulez" in proc.stderr


def test_crashing_rule_gives_e900_and_the_others_still_run(tmp_path, sample):
    site = _install(tmp_path, "rl_crash", CRASHING_RULE)
    bad = tmp_path / "bad.txt"
    bad.write_text(report(body="截止目前，我局共召开会议3次。"), encoding="utf-8")
    proc = _run(site, "check", sample, str(bad), "--format", "json", tmp_path=tmp_path)
    import json

    data = json.loads(proc.stdout)
    codes = [(os.path.basename(d["path"]), d["code"]) for d in data["diagnostics"]]
    assert codes.count(("r.txt", "E900")) == 2 and codes.count(("bad.txt", "E900")) == 2
    assert ("bad.txt", "W601") in codes  # the built-in rules still ran
    assert proc.returncode == 1
    assert {d["evidence"]["rule"] for d in data["diagnostics"] if d["code"] == "E900"} == {"XX102", "XX103"}


def test_builtin_rules_come_through_the_entry_point():
    from importlib.metadata import entry_points

    eps = {ep.name: ep.value for ep in entry_points(group="reportlint")}
    assert eps.get("builtin") == "reportlint.rules"
    from reportlint.plugins import load_registry

    reg = load_registry()
    assert reg.rule_plugins["S101"] == "builtin"


def test_the_hook_names_are_the_hookspecs():
    """The registry calls the built-in plugins' hooks by name, without pluggy: the names must be pluggy's."""
    from reportlint import core_plugin, hookspecs, plugins
    from reportlint import rules as builtin_rules

    specs = {name for name in dir(hookspecs) if hasattr(getattr(hookspecs, name), "reportlint_spec")}
    assert set(plugins.HOOKS) == specs
    for module in (core_plugin, builtin_rules):
        assert {name for name in dir(module) if name.startswith("reportlint_")} <= specs


def test_a_one_file_check_imports_neither_pluggy_nor_inspect_nor_typing(tmp_path):
    """A one-file check with no third-party plugin and no configuration does not pay for pluggy
    (~20 ms of a pre-commit hook), inspect or typing (~15 M instructions): see docs/performance.md."""
    bad = tmp_path / "bad.txt"
    bad.write_text(report(body="截止目前，我局共召开会议3次。"), encoding="utf-8")
    run = probe(["check", "--no-cache", "--format", "json", str(bad)], cwd=tmp_path)
    import json

    assert [d["code"] for d in json.loads(run.stdout)["diagnostics"]] == ["W601"]  # the built-in rules ran
    assert "reportlint.engine" in run.new
    assert run.new.isdisjoint({"pluggy", "inspect", "typing"})


def test_the_builtin_plugins_give_the_same_registry_with_and_without_pluggy():
    """Any extra plugin sends every plugin through pluggy; the built-in ones must contribute the same."""
    import types

    from reportlint.plugins import load_registry

    alone = load_registry()
    through_pluggy = load_registry(extra=[("nothing", types.SimpleNamespace())])
    assert list(alone.rules) == list(through_pluggy.rules)
    assert alone.rule_plugins == through_pluggy.rule_plugins
    assert list(alone.readers) == list(through_pluggy.readers)
    assert list(alone.formatters) == list(through_pluggy.formatters)
    assert list(alone.profiles) == list(through_pluggy.profiles)
    assert alone.config_schemas == through_pluggy.config_schemas
    assert {**alone.plugin_versions, "nothing": "local"} == through_pluggy.plugin_versions
