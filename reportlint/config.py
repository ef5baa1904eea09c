"""Configuration: discovery, reading, validation, and the settings each file is linted with.

Where a configuration comes from (docs/configuration.md has the full story):

- ``[tool.reportlint]`` in ``pyproject.toml``, or the top level of
  ``reportlint.toml`` / ``.reportlint.toml``. For every linted file the
  closest one wins, looking from the file's folder upwards (in one folder:
  ``.reportlint.toml``, then ``reportlint.toml``, then ``pyproject.toml``).
  Configurations are not merged: the closest one is the whole story for the
  files below it. The per-folder lookup is cached for the run.
- ``--config PATH`` uses one file for every linted file; ``--isolated`` uses none.
- Command-line flags override the file (``--select`` replaces ``select`` and
  ``extend-select``, ``--ignore`` replaces ``ignore``, ``--extend-select`` adds).

A configuration is validated against ``reportlint/schemas/config.schema.json``
plus the fragments plugins contribute through ``reportlint_config_schema``,
then against the registry (rule codes, per-rule option names and types, the
profile). Any problem is a :class:`ConfigError` naming the file, the key and,
where one is close, a "did you mean" suggestion — exit code 2, never a
traceback.

Import cost matters (a pre-commit hook runs ``reportlint check`` once per
commit): ``tomllib`` is imported only when a candidate file mentions
reportlint, and ``jsonschema`` only when a configuration file was actually
found and was not found valid before, unchanged (reportlint/validated.py).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from reportlint.datetype import date
from functools import lru_cache

from reportlint.engine import FileResult, Linter, Settings, discover
from reportlint.model import AgencyKind, Era
from reportlint.plugins import PluginError, Registry, load_registry
from reportlint.rule import Severity
from reportlint import validated
from reportlint.timelimit import DEFAULT_RULE_TIMEOUT
from reportlint.records import Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: ~15 M instructions of every start
if TYPE_CHECKING:
    from typing import Any


CONFIG_NAMES = (".reportlint.toml", "reportlint.toml", "pyproject.toml")
SCHEMA_RESOURCE = "config.schema.json"


class ConfigError(Exception):
    """A configuration file (or a rule pack or baseline it names) is wrong: exit code 2.

    ``problems`` are lines "key: zh / en"; ``str()`` names the file first.
    """

    def __init__(self, path: str, problems: Sequence[str] | str) -> None:
        self.path = path
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.path.startswith("--"):  # a command-line flag, not a file
            return "; ".join(self.problems)
        head = f"{_show(self.path)}: 配置有误 / invalid configuration"
        if len(self.problems) == 1:
            return f"{head}: {self.problems[0]}"
        return head + ":\n" + "\n".join(f"  {p}" for p in self.problems)


def _show(path: str) -> str:
    """A path as the user would write it: relative to the current folder when below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith(os.pardir) else rel


# -- reading ----------------------------------------------------------------------------------

def _tomllib():
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    return tomllib


