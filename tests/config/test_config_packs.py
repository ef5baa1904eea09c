"""Declarative rule packs: four rule types, examples checked at load, safe patterns, the example pack."""

from __future__ import annotations

import os

import pytest

from cfgutil import EXAMPLES, HOUSE_STYLE, found, run, run_json, write
from helpers import frame_line, report
from reportlint.packs import PackError, load_pack, unsafe_reason

PACK_HEAD = '[pack]\nname = "test-pack"\n\n'


def _pack(tmp_path, rules: str, name: str = "pack.toml") -> str:
    path = write(tmp_path / name, PACK_HEAD + rules)
    write(tmp_path / "reportlint.toml", f'rule-packs = ["{name}"]\n')
    return path


def _lint(capsys, tmp_path, text: str, *extra: str):
    target = write(tmp_path / "r.txt", text)
    return run_json(capsys, "check", target, "--select", "TP", *extra)


EXISTENCE = '''
[[rules]]
code = "TP101"
name = "no-weibo"
type = "existence"
severity = "warning"
message = "不要写“{match}”"
message-en = "do not write '{match}'"
tokens = ["微博"]
patterns = ['[0-9]+余条']
must-fire = ["通过微博发布"]
must-not-fire = ["通过网站发布"]
'''


def test_existence_fires_on_each_occurrence(tmp_path, capsys):
    _pack(tmp_path, EXISTENCE)
    body = "我局通过政务微博发布信息100余条，微博粉丝增长。\n\n通过网站发布信息。"
    text = report(body=body)
    code, data = _lint(capsys, tmp_path, text)
    line = frame_line("政务微博", text)
    assert found(data) == [("r.txt", "TP101", line)] * 3
    assert [(d["column"], d["end_column"], d["message"]) for d in data["diagnostics"]] == [
        (7, 9, "不要写“微博”"), (13, 18, "不要写“100余条”"), (19, 21, "不要写“微博”")]
    assert data["diagnostics"][0]["severity"] == "warning" and data["diagnostics"][0]["evidence"] == {
        "match": "微博", "pack": "test-pack"}
    _, data = _lint(capsys, tmp_path, text, "--lang", "en")
    assert data["diagnostics"][1]["message"] == "do not write '100余条'"


def test_existence_stays_silent_without_a_match(tmp_path, capsys):
    _pack(tmp_path, EXISTENCE)
    code, data = _lint(capsys, tmp_path, report(body="我局通过网站发布信息100条。"))
    assert (code, found(data)) == (0, [])


def test_substitution_is_fixable(tmp_path, capsys):
    _pack(tmp_path, '''
[[rules]]
code = "TP201"
name = "qita"
type = "substitution"
severity = "info"
message = "“{match}”应写作“{replacement}”"
swap = { "其它" = "其他", "帐号" = "账号" }
must-fire = ["其它事项"]
must-not-fire = ["其他事项"]
''')
    text = report(body="其它需要说明的事项：微信帐号已注销。")
    _, data = _lint(capsys, tmp_path, text)
    line = frame_line("其它需要", text)
    assert found(data) == [("r.txt", "TP201", line)] * 2
    assert [(d["message"], d["fixable"]) for d in data["diagnostics"]] == [("“其它”应写作“其他”", True), ("“帐号”应写作“账号”", True)]
    from reportlint.config import ConfiguredLinter

    result = ConfiguredLinter(config=str(tmp_path / "reportlint.toml")).lint_file(str(tmp_path / "r.txt"))
    edits = [(e.span.line, e.span.column, e.span.end_column, e.replacement) for d in result.diagnostics
             if d.code == "TP201" for e in d.fix]
    assert edits == [(line, 1, 3, "其他"), (line, 13, 15, "账号")]


def test_substitution_with_regex_keys(tmp_path, capsys):
    _pack(tmp_path, '''
[[rules]]
code = "TP202"
name = "year-mark"
type = "substitution"
severity = "info"
regex = true
message = "“{match}”应写作“{replacement}”"
swap = { '[0-9]{2}年度' = "本年度" }
must-fire = ["17年度工作"]
must-not-fire = ["本年度工作"]
''')
    _, data = _lint(capsys, tmp_path, report(body="17年度，我局召开会议3次。"))
    assert [d["message"] for d in data["diagnostics"]] == ["“17年度”应写作“本年度”"]


