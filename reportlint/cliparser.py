"""The argparse command line: every command, ``--help``, and every usage error's message.

A plain ``reportlint check FILE …`` is read by reportlint/cliargs.py without
this module (argparse and its gettext look-ups are ~20 M instructions of a
pre-commit hook's start); everything else comes here. The options of
``check`` are declared in cliargs.CHECK, so both readers know the same ones.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reportlint.cliargs import APPEND, CHECK, CONFIG, FLAG, ISOLATED, PATHS_HELP, Option


def _terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it (COLUMNS, the terminal, else 80)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout. argparse measures the terminal with ``shutil``, whose import
    (with bz2, lzma and zlib) costs ~3 ms of every start, for a width only --help uses."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, _terminal_columns() - 2 if width is None else width)


COMMANDS = ("check", "rules", "explain", "init", "extract")


def _command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names (its first argument that is not an option), if it is one of ours."""
    first = next((a for a in argv if not a.startswith("-")), None)
    return first if first in COMMANDS else None


def parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser for ``argv``: only the command it names, or all of them (for --help and a mistyped command)."""
    return _parser(_command_in(argv))


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; when ``command`` is known, only that command is declared
    (building every command's parser costs a few ms of every start; the list of
    all of them is needed only for ``--help`` and a mistyped command)."""
    from reportlint import __version__

    p = argparse.ArgumentParser(prog="reportlint", formatter_class=_Formatter,
                                description="政府信息公开工作年度报告检查工具 / linter for government information-disclosure annual reports")
    p.add_argument("--version", action="version", version=f"reportlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    helps = {"check": "检查报告 / lint reports", "rules": "列出规则 / list the rules",
             "explain": "显示规则说明 / show a rule's documentation",
             "init": "写入带注释的配置文件模板 / write a commented starter configuration",
             "extract": "提取报告的结构化数据 / extract the facts and table cells of reports (docs/extract.md)"}
    for name in COMMANDS if command is None else (command,):
        _OPTIONS[name](sub.add_parser(name, help=helps[name], formatter_class=_Formatter))
    return p


def _add(parser: argparse.ArgumentParser, option: Option) -> None:
    """Declare one option of reportlint/cliargs.py to argparse."""
    kw: dict = {"help": option.help}
    if option.kind == FLAG:
        kw["action"] = "store_true"
    else:
        if option.kind == APPEND:
            kw["action"] = "append"
        if option.metavar is not None:
            kw["metavar"] = option.metavar
        if option.choices is not None:
            kw["choices"] = option.choices
        if option.default is not None:
            kw["default"] = option.default
        if option.convert is not None:
            kw["type"] = _argparse_type(option.convert)
    parser.add_argument(*option.flags, **kw)


def _argparse_type(convert):
    """``convert`` as an argparse ``type``: its ValueError message becomes argparse's error message."""
    def converted(value: str):
        try:
            return convert(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return converted


def _check_options(c: argparse.ArgumentParser) -> None:
    c.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    group = None
    for option in CHECK:
        if option.exclusive:
            group = group or c.add_mutually_exclusive_group()
            _add(group, option)
        else:
            _add(c, option)


def _rules_options(r: argparse.ArgumentParser) -> None:
    r.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    r.add_argument("--lang", choices=("zh", "en"), default="zh")
    _config_arguments(r)


def _explain_options(e: argparse.ArgumentParser) -> None:
    e.add_argument("code")
    _config_arguments(e)
    e.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the page (default zh)")


def _init_options(i: argparse.ArgumentParser) -> None:
    i.add_argument("path", nargs="?", default="reportlint.toml", help="file or folder (default ./reportlint.toml)")
    i.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite an existing file")


def _extract_options(x: argparse.ArgumentParser) -> None:
    x.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    x.add_argument("--format", choices=("json", "csv"), default="json",
                   help="json（默认）或 csv（每份报告一行，带 BOM 的 UTF-8）/ json (default) or csv (one row per report, UTF-8 with BOM)")
    x.add_argument("-o", "--output", metavar="FILE", help="写入文件而不是标准输出 / write to FILE instead of stdout")
    x.add_argument("--lang", choices=("zh", "en"), default=None, help="标签和消息的语言 / language of labels and messages (default zh)")
    _config_arguments(x)


_OPTIONS = {"check": _check_options, "rules": _rules_options, "explain": _explain_options, "init": _init_options,
            "extract": _extract_options}


def _config_arguments(parser: argparse.ArgumentParser) -> None:
    g = parser.add_mutually_exclusive_group()
    _add(g, CONFIG)
    _add(g, ISOLATED)