def read_toml(path: str) -> dict:
    """Parse a TOML file; a syntax error or an unreadable file is a ConfigError."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ConfigError(path, f"无法读取 / cannot read: {exc.strerror or exc}") from None
    return _parse_toml(path, data)


def _parse_toml(path: str, data: bytes) -> dict:
    tomllib = _tomllib()
    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(path, "不是 UTF-8 编码 / not UTF-8 encoded") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, f"TOML 语法错误 / invalid TOML: {exc}") from None


class ConfigFile(Record):
    """One configuration: the table and where it came from.

    ``path`` is the file's absolute path; ``table`` the [tool.reportlint] table,
    or the whole reportlint.toml; ``prefix`` is "tool.reportlint." for
    pyproject.toml: how keys are named in messages.
    """

    __slots__ = ("path", "table", "prefix")

    def __init__(self, path: str, table: Mapping[str, Any], prefix: str = "") -> None:
        self.path = path
        self.table = table
        self.prefix = prefix

    @property
    def root(self) -> str:
        """The folder relative paths in the configuration are resolved against."""
        return os.path.dirname(self.path)


def load_config_file(path: str) -> ConfigFile:
    """Read a configuration file named explicitly (``--config``) or found by discovery."""
    path = os.path.abspath(path)
    if not os.path.isfile(path):
        raise ConfigError(path, "文件不存在 / no such file")
    data = read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        table = data.get("tool", {}).get("reportlint") if isinstance(data.get("tool"), dict) else None
        if table is None:
            raise ConfigError(path, "没有 [tool.reportlint] 表 / has no [tool.reportlint] table")
        if not isinstance(table, dict):
            raise ConfigError(path, "tool.reportlint: 应为表 / must be a table")
        return ConfigFile(path, table, "tool.reportlint.")
    return ConfigFile(path, data)


def _pyproject_has_table(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return False
    if b"reportlint" not in data:  # cheap: most pyproject.toml files never mention us (no tomllib import)
        return False
    tool = _parse_toml(path, data).get("tool")
    return isinstance(tool, dict) and "reportlint" in tool


def find_config(directory: str, cache: dict[str, str | None] | None = None) -> str | None:
    """The closest configuration file at or above ``directory`` (absolute path), or None.

    ``cache`` maps folders already looked at to their answer; every folder
    visited on the way up is filled in, so a run over many files in a few
    folders stats each candidate once.
    """
    cache = {} if cache is None else cache
    d = os.path.abspath(directory)
    visited: list[str] = []
    found: str | None = None
    while True:
        if d in cache:
            found = cache[d]
            break
        visited.append(d)
        hit = None
        for name in CONFIG_NAMES:
            candidate = os.path.join(d, name)
            if os.path.isfile(candidate) and (name != "pyproject.toml" or _pyproject_has_table(candidate)):
                hit = candidate
                break
        if hit is not None:
            found = hit
            break
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    for v in visited:
        cache[v] = found
    return found


# -- validation -------------------------------------------------------------------------------

def load_schema(name: str) -> dict:
    """A schema shipped in ``reportlint/schemas``, read as the file it is when it is one.

    importlib.resources, which also reads a package inside a zip file, imports
    pathlib, tempfile, zipfile and more: ~19 ms of every check of a configured
    project. It is the fallback for an installation without plain files.
    """
    import json  # only for configuration files, not for every start

    try:
        with open(os.path.join(os.path.dirname(__file__), "schemas", name), encoding="utf-8") as fh:
            text = fh.read()
    except OSError:
        from importlib import resources

        text = resources.files("reportlint").joinpath("schemas", name).read_text(encoding="utf-8")
    return json.loads(text)


def merge_fragment(schema: dict, fragment: Any, plugin: str) -> None:
    """Merge a plugin's ``reportlint_config_schema`` fragment into ``schema`` (in place).

    A fragment is a JSON schema for the same table. Its ``properties`` may add
    top-level keys of the plugin's own, and ``rules.properties.CODE`` entries
    describing its rules' options; ``$defs`` are added by name. A fragment that
    touches a key reportlint (or another plugin) already defines, differently,
    is a clash and stops the run: a plugin cannot loosen or redefine the core
    options.
    """
    if (not isinstance(fragment, dict) or not set(fragment) <= {"properties", "$defs", "description", "title"}
            or not isinstance(fragment.get("properties", {}), dict) or not isinstance(fragment.get("$defs", {}), dict)):
        raise PluginError(f"插件 {plugin} 的 reportlint_config_schema 应返回含 properties 的 JSON schema 片段 / "
                          f"plugin {plugin}: reportlint_config_schema must return a JSON-schema fragment with 'properties'")

    def add(target: dict, key: str, value: Any, where: str) -> None:
        if key in target and target[key] != value:
            raise PluginError(f"插件 {plugin} 的配置 schema 与已有定义冲突 / plugin {plugin}: its configuration schema "
                              f"clashes with an existing definition at {where}.{key}")
        target[key] = value

    props = schema.setdefault("properties", {})
    for key, sub in fragment.get("properties", {}).items():
        if key == "rules" and isinstance(sub, dict) and set(sub) == {"properties"} and isinstance(sub["properties"], dict):
            rules = props["rules"].setdefault("properties", {})
            for code, rule_schema in sub["properties"].items():
                add(rules, code, rule_schema, "schema.properties.rules.properties")
        else:
            add(props, key, sub, "schema.properties")
    defs = schema.setdefault("$defs", {})
    for key, sub in fragment.get("$defs", {}).items():
        add(defs, key, sub, "schema.$defs")


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, dict):
        return "table"
    return type(value).__name__


_TYPE_ZH = {"boolean": "布尔值", "integer": "整数", "number": "数字", "string": "字符串", "array": "数组", "table": "表",
            "object": "表"}


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to ``word`` (difflib), or None when nothing is close."""
    import difflib

    cands = list(candidates)
    match = difflib.get_close_matches(word, cands, n=1, cutoff=0.6)
    if not match:
        lower = {c.lower(): c for c in cands}
        match = [lower[m] for m in difflib.get_close_matches(word.lower(), list(lower), n=1, cutoff=0.6)]
    return match[0] if match else None


def _msg(where: str, zh: str, en: str, word: str | None = None, candidates: Iterable[str] = ()) -> str:
    """"key: zh（did-you-mean） / en (did you mean)"."""
    hint = closest(word, candidates) if word is not None else None
    if hint is not None:
        zh += f"；您是否想写 \"{hint}\"？"
        en += f"; did you mean \"{hint}\"?"
    return f"{where}: {zh} / {en}"


