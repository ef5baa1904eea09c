"""A wrong configuration exits 2 naming the file, the key and a "did you mean" suggestion — never a traceback."""

from __future__ import annotations

import os

import pytest

from cfgutil import OPTION_RULE, run, subprocess_run, unique, write
from helpers import report


@pytest.fixture
def target(tmp_path):
    return write(tmp_path / "reports" / "r.txt", report(body="截止目前，我局共召开会议3次。"))


def _fails(capsys, target, *args):
    code, out, err = run(capsys, "check", target, *args)
    assert code == 2, (out, err)
    assert out == "" and "Traceback" not in err
    return err


def test_typo_in_pyproject_from_a_fresh_process(tmp_path, target):
    write(tmp_path / "pyproject.toml", """
        [project]
        name = "reports"

        [tool.reportlint]
        selct = ["D"]
        """)
    proc = subprocess_run("check", os.path.join("reports", "r.txt"), cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip() == ('reportlint: pyproject.toml: 配置有误 / invalid configuration: tool.reportlint.selct: '
                                   '未知的配置项；您是否想写 "select"？ / unknown key; did you mean "select"?')


@pytest.mark.parametrize("toml,expected", [
    ('fail_on = "warning"\n', ['fail_on: 未知的配置项；您是否想写 "fail-on"？ / unknown key; did you mean "fail-on"?']),
    ('select = "D"\n', ['select: 类型错误：应为数组，实际为字符串 "D" / wrong type: expected array, got string']),
    ('fail-on = "warn"\n', ['fail-on: 取值 "warn" 无效（可选：error, warning, info）；您是否想写 "warning"？ / '
                            'invalid value "warn" (allowed: error, warning, info); did you mean "warning"?']),
    ('select = ["D44"]\n', ['select[0]: 未知的规则代码 "D44"；您是否想写 "D404"？ / unknown rule code "D44"; did you mean "D404"?']),
    ('ignore = ["W6O1"]\n', ['ignore[0]: 未知的规则代码 "W6O1"；您是否想写 "W601"？ / unknown rule code "W6O1"; did you mean "W601"?']),
    ('[severity]\nD4O4 = "off"\n', ['severity.D4O4: 未知的规则代码 "D4O4"；您是否想写 "D404"？ / unknown rule code "D4O4"; did you mean "D404"?']),
    ('[severity]\nD404 = "of"\n', ['severity.D404: 取值 "of" 无效（可选：error, warning, info, off）；您是否想写 "off"？ / '
                                   'invalid value "of" (allowed: error, warning, info, off); did you mean "off"?']),
    ('[per-file-ignores]\n"old/*.txt" = ["S1O1"]\n',
     ['per-file-ignores."old/*.txt"[0]: 未知的规则代码 "S1O1"；您是否想写 "S101"？ / unknown rule code "S1O1"; did you mean "S101"?']),
    ('[rules.D4O4]\nx = 1\n', ['rules.D4O4: 未知的规则代码 "D4O4"；您是否想写 "D404"？ / unknown rule code "D4O4"; did you mean "D404"?']),
    ('[rules.D404]\nthreshold = 1\n', ['rules.D404.threshold: 规则 D404 没有选项 "threshold"（该规则没有选项） / '
                                       'rule D404 has no option "threshold" (it has no options)']),
    ('profile = "nationl"\n', ['profile: 未知的方案 "nationl"（可用：national）；您是否想写 "national"？ / '
                               'unknown profile "nationl" (available: national); did you mean "national"?']),
    ('era = "fmt2020"\n', ['era: 取值 "fmt2020" 无效（可选：reg2008, fmt2019, fmt2021）；您是否想写 "fmt2021"？ / '
                           'invalid value "fmt2020" (allowed: reg2008, fmt2019, fmt2021); did you mean "fmt2021"?']),
    ('[deadlines]\ndepartment = "1月20日"\n', ['deadlines.department: 应为“月-日”，如 "01-20" / expected month-day such as "01-20": '
                                             '"1月20日"']),
    ('[deadlines]\ndepartment = "02-30"\n', ['deadlines.department: 没有这个日期 "02-30" / no such date "02-30"']),
    ('[deadlines.fmt2021]\nbureau = "01-20"\n', ['deadlines.fmt2021.bureau: 未知的配置项 / unknown key']),
    ('plugins = "x.py"\n', ['plugins: 类型错误：应为字符串数组 / wrong type: expected an array of paths']),
])
def test_each_mistake_is_named(tmp_path, target, capsys, toml, expected):
    cfg = write(tmp_path / "reportlint.toml", toml)
    err = _fails(capsys, target)
    assert err.splitlines()[0].startswith(f"reportlint: {cfg}: 配置有误 / invalid configuration")
    problems = [l.strip() for l in err.splitlines()[1:]] or [err.split("invalid configuration: ", 1)[1].strip()]
    assert problems == expected


def test_several_mistakes_are_listed_together(tmp_path, target, capsys):
    write(tmp_path / "reportlint.toml", 'selec = ["D"]\nlang = 3\nignore = ["Q"]\n')
    err = _fails(capsys, target)
    assert err.splitlines()[1:] == [
        '  ignore[0]: 未知的规则代码 "Q" / unknown rule code "Q"',
        "  lang: 类型错误：应为字符串（zh, en），实际为 3 / wrong type: expected one of zh, en, got integer 3",
        '  selec: 未知的配置项；您是否想写 "select"？ / unknown key; did you mean "select"?',
    ]


def test_invalid_toml_names_the_line(tmp_path, target, capsys):
    cfg = write(tmp_path / "reportlint.toml", 'select = ["D"\nlang = "en"\n')
    err = _fails(capsys, target)
    assert err.startswith(f"reportlint: {cfg}: 配置有误 / invalid configuration: TOML 语法错误 / invalid TOML: ")
    assert "line 2" in err


def test_rule_option_names_and_types_follow_the_defaults(tmp_path, target, capsys):
    name = unique()
    write(tmp_path / "plugins" / f"{name}.py", OPTION_RULE)
    write(tmp_path / "reportlint.toml", f"""
        plugins = ["plugins/{name}.py"]
        [rules.LP101]
        treshold = 0.5
        words = "微博"
        limit = 2.5
        enabled = "yes"
        label = 1
        """)
    err = _fails(capsys, target)
    assert [l.strip() for l in err.splitlines()[1:]] == [  # sorted by key
        'rules.LP101.enabled: 类型错误：规则 LP101 的选项 enabled 应为布尔值，实际为字符串 "yes" / wrong type: option enabled of LP101 expects boolean, got string',
        "rules.LP101.label: 类型错误：规则 LP101 的选项 label 应为字符串，实际为整数 1 / wrong type: option label of LP101 expects string, got integer",
        "rules.LP101.limit: 类型错误：规则 LP101 的选项 limit 应为整数，实际为数字 2.5 / wrong type: option limit of LP101 expects integer, got number",
        'rules.LP101.treshold: 规则 LP101 没有选项 "treshold"（可用：words, threshold, limit, enabled, label）；您是否想写 "threshold"？ / '
        'rule LP101 has no option "treshold" (options: words, threshold, limit, enabled, label); did you mean "threshold"?',
        'rules.LP101.words: 类型错误：规则 LP101 的选项 words 应为数组，实际为字符串 "微博" / wrong type: option words of LP101 expects array, got string',
    ]


def test_array_items_follow_the_default_items(tmp_path, target, capsys):
    name = unique()
    write(tmp_path / f"{name}.py", OPTION_RULE)
    write(tmp_path / "reportlint.toml", f'plugins = ["{name}.py"]\n[rules.LP101]\nwords = ["微博", 3]\nthreshold = 1\n')
    err = _fails(capsys, target)
    assert err.split("invalid configuration: ", 1)[1].strip() == (
        "rules.LP101.words: 类型错误：规则 LP101 的选项 words 应为字符串数组，实际为数组 [\"微博\", 3] / "
        "wrong type: option words of LP101 expects array of string, got array (item 1)")


def test_plugin_schema_fragment_validates_its_options(tmp_path, target, capsys):
    name = unique()
    write(tmp_path / f"{name}.py", OPTION_RULE + '''
@hookimpl
def reportlint_config_schema():
    return {"properties": {"rules": {"properties": {"LP101": {
        "type": "object", "properties": {"limit": {"type": "integer", "minimum": 1}}}}},
        "%s": {"type": "object", "properties": {"region": {"type": "string"}}, "additionalProperties": False}}}
''' % name)
    write(tmp_path / "reportlint.toml", f'plugins = ["{name}.py"]\n[rules.LP101]\nlimit = 0\n[{name}]\nregoin = "x"\n')
    err = _fails(capsys, target)
    assert [l.strip() for l in err.splitlines()[1:]] == [
        f'{name}.regoin: 未知的配置项；您是否想写 "region"？ / unknown key; did you mean "region"?',
        "rules.LP101.limit: 不能小于 1 / must be at least 1",
    ]


def test_plugin_key_without_the_plugin_is_unknown(tmp_path, target, capsys):
    write(tmp_path / "reportlint.toml", '[ningxia]\nregion = "x"\n')
    err = _fails(capsys, target)
    assert err.split("invalid configuration: ", 1)[1].strip() == "ningxia: 未知的配置项 / unknown key"


def test_unknown_profile_on_the_command_line(target, capsys):
    err = _fails(capsys, target, "--profile", "ningxai", "--isolated")
    assert err.strip() == ('reportlint: --profile: 未知的方案 "ningxai"（可用：national） / '
                           'unknown profile "ningxai" (available: national)')


def test_missing_local_plugin_and_pack(tmp_path, target, capsys):
    cfg = write(tmp_path / "reportlint.toml", 'plugins = ["nope.py"]\n')
    err = _fails(capsys, target)
    assert err.strip() == (f"reportlint: {cfg}: 配置有误 / invalid configuration: plugins[0]: 找不到插件 nope.py（应为 .py 文件或包文件夹，相对于配置文件） / "
                           "plugin nope.py not found (a .py file or a package folder, relative to the configuration file)")
    write(tmp_path / "reportlint.toml", 'rule-packs = ["packs/nope.toml"]\n')
    err = _fails(capsys, target)
    assert err.strip().endswith("rule-packs[0]: 找不到规则包 packs/nope.toml / rule pack packs/nope.toml not found (relative to the configuration file)")


def test_local_plugin_that_fails_to_import_exits_2_naming_it(tmp_path, target, capsys):
    name = unique()
    write(tmp_path / f"{name}.py", "import this_module_does_not_exist_anywhere\n")
    write(tmp_path / "reportlint.toml", f'plugins = ["{name}.py"]\n')
    err = _fails(capsys, target)
    assert err.strip() == (f"reportlint: 本地插件 {name}.py 无法加载 / local plugin {name}.py ({tmp_path / name}.py) failed to load: "
                           "ModuleNotFoundError: No module named 'this_module_does_not_exist_anywhere'")


def test_local_plugin_code_clash_exits_2(tmp_path, target, capsys):
    name = unique()
    write(tmp_path / f"{name}.py", OPTION_RULE.replace('"LP101"', '"W601"'))
    write(tmp_path / "reportlint.toml", f'plugins = ["{name}.py"]\n')
    err = _fails(capsys, target)
    assert "W601" in err and f"{name}.py" in err and "builtin" in err


def test_a_valid_configuration_passes(tmp_path, target, capsys):
    write(tmp_path / "reportlint.toml", """
        select = ["ALL"]
        extend-select = ["d4"]
        ignore = ["S1", "all"]
        fail-on = "info"
        lang = "zh"
        era = "reg2008"
        agency-kind = "department"
        profile = "national"
        [per-file-ignores]
        "**/*.txt" = ["W601"]
        [severity]
        W6 = "error"
        D407 = "off"
        [deadlines]
        department = "1-20"
        [deadlines.fmt2021]
        government = "03-15"
        """)
    code, out, err = run(capsys, "check", target)
    assert (code, err) == (0, "") and out.splitlines()[-1] == "检查了 1 个文件，未发现问题。"


def test_the_same_plugin_or_pack_twice(tmp_path, target, capsys):
    name = unique()
    write(tmp_path / f"{name}.py", OPTION_RULE)
    write(tmp_path / "reportlint.toml", f'plugins = ["{name}.py", "./{name}.py"]\n')
    err = _fails(capsys, target)
    assert err.strip().endswith(f"plugins[1]: 插件 ./{name}.py 重复 / plugin ./{name}.py is named twice")
    write(tmp_path / "p.toml", '[pack]\nname = "p"\n[[rules]]\ncode = "PP101"\nname = "x"\ntype = "existence"\nseverity = "info"\n'
                               'message = "m"\ntokens = ["微博"]\nmust-fire = ["微博"]\nmust-not-fire = ["网站"]\n')
    write(tmp_path / "reportlint.toml", 'rule-packs = ["p.toml", "p.toml"]\n')
    err = _fails(capsys, target)
    assert err.strip().endswith("rule-packs[1]: 规则包 p 重复 / rule pack p is named twice")


@pytest.mark.parametrize("toml", [
    'select = "Q"\n', '[per-file-ignores]\n"a" = "W6"\n', "rules = 3\n", "[rules]\nD404 = 3\n", "severity = []\n",
    "deadlines = 5\n", "[deadlines]\nreg2008 = 5\n", "profile = 3\n", "tool = 1\n", "[per-file-ignores]\n\"a\" = [1]\n",
])
def test_odd_shapes_are_reported_without_traceback(tmp_path, target, capsys, toml):
    write(tmp_path / "reportlint.toml", toml)
    err = _fails(capsys, target)
    problems = [l.strip() for l in err.splitlines()[1:]] or [err.split("invalid configuration: ", 1)[1].strip()]
    assert len(problems) == 1, problems


def test_unwritable_targets_exit_2(tmp_path, target, capsys):
    code, _, err = run(capsys, "check", target, "--write-baseline", str(tmp_path / "no" / "such" / "b.json"))
    assert code == 2 and "cannot write the baseline" in err and "Traceback" not in err
    code, _, err = run(capsys, "init", str(tmp_path / "no" / "such" / "reportlint.toml"))
    assert code == 2 and "cannot write" in err and "Traceback" not in err


def test_shipped_schemas_are_valid_json_schemas():
    from jsonschema import Draft202012Validator

    from reportlint.config import load_schema

    for name in ("config.schema.json", "pack.schema.json"):
        Draft202012Validator.check_schema(load_schema(name))


@pytest.mark.parametrize("fragment,needle", [
    ('{"properties": {"select": {"type": "string"}}}', "clashes with an existing definition at schema.properties.select"),
    ('{"properties": {"rules": {"type": "array"}}}', "clashes with an existing definition at schema.properties.rules"),
    ('{"additionalProperties": True}', "must return a JSON-schema fragment with 'properties'"),
    ('["not", "a", "dict"]', "must return a JSON-schema fragment with 'properties'"),
])
def test_bad_schema_fragments_stop_the_run(tmp_path, target, capsys, fragment, needle):
    name = unique()
    write(tmp_path / f"{name}.py", OPTION_RULE + f"\n@hookimpl\ndef reportlint_config_schema():\n    return {fragment}\n")
    write(tmp_path / "reportlint.toml", f'plugins = ["{name}.py"]\n')
    err = _fails(capsys, target)
    assert needle in err and name in err
