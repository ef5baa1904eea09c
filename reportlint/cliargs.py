"""The options of ``reportlint check``, and reading the common command lines without argparse.

A pre-commit hook runs ``reportlint check FILE …`` (with a few fixed options)
on every commit. argparse costs ~20 M instructions of that start: importing it
(with gettext), declaring the options, and the six gettext look-ups its own
strings make (which import ``locale``) — about a tenth of a one-file check.

The options are declared once, here (:data:`CHECK`). ``reportlint/cliparser.py``
builds the argparse parser from them; :func:`quick_check_args` reads a command
line made only of ``check``, exact option names with their values, and one run
of paths. Anything else — ``--help``, an abbreviated or unknown option, a value
that starts with ``-``, ``--``, a bad choice, paths on both sides of an option,
``--config`` with ``--isolated`` — returns None, and argparse parses the line,
so every message, error and exit code is argparse's own. A property test
(tests/test_cliargs.py) checks that whenever the quick reader answers, argparse
gives the same values.
"""

from __future__ import annotations

from types import SimpleNamespace

from reportlint.records import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

FLAG, VALUE, APPEND = "flag", "value", "append"


def parse_jobs(value: str) -> int | None:
    """``--jobs``: a positive number, or ``auto`` (None: decided by the number of files)."""
    if value == "auto":
        return None
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise ValueError(f"应为正整数或 auto / expected a positive number or auto, got {value!r}")
    return n


class Option(Record):
    """One option: its flags, what it stores, and what ``--help`` says about it."""

    __slots__ = ("flags", "kind", "help", "metavar", "choices", "default", "convert", "exclusive")

    def __init__(self, flags: tuple[str, ...], kind: str, help: str | None = None, metavar: str | None = None,
                 choices: tuple[str, ...] | None = None, default: object = None,
                 convert: Callable[[str], object] | None = None, exclusive: bool = False) -> None:
        self.flags = flags
        self.kind = kind
        self.help = help
        self.metavar = metavar
        self.choices = choices
        self.default = default
        self.convert = convert
        self.exclusive = exclusive  # in the mutually exclusive --config / --isolated pair

    @property
    def dest(self) -> str:
        """The attribute name, as argparse derives it: the first long flag, ``-`` read as ``_``."""
        long = next(f for f in self.flags if f.startswith("--"))
        return long[2:].replace("-", "_")


PATHS_HELP = "files or directories"

CONFIG = Option(("--config",), VALUE, "只用这个配置文件 / use this configuration file for every file", metavar="PATH",
                exclusive=True)
ISOLATED = Option(("--isolated",), FLAG, "不读取任何配置文件 / ignore all configuration files", exclusive=True)

#: The options of ``check`` in the order ``--help`` lists them (the paths come first).
CHECK: tuple[Option, ...] = (
    Option(("--format",), VALUE, "输出格式 / output format: text (default), concise, json, sarif, github, junit, html "
                                 "(docs/formats.md)", metavar="FORMAT", default="text"),
    Option(("-o", "--output"), VALUE, "把结果写入文件而不是标准输出 / write the output to FILE instead of stdout",
           metavar="FILE"),
    Option(("--statistics",), FLAG, "只列出每条规则的问题数（按数量排序）/ show counts per rule instead of the findings"),
    Option(("--select",), APPEND, "codes or prefixes to enable (comma-separated)", metavar="CODES"),
    Option(("--ignore",), APPEND, "codes or prefixes to disable (comma-separated)", metavar="CODES"),
    Option(("--extend-select",), APPEND, "codes or prefixes added to the configured select", metavar="CODES"),
    Option(("--lang",), VALUE, "message language (default zh, or the configuration's)", choices=("zh", "en")),
    Option(("--fail-on",), VALUE, "lowest severity that makes the exit code 1 (default error, or the configuration's)",
           choices=("error", "warning", "info")),
    Option(("--profile",), VALUE, "方案，如插件提供的地方方案 / profile by name (national, or one a plugin adds)",
           metavar="NAME"),
    Option(("--baseline",), VALUE, "隐藏基线中记录的问题 / hide the findings recorded in FILE", metavar="FILE"),
    Option(("--write-baseline",), VALUE, "把本次的问题记录为基线 / record this run's findings in FILE", metavar="FILE"),
    CONFIG,
    ISOLATED,
    Option(("-v", "--verbose"), FLAG, "show tracebacks of crashed rules"),
    Option(("--fix",), FLAG, "自动修复可修复的问题（只改写 .txt/.md）/ apply safe fixes (text files only)"),
    Option(("--diff",), FLAG, "只输出修复的 diff，不写文件 / print the fixes as a unified diff, write nothing"),
    Option(("--previous",), VALUE, "上一年度的报告（用于 X 类规则）/ last year's report, for the X rules", metavar="FILE"),
    Option(("-j", "--jobs"), VALUE, "并行进程数（默认：文件较多时用全部 CPU）/ worker processes (default: all cores when "
                                    "there are enough files)", metavar="N", convert=parse_jobs),
    Option(("--no-cache",), FLAG, "不读也不写结果缓存 / neither read nor write the result cache (also REPORTLINT_NO_CACHE=1)"),
    Option(("--cache-dir",), VALUE, "结果缓存目录（默认 ./.reportlint_cache）/ result cache folder (default "
                                    "./.reportlint_cache, or REPORTLINT_CACHE_DIR)", metavar="DIR"),
)

_BY_FLAG = {flag: option for option in CHECK for flag in option.flags}


def quick_check_args(argv: Sequence[str]) -> SimpleNamespace | None:
    """The values of a plain ``check`` command line, as argparse would give them; None for anything else."""
    if not argv or argv[0] != "check":
        return None
    values: dict[str, object] = {option.dest: option.default if option.kind != FLAG else False for option in CHECK}
    paths: list[str] | None = None
    exclusive: set[str] = set()
    i, n = 1, len(argv)
    while i < n:
        token = argv[i]
        if not token.startswith("-"):
            if paths is not None:
                return None  # paths after an option that followed paths: argparse refuses them
            j = i
            while j < n and not argv[j].startswith("-"):
                j += 1
            paths, i = list(argv[i:j]), j
            continue
        name, equals, inline = token.partition("=") if token.startswith("--") else (token, "", "")
        option = _BY_FLAG.get(name)
        if option is None:
            return None
        if option.kind == FLAG:
            if equals:
                return None
            value: object = True
        else:
            if equals:
                raw = inline
            elif i + 1 < n:
                i += 1
                raw = argv[i]
            else:
                return None
            if not raw or raw.startswith("-") or (option.choices is not None and raw not in option.choices):
                return None
            value = raw
            if option.convert is not None:
                try:
                    value = option.convert(raw)
                except ValueError:
                    return None
        if option.exclusive:
            exclusive.add(option.dest)
            if len(exclusive) > 1:
                return None
        if option.kind == APPEND:
            values[option.dest] = [*(values[option.dest] or ()), value]  # type: ignore[misc]
        else:
            values[option.dest] = value
        i += 1
    if paths is None:
        return None
    return SimpleNamespace(command="check", paths=paths, **values)