def key_path(prefix: str, parts: Iterable[Any]) -> str:
    """A TOML-ish key path: ``tool.reportlint.rules.X702.threshold``, ``select[2]``, ``per-file-ignores."a/*.txt"``."""
    import json

    out = prefix.rstrip(".")
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            p = str(p)
            shown = p if re.fullmatch(r"[A-Za-z0-9_-]+", p) else json.dumps(p, ensure_ascii=False)
            out = f"{out}.{shown}" if out else shown
    return out or "(顶层 / top level)"


def schema_problems(instance: Any, schema: dict, prefix: str = "") -> list[str]:
    """Validate with jsonschema and word every error as "key: zh / en (did you mean …)"."""
    from jsonschema import Draft202012Validator  # only when there is a file to check

    validator = Draft202012Validator(schema)
    problems: list[str] = []
    for err in sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path]):
        problems.extend(_word_error(err, prefix))
    return list(dict.fromkeys(problems))


def _word_error(err, prefix: str) -> list[str]:
    import json

    path = list(err.absolute_path)
    where = key_path(prefix, path)
    schema = err.schema if isinstance(err.schema, dict) else {}
    v = err.validator
    if v == "additionalProperties" and isinstance(err.instance, dict):
        known = list(schema.get("properties", {}))
        patterns = list(schema.get("patternProperties", {}))
        extra = [k for k in err.instance if k not in known and not any(re.search(p, k) for p in patterns)]
        return [_msg(key_path(prefix, path + [k]), "未知的配置项", "unknown key", k, known) for k in extra]
    if err.schema is False or (v == "not" and err.validator_value == {}):  # {"not": {}}: a key that must be absent
        return [f"{where}: 此处不允许这个键 / this key is not allowed here"]
    if "x-message" in schema and v in ("pattern", "anyOf", "format"):
        return [f"{where}: {schema['x-message']}: {json.dumps(err.instance, ensure_ascii=False)}"]
    if v == "type":
        want = err.validator_value if isinstance(err.validator_value, str) else "/".join(err.validator_value)
        got = _type_name(err.instance)
        return [f"{where}: 类型错误：应为{_TYPE_ZH.get(want, want)}，实际为{_TYPE_ZH.get(got, got)} "
                f"{json.dumps(err.instance, ensure_ascii=False, default=str)} / "
                f"wrong type: expected {'a table' if want == 'object' else want}, got {got}"]
    if v == "enum":
        allowed = [str(a) for a in err.validator_value]
        got = json.dumps(err.instance, ensure_ascii=False, default=str)
        if not isinstance(err.instance, str):
            return [f"{where}: 类型错误：应为字符串（{', '.join(allowed)}），实际为 {got} / "
                    f"wrong type: expected one of {', '.join(allowed)}, got {_type_name(err.instance)} {got}"]
        return [_msg(where, f"取值 {got} 无效（可选：{', '.join(allowed)}）", f"invalid value {got} (allowed: {', '.join(allowed)})",
                     err.instance, allowed)]
    if v == "required":
        missing = [k for k in err.validator_value if isinstance(err.instance, dict) and k not in err.instance]
        return [f"{key_path(prefix, path + [k])}: 缺少必填项 / required key missing" for k in missing] or [f"{where}: {err.message}"]
    if v in ("minItems", "minLength", "minProperties"):
        return [f"{where}: 不能为空 / must not be empty"]
    if v == "minimum":
        return [f"{where}: 不能小于 {err.validator_value} / must be at least {err.validator_value}"]
    if v == "const":
        return [f"{where}: 应为 {json.dumps(err.validator_value, ensure_ascii=False)} / must be {json.dumps(err.validator_value)}"]
    return [f"{where}: {err.message}"]


_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _unknown_code(where: str, value: str, codes: Sequence[str]) -> str:
    u = value.strip().upper()
    fixed = u[:1] + u[1:].translate(_CONFUSABLE)  # "D4O4" is nearly always D404
    cands = list(codes) + ["ALL"]
    if fixed != u and any(c.startswith(fixed) for c in codes):
        cands = [fixed]
        u = fixed
    return _msg(where, f"未知的规则代码 \"{value}\"", f"unknown rule code \"{value}\"", u, cands)


def _code_problems(values: Iterable[str], codes: Sequence[str], where: str) -> list[str]:
    """Each value must be ALL or a prefix of at least one registered code."""
    out = []
    for v in values:
        if not isinstance(v, str):
            continue  # the schema reports the type
        u = v.strip().upper()
        if u == "ALL" or any(c.startswith(u) for c in codes):
            continue
        out.append(_unknown_code(where, v, codes))
    return out


