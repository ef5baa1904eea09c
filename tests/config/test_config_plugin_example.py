"""The example agency plugin (examples/plugins/reportlint-ningxia): loaded locally, and installed end to end.

Documented effect on the bundled examples (docs/plugins.md, the plugin's README.rst):

- NX101 on every example that gives a telephone number with a non-Ningxia area code (all six use 0937);
- with ``profile = "ningxia"`` (or ``--profile ningxia``) D404 also on the three 2019/2021-format reports
  published after the stricter deadlines (departments 15 January, governments 28 February).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from cfgutil import EXAMPLES, NINGXIA, found, run, run_json, subprocess_run, write

NX101 = [
    ("clean-2017-department.txt", "NX101", 3),
    ("clean-2019-government-pipes.txt", "NX101", 3),
    ("clean-2021-department.txt", "NX101", 3),
    ("faulty-2017-bureau.txt", "NX101", 3),
    ("faulty-2018-township-wrapped.txt", "NX101", 23),
    ("faulty-2021-tables.txt", "NX101", 3),
]
D404_NATIONAL = [("faulty-2018-township-wrapped.txt", "D404", 143)]
D404_NINGXIA = sorted(D404_NATIONAL + [
    ("clean-2019-government-pipes.txt", "D404", 136),  # government, 2021-03-19 > 28 February
    ("clean-2021-department.txt", "D404", 100),        # department, 2023-01-16 > 15 January
    ("faulty-2021-tables.txt", "D404", 99),            # department, 2022-01-21 > 15 January
])


def _config(tmp_path, extra: str = "") -> str:
    package = os.path.join(NINGXIA, "reportlint_ningxia").replace(os.sep, "/")
    return write(tmp_path / "reportlint.toml", f'plugins = ["{package}"]\n{extra}')


def test_local_plugin_adds_nx101(tmp_path, capsys):
    cfg = _config(tmp_path)
    _, plain = run_json(capsys, "check", EXAMPLES, "--isolated")
    _, data = run_json(capsys, "check", EXAMPLES, "--config", cfg)
    assert found(data, "NX") == NX101
    assert found(data, "D404") == D404_NATIONAL
    assert [x for x in found(data) if x[1] != "NX101"] == found(plain)
    nx = next(d for d in data["diagnostics"] if d["code"] == "NX101")
    assert nx["message"] == "联系电话 0937-6215830 的区号 0937 不是本地区号（0951、0952、0953、0954、0955），可能沿用了其他地区的模板"
    assert nx["severity"] == "warning" and nx["evidence"] == {"area_code": "0937", "number": "0937-6215830"}


def test_ningxia_profile_tightens_the_deadlines(tmp_path, capsys):
    cfg = _config(tmp_path, 'profile = "ningxia"\n')
    _, data = run_json(capsys, "check", EXAMPLES, "--config", cfg, "--select", "D404", "--lang", "en")
    assert found(data) == D404_NINGXIA
    msgs = {os.path.basename(d["path"]): d["message"] for d in data["diagnostics"]}
    assert msgs["clean-2021-department.txt"] == ("closing date 2023-01-16 is after the publication deadline 2023-01-15 "
                                                 "(department, profile ningxia)")


def test_nx101_option_and_its_schema(tmp_path, capsys):
    cfg = _config(tmp_path, '[rules.NX101]\narea-codes = ["0951", "0937"]\n')
    _, data = run_json(capsys, "check", EXAMPLES, "--config", cfg)
    assert found(data, "NX") == []
    cfg = _config(tmp_path, '[rules.NX101]\narea-codes = ["937"]\narea-code = ["0951"]\n')
    code, out, err = run(capsys, "check", EXAMPLES, "--config", cfg)
    assert code == 2 and [l.strip() for l in err.splitlines()[1:]] == [
        'rules.NX101.area-code: 未知的配置项；您是否想写 "area-codes"？ / unknown key; did you mean "area-codes"?',
        'rules.NX101.area-codes[0]: 应为以 0 开头的区号，如 "0951" / expected an area code such as "0951": "937"',
    ]


def test_nx101_documents_itself(tmp_path, capsys):
    cfg = _config(tmp_path)
    code, out, _ = run(capsys, "explain", "NX101", "--config", cfg)
    lines = [l.strip() for l in out.splitlines()]
    assert code == 0 and lines[0] == "NX101 contact-area-code [warning] (fmt2019, fmt2021, reg2008)"
    for heading in ("作用", "为什么", "示例（错误）", "示例（正确）", "选项"):
        assert heading in lines


def test_examples_walk_skips_the_plugin_and_build_metadata(tmp_path, capsys):
    _, data = run_json(capsys, "check", EXAMPLES, "--isolated")
    assert data["summary"]["files"] == 6  # the plugin's README.rst, .py and .toml files are not reports
    copy = tmp_path / "examples"
    shutil.copytree(EXAMPLES, copy)
    write(copy / "plugins" / "reportlint-ningxia" / "reportlint_ningxia.egg-info" / "SOURCES.txt", "pyproject.toml\n")
    _, data = run_json(capsys, "check", str(copy), "--isolated")
    assert data["summary"]["files"] == 6


@pytest.mark.slow
def test_installed_plugin_runs_through_the_entry_point(tmp_path):
    """pip-install the example plugin (a copy: no build output in the repository) and run reportlint."""
    src = tmp_path / "src"
    shutil.copytree(NINGXIA, src, ignore=shutil.ignore_patterns("*.egg-info", "build", "__pycache__"))
    site = tmp_path / "site"
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--disable-pip-version-check",
                          "--target", str(site), str(src)], capture_output=True, text=True)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    (dist,) = [d for d in os.listdir(site) if d.endswith(".dist-info")]
    assert "[reportlint]\nningxia = reportlint_ningxia" in (site / dist / "entry_points.txt").read_text(encoding="utf-8")
    env = {"PYTHONPATH": str(site) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    proc = subprocess_run("check", EXAMPLES, "--format", "json", "--isolated", cwd=elsewhere, env_extra=env)
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert found(data, "NX") == NX101 and found(data, "D404") == D404_NATIONAL

    proc = subprocess_run("check", EXAMPLES, "--format", "json", "--isolated", "--profile", "ningxia", cwd=elsewhere, env_extra=env)
    assert found(json.loads(proc.stdout), "D404") == D404_NINGXIA

    rules = json.loads(subprocess_run("rules", "--format", "json", "--isolated", cwd=elsewhere, env_extra=env).stdout)
    nx = next(r for r in rules if r["code"] == "NX101")
    assert (nx["plugin"], nx["severity"], nx["name"]) == ("ningxia", "warning", "contact-area-code")

    # the installed plugin's schema fragment guards its option in a pyproject.toml
    write(elsewhere / "pyproject.toml", '[tool.reportlint]\nprofile = "ningxia"\n[tool.reportlint.rules.NX101]\narea-code = ["0951"]\n')
    proc = subprocess_run("check", EXAMPLES, "--config", "pyproject.toml", cwd=elsewhere, env_extra=env)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip() == ('reportlint: pyproject.toml: 配置有误 / invalid configuration: tool.reportlint.rules.NX101.area-code: '
                                   '未知的配置项；您是否想写 "area-codes"？ / unknown key; did you mean "area-codes"?')
    assert not os.path.exists(os.path.join(NINGXIA, "build")) and not any(
        n.endswith(".egg-info") for n in os.listdir(NINGXIA))