def test_required_per_era_and_in_headings(tmp_path, capsys):
    _pack(tmp_path, '''
[[rules]]
code = "TP301"
name = "needs-guide"
type = "required"
severity = "error"
eras = ["reg2008"]
message = "缺少“政府信息公开指南”"
tokens = ["政府信息公开指南"]
must-fire = ["主动公开信息120条。"]
must-not-fire = ["更新了政府信息公开指南。"]

[[rules]]
code = "TP302"
name = "needs-heading"
type = "required"
severity = "warning"
scope = "headings"
eras = ["fmt2021"]
message = "缺少“总体情况”一节"
tokens = ["总体情况"]
must-fire = ["一、主动公开情况\\n总体情况良好。"]
must-not-fire = ["一、总体情况"]
''')
    text = report(body="我局主动公开信息。")
    code, data = _lint(capsys, tmp_path, text)
    assert found(data) == [("r.txt", "TP301", 1)] and code == 1  # anchored at the title; TP302 is for fmt2021 only
    _, data = _lint(capsys, tmp_path, report(body="我局更新了政府信息公开指南。"))
    assert found(data) == []
    _, data = _lint(capsys, tmp_path, text, "--config", write(tmp_path / "c2.toml", 'rule-packs = ["pack.toml"]\nera = "fmt2021"\n'))
    assert found(data) == [("r.txt", "TP302", 1)]


def test_occurrence_min_and_max(tmp_path, capsys):
    _pack(tmp_path, '''
[[rules]]
code = "TP401"
name = "stock-phrase"
type = "occurrence"
severity = "info"
max = 1
message = "“{match}”出现 {count} 次，至多 {max} 次"
tokens = ["进一步"]
must-fire = ["进一步加强。进一步完善。"]
must-not-fire = ["进一步加强。"]

[[rules]]
code = "TP402"
name = "mentions-review"
type = "occurrence"
severity = "info"
min = 2
message = "“保密审查”只出现 {count} 次，至少 {min} 次"
tokens = ["保密审查"]
must-fire = ["保密审查。"]
must-not-fire = ["保密审查。保密审查。"]
''')
    body = "进一步加强领导。\n\n进一步完善制度，落实保密审查。\n\n进一步提高质量。"
    text = report(body=body)
    _, data = _lint(capsys, tmp_path, text)
    assert found(data) == [("r.txt", "TP401", frame_line("进一步完善", text)), ("r.txt", "TP402", 1)]
    assert [d["message"] for d in data["diagnostics"]] == ["“保密审查”只出现 1 次，至少 2 次", "“进一步”出现 4 次，至多 1 次"]  # the frame has one more


def test_messages_are_text_not_code(tmp_path, capsys):
    _pack(tmp_path, EXISTENCE.replace('message = "不要写“{match}”"', 'message = "{match.__class__} {0} {{match}}"'))
    _, data = _lint(capsys, tmp_path, report(body="通过微博发布。"))
    assert data["diagnostics"][0]["message"] == "{match.__class__} {0} {微博}"


def test_the_pack_rules_are_listed_and_explained(tmp_path, capsys):
    _pack(tmp_path, EXISTENCE)
    cfg = str(tmp_path / "reportlint.toml")
    code, out, _ = run(capsys, "rules", "--config", cfg)
    assert any(l.startswith("TP101  no-weibo") for l in out.splitlines())
    code, out, _ = run(capsys, "explain", "TP101", "--config", cfg)
    lines = out.splitlines()
    assert lines[0] == "TP101 no-weibo [warning] (fmt2019, fmt2021, reg2008)"
    for heading in ("作用", "为什么", "示例（错误）", "示例（正确）", "选项"):
        assert heading in lines
    assert "    通过微博发布" in lines and "    通过网站发布" in lines


# -- rejected packs -------------------------------------------------------------------------

def _rejected(tmp_path, capsys, rules: str) -> list[str]:
    path = _pack(tmp_path, rules)
    code, out, err = run(capsys, "check", write(tmp_path / "r.txt", report()))
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.splitlines()[0].startswith(f"reportlint: {path}: 配置有误 / invalid configuration")
    return [l.strip() for l in err.splitlines()[1:]] or [err.split("invalid configuration: ", 1)[1].strip()]