def _option_problem(rule_code: str, name: str, value: Any, default: Any, where: str) -> str | None:
    """Check an option's value against the type of the rule's default."""
    import json

    def bad(expected: str, expected_zh: str | None = None, note: str = "") -> str:
        got = _type_name(value)
        shown = json.dumps(value, ensure_ascii=False, default=str)
        return (f"{where}: 类型错误：规则 {rule_code} 的选项 {name} 应为{expected_zh or _TYPE_ZH.get(expected, expected)}，"
                f"实际为{_TYPE_ZH.get(got, got)} {shown} / wrong type: option {name} of {rule_code} expects {expected}, "
                f"got {got}{note}")

    if default is None:
        return None
    if isinstance(default, bool):
        return None if isinstance(value, bool) else bad("boolean")
    if isinstance(default, int):
        return None if isinstance(value, int) and not isinstance(value, bool) else bad("integer")
    if isinstance(default, float):
        return None if isinstance(value, (int, float)) and not isinstance(value, bool) else bad("number")
    if isinstance(default, str):
        return None if isinstance(value, str) else bad("string")
    if isinstance(default, (list, tuple, frozenset, set)):
        if not isinstance(value, list):
            return bad("array")
        kinds = {_type_name(x) for x in default}
        if len(kinds) == 1:
            (kind,) = kinds
            for i, item in enumerate(value):
                if _type_name(item) != kind and not (kind == "number" and _type_name(item) == "integer"):
                    return bad(f"array of {kind}", f"{_TYPE_ZH.get(kind, kind)}数组", f" (item {i})")
        return None
    if isinstance(default, Mapping):
        return None if isinstance(value, dict) else bad("table")
    return None


def _month_day(text: str) -> tuple[int, int]:
    m, d = (int(x) for x in text.split("-"))
    date(2001, m, d)  # ValueError for 02-30, 04-31 … (29 February is not a fixed deadline either)
    return m, d


def registry_problems(cfg: ConfigFile, registry: Registry) -> list[str]:
    """What the schema cannot know: rule codes, option names and types, the profile, real dates."""
    t, p = cfg.table, cfg.prefix
    codes = sorted(registry.rules)
    out: list[str] = []

    def table(key: str) -> dict:  # a value of the wrong type is the schema's to report
        value = t.get(key, {})
        return value if isinstance(value, dict) else {}

    for key in ("select", "extend-select", "ignore"):
        values = t.get(key, [])
        for i, v in enumerate(values if isinstance(values, list) else []):
            out += _code_problems([v], codes, key_path(p, [key, i]))
    for glob, values in table("per-file-ignores").items():
        for i, v in enumerate(values if isinstance(values, list) else []):
            out += _code_problems([v], codes, key_path(p, ["per-file-ignores", glob, i]))
    for code in table("severity"):
        out += _code_problems([code], codes, key_path(p, ["severity", code]))
    for code, options in table("rules").items():
        rule = registry.rules.get(code.upper())
        where = key_path(p, ["rules", code])
        if rule is None:
            out.append(_unknown_code(where, code, codes))
            continue
        for name, value in (options.items() if isinstance(options, dict) else ()):
            w = key_path(p, ["rules", code, name])
            if name not in rule.options:
                have = ", ".join(rule.options)
                out.append(_msg(w, f"规则 {rule.code} 没有选项 \"{name}\"（{'可用：' + have if have else '该规则没有选项'}）",
                                f"rule {rule.code} has no option \"{name}\" ({'options: ' + have if have else 'it has no options'})",
                                name, list(rule.options)))
                continue
            problem = _option_problem(rule.code, name, value, rule.options[name], w)
            if problem:
                out.append(problem)
    profile = t.get("profile")
    if isinstance(profile, str) and profile not in registry.profiles:
        have = ", ".join(sorted(registry.profiles))
        out.append(_msg(key_path(p, ["profile"]), f"未知的方案 \"{profile}\"（可用：{have}）",
                        f"unknown profile \"{profile}\" (available: {have})", profile, list(registry.profiles)))
    for key, value in table("deadlines").items():
        items = value.items() if isinstance(value, dict) else [(None, value)]
        for kind, text in items:
            if not isinstance(text, str) or not re.fullmatch(r"[0-9]{1,2}-[0-9]{1,2}", text):
                continue  # the schema reports the shape
            try:
                _month_day(text)
            except ValueError:
                w = key_path(p, ["deadlines", key] + ([kind] if kind else []))
                out.append(f"{w}: 没有这个日期 \"{text}\" / no such date \"{text}\"")
    return out


# -- from a configuration to Settings ---------------------------------------------------------

