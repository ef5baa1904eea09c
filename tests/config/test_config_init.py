"""reportlint init: a commented starter configuration that is valid as written and when uncommented."""

from __future__ import annotations

import os
import re

import pytest

from cfgutil import run, run_json, write
from helpers import report
from reportlint.config import STARTER, _tomllib, load_schema, schema_problems


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_writes_the_starter_and_refuses_to_overwrite(here, capsys):
    code, out, err = run(capsys, "init")
    assert code == 0 and out.strip() == "已写入配置文件模板 reportlint.toml / wrote a starter configuration to reportlint.toml"
    assert (here / "reportlint.toml").read_text(encoding="utf-8") == STARTER
    (here / "reportlint.toml").write_text("lang = \"en\"\n", encoding="utf-8")
    code, out, err = run(capsys, "init")
    assert code == 2 and err.strip() == ("reportlint: reportlint.toml: 配置有误 / invalid configuration: "
                                         "文件已存在；使用 --force 覆盖 / already exists; use --force to overwrite")
    assert (here / "reportlint.toml").read_text(encoding="utf-8") == 'lang = "en"\n'
    assert run(capsys, "init", "--force")[0] == 0
    assert (here / "reportlint.toml").read_text(encoding="utf-8") == STARTER


def test_init_into_a_folder_or_a_named_file(here, capsys):
    os.makedirs(here / "reports")
    assert run(capsys, "init", "reports")[0] == 0
    assert (here / "reports" / "reportlint.toml").read_text(encoding="utf-8") == STARTER
    assert run(capsys, "init", ".reportlint.toml")[0] == 0 and (here / ".reportlint.toml").exists()
    code, _, err = run(capsys, "init", "pyproject.toml")
    assert code == 2 and "init does not edit pyproject.toml" in err and not (here / "pyproject.toml").exists()


def test_the_starter_changes_nothing(here, capsys):
    write(here / "r.txt", report(body="截止目前，我局共召开会议3次。"))
    _, plain = run_json(capsys, "check", "r.txt", "--isolated")
    run(capsys, "init")
    code, configured = run_json(capsys, "check", "r.txt")
    assert configured == plain and code == 0


def test_every_commented_example_in_the_starter_is_valid():
    lines = []
    for line in STARTER.splitlines():
        m = re.match(r'^# ((?:\[[A-Za-z0-9."*/-]+\])|(?:[a-z"][A-Za-z0-9"*/.-]* = .*))$', line)
        lines.append(m.group(1) if m else line)
    table = _tomllib().loads("\n".join(lines))
    assert {"extend-select", "ignore", "per-file-ignores", "severity", "profile", "deadlines", "era", "agency-kind",
            "rules", "plugins", "rule-packs", "baseline", "select", "fail-on", "lang", "rule-timeout"} == set(table)
    assert schema_problems(table, load_schema("config.schema.json")) == []
    assert table["deadlines"] == {"department": "01-20", "government": "03-15", "fmt2021": {"township": "02-28"}}