def test_examples_that_fail_reject_the_pack(tmp_path, capsys):
    bad = EXISTENCE.replace('must-fire = ["通过微博发布"]', 'must-fire = ["通过微信发布", "微博"]').replace(
        'must-not-fire = ["通过网站发布"]', 'must-not-fire = ["网站和微博"]')
    assert _rejected(tmp_path, capsys, bad) == [
        "rules[0] (TP101): must-fire 示例 1 没有触发 / must-fire example 1 does not fire: '通过微信发布'",
        "rules[0] (TP101): must-not-fire 示例 1 触发了 / must-not-fire example 1 fires on '微博': '网站和微博'",
    ]


def test_a_substitution_that_retriggers_itself_is_rejected(tmp_path, capsys):
    problems = _rejected(tmp_path, capsys, '''
[[rules]]
code = "TP203"
name = "loop"
type = "substitution"
severity = "info"
message = "x"
swap = { "公众号" = "微信公众号" }
must-fire = ["公众号"]
must-not-fire = ["网站"]
''')
    assert problems == ["rules[0] (TP203): 替换后的 must-fire 示例 1 仍然触发，替换不收敛 / must-fire example 1 still fires after "
                        "the substitution ('微信公众号'): the fix would never settle"]


@pytest.mark.parametrize("pattern,reason", [
    ("(a+)+b", "nested quantifiers such as (a+)+ are not allowed"),
    ("(?:[0-9]+,?)*条", "nested quantifiers such as (a+)+ are not allowed"),
    ("(微博)\\1", "back-references are not allowed"),
    ("(?R)?", "recursion, subroutine calls and conditionals are not allowed"),
    ("(?:微博){e<=1}", "fuzzy matching is not allowed"),
])
def test_unsafe_patterns_are_rejected_at_load(tmp_path, capsys, pattern, reason):
    problems = _rejected(tmp_path, capsys, EXISTENCE.replace("'[0-9]+余条'", f"'{pattern}'"))
    assert len(problems) == 1 and problems[0].startswith("rules[0] (TP101).patterns[0]: ")
    assert reason in problems[0] and problems[0].endswith(pattern)


def test_invalid_regex_is_rejected(tmp_path, capsys):
    problems = _rejected(tmp_path, capsys, EXISTENCE.replace("'[0-9]+余条'", "'[0-9+余条'"))
    assert len(problems) == 1 and problems[0].startswith("rules[0] (TP101): 正则表达式无效 / invalid regular expression: ")


@pytest.mark.parametrize("edit,expected", [
    (("message = ", "mesage = "), ['rules[0].mesage: 未知的配置项；您是否想写 "message"？ / unknown key; did you mean "message"?',
                                    "rules[0].message: 缺少必填项 / required key missing"]),
    (('code = "TP101"', 'code = "tp1"'), ['rules[0].code: 应为字母加三位数字，如 HS101 / expected letters then three digits, e.g. HS101: "tp1"']),
    (('type = "existence"', 'type = "existance"'),
     ['rules[0].type: 取值 "existance" 无效（可选：existence, substitution, required, occurrence）；您是否想写 "existence"？ / '
      'invalid value "existance" (allowed: existence, substitution, required, occurrence); did you mean "existence"?']),
    (('tokens = ["微博"]\n', 'tokens = "微博"\n'), ['rules[0].tokens: 类型错误：应为数组，实际为字符串 "微博" / wrong type: expected array, got string']),
    (('tokens = ["微博"]\n', 'swap = { "a" = "b" }\ntokens = ["微博"]\n'), ["rules[0].swap: 此处不允许这个键 / this key is not allowed here"]),
    (("must-not-fire = [\"通过网站发布\"]\n", "must-not-fire = []\n"), ["rules[0].must-not-fire: 不能为空 / must not be empty"]),
])
def test_schema_errors_name_the_key(tmp_path, capsys, edit, expected):
    assert _rejected(tmp_path, capsys, EXISTENCE.replace(*edit)) == expected