class Overrides(Record):
    """What the command line says; None means "as configured"."""

    __slots__ = ("select", "ignore", "extend_select", "fail_on", "lang", "profile", "baseline", "verbose")

    def __init__(self, select: tuple[str, ...] | None = None, ignore: tuple[str, ...] | None = None,
                 extend_select: tuple[str, ...] = (), fail_on: str | None = None, lang: str | None = None,
                 profile: str | None = None, baseline: str | None = None, verbose: bool = False) -> None:
        self.select = select
        self.ignore = ignore
        self.extend_select = extend_select
        self.fail_on = fail_on
        self.lang = lang
        self.profile = profile
        self.baseline = baseline
        self.verbose = verbose


def _deadlines(table: Mapping[str, Any]) -> dict[tuple[Era, AgencyKind], tuple[int, int]]:
    out: dict[tuple[Era, AgencyKind], tuple[int, int]] = {}
    for kind in AgencyKind:  # body kind for every era first, then the per-era tables win
        if kind.value in table:
            for era in Era:
                out[(era, kind)] = _month_day(table[kind.value])
    for era in Era:
        for kind_name, text in table.get(era.value, {}).items():
            out[(era, AgencyKind(kind_name))] = _month_day(text)
    return out


def _upper(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in codes)


def settings_from(cfg: ConfigFile | None, overrides: Overrides) -> Settings:
    """The Settings a file is linted with: the configuration, then the command line on top."""
    t: Mapping[str, Any] = cfg.table if cfg else {}
    o = overrides
    if o.select is not None:
        select = o.select
    else:
        select = _upper(t.get("select", ("ALL",))) + _upper(t.get("extend-select", ()))
    select = tuple(select) + tuple(o.extend_select)
    ignore = o.ignore if o.ignore is not None else _upper(t.get("ignore", ()))
    baseline = o.baseline
    if baseline is None and t.get("baseline") and cfg is not None:
        baseline = os.path.normpath(os.path.join(cfg.root, t["baseline"]))
    core = set(load_schema(SCHEMA_RESOURCE)["properties"]) if cfg and t else set()
    return Settings(
        select=select,
        ignore=tuple(ignore),
        fail_on=Severity(o.fail_on or t.get("fail-on", "error")),
        lang=o.lang or t.get("lang", "zh"),
        verbose=o.verbose,
        profile=o.profile or t.get("profile", "national"),
        rule_options={code.upper(): dict(opts) for code, opts in t.get("rules", {}).items()},
        severities={code.strip().upper(): sev for code, sev in t.get("severity", {}).items()},
        per_file_ignores=tuple((glob, _upper(codes)) for glob, codes in t.get("per-file-ignores", {}).items()),
        root=cfg.root if cfg else None,
        era=t.get("era"),
        agency_kind=t.get("agency-kind"),
        deadlines=_deadlines(t.get("deadlines", {})),
        baseline=baseline,
        config_path=cfg.path if cfg else None,
        extra={k: v for k, v in t.items() if k not in core},
        rule_timeout=float(t.get("rule-timeout", DEFAULT_RULE_TIMEOUT)),
    )


# -- per-file ignores -------------------------------------------------------------------------

@lru_cache(maxsize=256)
def _glob_regex(glob: str) -> re.Pattern[str]:
    """``**`` crosses folders, ``*`` and ``?`` stay within one, ``[…]`` is a set."""
    out, i = [], 0
    while i < len(glob):
        c = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = glob.find("]", i + 1)
            if j < 0:
                out.append(re.escape(c))
                i += 1
            else:
                body = glob[i + 1:j]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    return re.compile("".join(out) + r"\Z")


def glob_matches(glob: str, path: str, root: str | None) -> bool:
    """Does ``glob`` (relative to ``root``) match ``path``? A glob without "/" also matches the file name."""
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, root) if root else path
    rel = rel.replace(os.sep, "/")
    g = glob.replace(os.sep, "/")
    if g.startswith("./"):
        g = g[2:]
    rx = _glob_regex(g)
    if rx.match(rel):
        return True
    return "/" not in g and bool(rx.match(os.path.basename(absolute)))


def file_ignores(settings: Settings, path: str) -> tuple[str, ...]:
    """The codes or prefixes ``per-file-ignores`` switches off for ``path`` ("" = every code)."""
    out: list[str] = []
    for glob, codes in settings.per_file_ignores:
        if glob_matches(glob, path, settings.root):
            out.extend("" if c == "ALL" else c for c in codes)
    return tuple(out)


# -- local plugins and rule packs -------------------------------------------------------------

def load_local_plugin(spec: str, cfg: ConfigFile, index: int) -> tuple[str, Any]:
    """Import a plugin module from a path in the configuration, without installing it.

    ``spec`` is a ``.py`` file or a package folder (with ``__init__.py``),
    relative to the configuration file. The module is imported under its own
    name (file stem or folder name), so relative imports inside a package work.
    """
    import importlib.util

    where = key_path(cfg.prefix, ["plugins", index])
    path = os.path.normpath(os.path.join(cfg.root, spec))
    search = None
    if os.path.isdir(path):
        init = os.path.join(path, "__init__.py")
        if not os.path.isfile(init):
            raise ConfigError(cfg.path, f"{where}: 文件夹 {spec} 不是 Python 包（没有 __init__.py） / "
                                        f"folder {spec} is not a Python package (no __init__.py)")
        name, file, search = os.path.basename(path), init, [path]
    elif os.path.isfile(path) and path.endswith(".py"):
        name, file = os.path.splitext(os.path.basename(path))[0], path
    else:
        raise ConfigError(cfg.path, f"{where}: 找不到插件 {spec}（应为 .py 文件或包文件夹，相对于配置文件） / "
                                    f"plugin {spec} not found (a .py file or a package folder, relative to the configuration file)")
    if not name.isidentifier():
        raise ConfigError(cfg.path, f"{where}: 插件名 {name!r} 不是合法的模块名 / {name!r} is not a valid module name")
    existing = sys.modules.get(name)
    if existing is not None:
        if os.path.abspath(getattr(existing, "__file__", "") or "") == os.path.abspath(file):
            return spec, existing
        raise PluginError(f"本地插件 {spec} 的模块名 {name} 与已导入的模块冲突 / local plugin {spec}: module name {name} "
                          f"clashes with an already imported module ({getattr(existing, '__file__', None) or 'built-in'})")
    module_spec = importlib.util.spec_from_file_location(name, file, submodule_search_locations=search)
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[name] = module
    try:
        module_spec.loader.exec_module(module)
    except Exception as exc:
        sys.modules.pop(name, None)
        raise PluginError(f"本地插件 {spec} 无法加载 / local plugin {spec} ({_show(path)}) failed to load: "
                          f"{type(exc).__name__}: {exc}") from exc
    return spec, module


def _extras(cfg: ConfigFile) -> list[tuple[str, Any]]:
    """Local plugins and rule packs the configuration names, ready for ``load_registry(extra=…)``."""
    problems = []
    for key in ("plugins", "rule-packs"):
        value = cfg.table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            problems.append(f"{key_path(cfg.prefix, [key])}: 类型错误：应为字符串数组 / wrong type: expected an array of paths")
    if problems:
        raise ConfigError(cfg.path, problems)
    extra = []
    for i, spec in enumerate(cfg.table.get("plugins", [])):
        name, module = load_local_plugin(spec, cfg, i)
        if any(m is module for _, m in extra):
            raise ConfigError(cfg.path, f"{key_path(cfg.prefix, ['plugins', i])}: 插件 {spec} 重复 / plugin {spec} is named twice")
        extra.append((name, module))
    if cfg.table.get("rule-packs"):
        from reportlint.packs import PackError, load_pack

        for i, spec in enumerate(cfg.table["rule-packs"]):
            path = os.path.normpath(os.path.join(cfg.root, spec))
            if not os.path.isfile(path):
                raise ConfigError(cfg.path, f"{key_path(cfg.prefix, ['rule-packs', i])}: 找不到规则包 {spec} / "
                                            f"rule pack {spec} not found (relative to the configuration file)")
            try:
                pack = load_pack(path)
            except PackError as exc:
                raise ConfigError(path, exc.problems) from None
            if any(name == f"pack:{pack.name}" for name, _ in extra):
                raise ConfigError(cfg.path, f"{key_path(cfg.prefix, ['rule-packs', i])}: 规则包 {pack.name} 重复 / "
                                            f"rule pack {pack.name} is named twice")
            extra.append((f"pack:{pack.name}", pack.plugin()))
    return extra


def build(cfg: ConfigFile | None, overrides: Overrides, default_registry: Registry | None = None) -> Linter:
    """Load what ``cfg`` names, validate it, and make the Linter for the files it governs."""
    if cfg is None:
        registry = default_registry or load_registry()
    else:
        extra = _extras(cfg)
        registry = load_registry(extra) if extra else (default_registry or load_registry())
        schema = load_schema(SCHEMA_RESOURCE)
        for plugin, fragment in registry.config_schemas.items():
            merge_fragment(schema, fragment, plugin)
        table = dict(cfg.table)
        valid_before = validated.digest(table, schema)
        known_valid = validated.known(valid_before)  # then jsonschema (~130 ms to import) is not needed
        problems = [] if known_valid else schema_problems(table, schema, cfg.prefix)
        try:  # codes, options and the profile too, so one run names every problem
            named = {p.split(": ", 1)[0] for p in problems}  # one problem per key: the schema's wins
            problems += [p for p in registry_problems(cfg, registry) if p.split(": ", 1)[0] not in named]
        except (AttributeError, TypeError, ValueError, KeyError):
            pass  # a value of the wrong type, already reported by the schema
        if problems:
            raise ConfigError(cfg.path, sorted(problems))
        if not known_valid:
            validated.remember(valid_before)
    if overrides.profile is not None and overrides.profile not in registry.profiles:
        have = ", ".join(sorted(registry.profiles))
        raise ConfigError("--profile", _msg("--profile", f"未知的方案 \"{overrides.profile}\"（可用：{have}）",
                                            f"unknown profile \"{overrides.profile}\" (available: {have})",
                                            overrides.profile, list(registry.profiles)))
    return Linter(settings_from(cfg, overrides), registry)