def test_existence_needs_tokens_or_patterns(tmp_path, capsys):
    rules = EXISTENCE.replace('tokens = ["微博"]\n', "").replace("patterns = ['[0-9]+余条']\n", "")
    problems = _rejected(tmp_path, capsys, rules)
    assert problems[0].startswith("rules[0]: 需要 tokens 或 patterns / needs tokens or patterns")


def test_duplicate_codes_and_clashes(tmp_path, capsys):
    assert _rejected(tmp_path, capsys, EXISTENCE + EXISTENCE) == ["rules[1] (TP101): 规则代码重复 / duplicate rule code TP101"]
    _pack(tmp_path, EXISTENCE.replace('"TP101"', '"W601"'))
    code, _, err = run(capsys, "check", write(tmp_path / "r.txt", report()))
    assert code == 2 and "W601" in err and "pack:test-pack" in err and "builtin" in err


def test_pattern_time_budget(tmp_path, capsys):
    # (?:a|aa)+b has no nested quantifier but backtracks exponentially on a long run of a's
    _pack(tmp_path, EXISTENCE.replace("'[0-9]+余条'", "'(?:a|aa)+b'").replace(
        'must-fire = ["通过微博发布"]', 'must-fire = ["通过微博发布", "aab"]'))
    text = report(body="a" * 60 + "\n\n截止目前，我局共召开会议3次。")
    target = write(tmp_path / "r.txt", text)
    code, data = run_json(capsys, "check", target, "--select", "TP,W601,E900")
    assert found(data) == [("r.txt", "E900", 1), ("r.txt", "W601", frame_line("截止目前", text))]
    e900 = next(d for d in data["diagnostics"] if d["code"] == "E900")
    assert e900["evidence"]["rule"] == "TP101"
    assert "(?:a|aa)+b" in e900["message"] and "0.25" in e900["message"]


def test_unsafe_reason_accepts_ordinary_patterns():
    for p in ["[0-9]+(?:余|多)(?:条|件)", "(?:一|二|三)+", "截止(?=目前)", "x{2,3}", "(ab){3}", "(a+)?", "\\p{Han}{2,}"]:
        assert unsafe_reason(p) is None, p


# -- the example pack -------------------------------------------------------------------------

def test_example_pack_loads():
    pack = load_pack(HOUSE_STYLE)
    assert pack.name == "house-style"
    assert [(r.code, r.kind, r.severity.value, r.fixable) for r in pack.rules] == [
        ("HS101", "existence", "warning", False), ("HS102", "substitution", "warning", True),
        ("HS103", "required", "warning", False), ("HS104", "occurrence", "info", False)]


def test_example_pack_changes_the_example_findings_as_documented(capsys):
    cfg = os.path.join(EXAMPLES, "packs", "house-style-config.toml")
    _, plain = run_json(capsys, "check", EXAMPLES, "--fail-on", "info", "--isolated")
    _, packed = run_json(capsys, "check", EXAMPLES, "--fail-on", "info", "--config", cfg)
    assert found(packed, "HS") == [
        ("clean-2017-department.txt", "HS101", 27),  # 培训……120余人次
        ("clean-2017-department.txt", "HS102", 27),  # 微信公众号
        ("clean-2021-department.txt", "HS102", 23),
        ("clean-2021-department.txt", "HS103", 1),   # 2021 format, no 政府信息公开指南
        ("faulty-2017-bureau.txt", "HS104", 41),     # 进一步 twice
        ("faulty-2018-township-wrapped.txt", "HS102", 61),
        ("faulty-2018-township-wrapped.txt", "HS102", 87),
        ("faulty-2021-tables.txt", "HS102", 23),
        ("faulty-2021-tables.txt", "HS103", 1),
    ]
    assert [x for x in found(packed) if not x[1].startswith("HS")] == found(plain)


def test_pack_error_lists_every_problem(tmp_path):
    path = write(tmp_path / "p.toml", '[pack]\nname = "Bad Name"\n')
    with pytest.raises(PackError) as exc:
        load_pack(path)
    assert exc.value.problems == ["pack.name: 应为小写字母、数字和连字符 / expected lower-case letters, digits and hyphens: \"Bad Name\"",
                                  "rules: 缺少必填项 / required key missing"]  # sorted by key