# -- the run: one Linter per configuration ----------------------------------------------------

class ConfiguredLinter:
    """Lints each file with the configuration closest to it.

    Offers the Linter methods the CLI and the fixer use (``lint_paths``,
    ``lint_file``, ``lint_bytes``, ``lint_source``, ``lint_across``,
    ``registry``, ``settings``) and dispatches each file to the Linter of its
    configuration. ``settings`` and ``registry`` are those of the configuration
    that applies to the current folder (or ``--config``): run-wide choices
    such as the message language come from there.

    Cross-report rules (X7xx) pair reports linted under the same configuration.
    """

    def __init__(self, overrides: Overrides = Overrides(), *, config: str | None = None, isolated: bool = False,
                 start: str | None = None) -> None:
        self.overrides = overrides
        self.isolated = isolated
        self._config_arg, self._start = config, start
        self._explicit = load_config_file(config) if config else None
        self._dirs: dict[str, str | None] = {}
        self._linters: dict[str | None, Linter] = {}
        self._default_registry: Registry | None = None
        self._by_path: dict[str, Linter] = {}
        self.primary = self.linter_for_dir(start or os.getcwd())

    # -- which configuration --------------------------------------------------------------
    def config_path_for_dir(self, directory: str) -> str | None:
        if self._explicit is not None:
            return self._explicit.path
        if self.isolated:
            return None
        return find_config(directory, self._dirs)

    def linter_for_dir(self, directory: str) -> Linter:
        key = self.config_path_for_dir(directory)
        linter = self._linters.get(key)
        if linter is None:
            if key is None:
                cfg = None
            elif self._explicit is not None:
                cfg = self._explicit
            else:
                cfg = load_config_file(key)
            if self._default_registry is None and (cfg is None or not (cfg.table.get("plugins") or cfg.table.get("rule-packs"))):
                self._default_registry = load_registry()
            linter = build(cfg, self.overrides, self._default_registry)
            self._linters[key] = linter
        return linter

    def linter_for(self, path: str) -> Linter:
        linter = self._by_path.get(path)
        if linter is None:
            linter = self.linter_for_dir(os.path.dirname(os.path.abspath(path)))
            self._by_path[path] = linter
        return linter

    def settings_for(self, path: str) -> Settings:
        return self.linter_for(path).settings

    @property
    def settings(self) -> Settings:
        return self.primary.settings

    @property
    def registry(self) -> Registry:
        return self.primary.registry

    @property
    def linters(self) -> list[Linter]:
        return list(self._linters.values())

    # -- the Linter interface -------------------------------------------------------------
    def discover(self, paths: Iterable[str]) -> list[tuple[str, bool]]:
        found: list[tuple[str, bool]] = []
        for path in paths:
            readers = self.linter_for_dir(path).registry.readers if os.path.isdir(path) else {}
            found.extend(discover([path], readers))
        return found

    def lint_paths(self, paths: Iterable[str], *, previous: FileResult | None = None, jobs: int | None = 1,
                   cache=None, progress=None, slim: bool = False) -> list[FileResult]:
        """Lint files and folders; see :func:`reportlint.batch.run` for ``jobs``, ``cache``, ``progress``, ``slim``."""
        from reportlint.batch import run

        return run(self, paths, jobs=jobs, cache=cache, progress=progress, previous=previous, slim=slim)

    @property
    def factory(self):
        """A picklable callable that builds this ConfiguredLinter anew (in a spawned worker process)."""
        import functools

        return functools.partial(ConfiguredLinter, self.overrides, config=self._config_arg,
                                 isolated=self.isolated, start=self._start)

    def lint_file(self, path: str, *, explicit: bool = True) -> FileResult:
        return self.linter_for(path).lint_file(path, explicit=explicit)

    def lint_bytes(self, path: str, data: bytes, reader=None) -> FileResult:
        return self.linter_for(path).lint_bytes(path, data, reader)

    def lint_source(self, source) -> FileResult:
        return self.linter_for(source.path).lint_source(source)

    def lint_across(self, results: list[FileResult], previous: FileResult | None = None, cache=None,
                    pair_map=None) -> None:
        groups: dict[int, tuple[Linter, list[FileResult]]] = {}
        for r in results:
            linter = self.linter_for(r.path)
            groups.setdefault(id(linter), (linter, []))[1].append(r)
        for linter, group in groups.values():
            if hasattr(linter, "lint_across"):
                linter.lint_across(group, previous, cache, pair_map)

    def checks(self, path: str, code: str) -> bool:
        """Was ``code`` checked for ``path`` in this run (selected, not "off", not ignored for the file)?"""
        from reportlint.selection import is_selected

        linter = self.linter_for(path)
        s = linter.settings
        return (is_selected(code, s.select, s.ignore) and linter._severity(code, Severity.ERROR) is not None
                and not linter._file_ignored(path, code))

    def failing(self, results: Iterable[FileResult]) -> bool:
        """Is any finding at or above the fail-on level of its own file's configuration?"""
        return any(d.severity.rank >= self.settings_for(r.path).fail_on.rank for r in results for d in r.diagnostics)


# -- reportlint init --------------------------------------------------------------------------

STARTER = '''\
# reportlint 配置 / reportlint configuration
#
# 对每个被检查的文件，离它最近的配置文件生效（从文件所在文件夹向上查找
# .reportlint.toml、reportlint.toml、含 [tool.reportlint] 的 pyproject.toml）。
# The configuration closest to each linted file applies. Command-line flags
# override it. Full reference: docs/configuration.md
# 写在 pyproject.toml 中时，把下面的内容放在 [tool.reportlint] 表下。
# 注意：TOML 中 [表] 之后的键都属于该表，所以单独的键写在前面，表写在后面。
# In TOML every key after a [table] header belongs to that table: plain keys first.

# 启用的规则：代码或前缀，"ALL" 为全部；最长匹配的前缀生效，长度相同时 ignore 优先。
# Rules to run: codes or prefixes ("ALL" = every rule); the longest match wins.
select = ["ALL"]
# extend-select = ["NX"]            # 在 select 之外再启用 / added to select
# ignore = ["W603"]                 # 停用 / disabled

# 达到该级别的问题使退出码为 1 / lowest severity that makes the exit code 1
fail-on = "error"
# 消息语言 / message language: "zh" or "en"
lang = "zh"

# 地方方案（插件提供，如 "ningxia"）/ a profile, e.g. one a plugin contributes
# profile = "national"

# 报告时代和机关类型无法自动识别时可以指定（对本配置下的所有文件生效）
# override the detected era / agency kind for every file under this configuration
# era = "fmt2021"                   # reg2008 / fmt2019 / fmt2021
# agency-kind = "department"        # government / department / township

# 本地插件（.py 文件或包文件夹）和声明式规则包（TOML），路径相对于本文件
# local plugins (a .py file or a package folder) and rule packs, relative to this file
# plugins = ["reportlint_plugins/local_rules.py"]
# rule-packs = ["packs/house-style.toml"]

# 基线：隐藏 reportlint check --write-baseline 记录的已知问题 / hide recorded findings
# baseline = "reportlint-baseline.json"

# 每条规则检查一个文件的时间上限（秒），超时给出 E900 / seconds a rule may spend on one file (E900 beyond)
# rule-timeout = 5

# 按文件停用规则（路径相对于本配置文件）/ per-file ignores (globs relative to this file)
# [per-file-ignores]
# "archive/**" = ["D404"]
# "*-draft.txt" = ["ALL"]

# 调整严重级别，"off" 为停用 / severity per code or prefix ("off" disables)
# [severity]
# W604 = "warning"
# D407 = "off"

# 公开期限（次年的 月-日），覆盖方案中的期限；可按时代分别设置
# publication deadlines (MM-DD of the following year), overriding the profile's
# [deadlines]
# department = "01-20"
# government = "03-15"
# [deadlines.fmt2021]
# township = "02-28"

# 规则选项 / per-rule options
# [rules.X702]
# threshold = 0.8
'''


def write_starter(path: str, *, force: bool = False) -> str:
    """Write the starter configuration; refuse to overwrite unless ``force``. Returns the path written."""
    if os.path.isdir(path):
        path = os.path.join(path, "reportlint.toml")
    if os.path.basename(path) == "pyproject.toml":
        raise ConfigError(path, "init 不改写 pyproject.toml；请写 reportlint.toml，或把内容复制到 [tool.reportlint] 下 / "
                                "init does not edit pyproject.toml: write reportlint.toml, or copy its content under [tool.reportlint]")
    if os.path.exists(path) and not force:
        raise ConfigError(path, "文件已存在；使用 --force 覆盖 / already exists; use --force to overwrite")
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(STARTER)
    except OSError as exc:
        raise ConfigError(path, f"无法写入 / cannot write: {exc.strerror or exc}") from None
    return path
