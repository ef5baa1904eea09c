"""The command line: parse arguments, call the engine, choose the exit code.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 usage, configuration or plugin error (or a fix that could not be written).
With ``--diff``: 1 when there is something to fix, else 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(values: Sequence[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return tuple(out)


def _jobs(value: str) -> int | None:
    if value == "auto":
        return None
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"应为正整数或 auto / expected a positive number or auto, got {value!r}")
    return n


def _cache(args, linter):
    """The run's result cache, or None: off for --fix/--diff, --no-cache and REPORTLINT_NO_CACHE."""
    if args.no_cache or args.fix or args.diff or os.environ.get("REPORTLINT_NO_CACHE", "") not in ("", "0"):
        return None
    from reportlint.cache import DEFAULT_DIR, ResultCache

    folder = args.cache_dir or os.environ.get("REPORTLINT_CACHE_DIR") or os.path.join(
        linter.settings.root or os.getcwd(), DEFAULT_DIR)
    return ResultCache(folder)


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


def _check_options(c: argparse.ArgumentParser) -> None:
    c.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    c.add_argument("--format", default="text", metavar="FORMAT",
                   help="输出格式 / output format: text (default), concise, json, sarif, github, junit, html "
                        "(docs/formats.md)")
    c.add_argument("-o", "--output", metavar="FILE",
                   help="把结果写入文件而不是标准输出 / write the output to FILE instead of stdout")
    c.add_argument("--statistics", action="store_true",
                   help="只列出每条规则的问题数（按数量排序）/ show counts per rule instead of the findings")
    c.add_argument("--select", action="append", metavar="CODES", help="codes or prefixes to enable (comma-separated)")
    c.add_argument("--ignore", action="append", metavar="CODES", help="codes or prefixes to disable (comma-separated)")
    c.add_argument("--extend-select", action="append", metavar="CODES", help="codes or prefixes added to the configured select")
    c.add_argument("--lang", choices=("zh", "en"), default=None, help="message language (default zh, or the configuration's)")
    c.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                   help="lowest severity that makes the exit code 1 (default error, or the configuration's)")
    c.add_argument("--profile", metavar="NAME", help="方案，如插件提供的地方方案 / profile by name (national, or one a plugin adds)")
    c.add_argument("--baseline", metavar="FILE", help="隐藏基线中记录的问题 / hide the findings recorded in FILE")
    c.add_argument("--write-baseline", metavar="FILE", help="把本次的问题记录为基线 / record this run's findings in FILE")
    _config_arguments(c)
    c.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of crashed rules")
    c.add_argument("--fix", action="store_true", help="自动修复可修复的问题（只改写 .txt/.md）/ apply safe fixes (text files only)")
    c.add_argument("--diff", action="store_true", help="只输出修复的 diff，不写文件 / print the fixes as a unified diff, write nothing")
    c.add_argument("--previous", metavar="FILE", help="上一年度的报告（用于 X 类规则）/ last year's report, for the X rules")
    c.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                   help="并行进程数（默认：文件较多时用全部 CPU）/ worker processes (default: all cores when there are enough files)")
    c.add_argument("--no-cache", action="store_true",
                   help="不读也不写结果缓存 / neither read nor write the result cache (also REPORTLINT_NO_CACHE=1)")
    c.add_argument("--cache-dir", metavar="DIR",
                   help="结果缓存目录（默认 ./.reportlint_cache）/ result cache folder (default ./.reportlint_cache, "
                        "or REPORTLINT_CACHE_DIR)")


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
    g.add_argument("--config", metavar="PATH", help="只用这个配置文件 / use this configuration file for every file")
    g.add_argument("--isolated", action="store_true", help="不读取任何配置文件 / ignore all configuration files")


def _configured(args, start: str | None = None):
    from reportlint.config import ConfiguredLinter, Overrides

    if getattr(args, "command", None) != "check":
        return ConfiguredLinter(Overrides(), config=args.config, isolated=args.isolated)
    overrides = Overrides(select=_codes(args.select) or None, ignore=_codes(args.ignore) if args.ignore else None,
                          extend_select=_codes(args.extend_select), fail_on=args.fail_on, lang=args.lang,
                          profile=args.profile, baseline=args.baseline, verbose=args.verbose)
    return ConfiguredLinter(overrides, config=args.config, isolated=args.isolated, start=start)


def _init(args) -> int:
    from reportlint.config import write_starter

    path = write_starter(args.path, force=args.force)
    print(f"已写入配置文件模板 {path} / wrote a starter configuration to {path}")
    return EXIT_CLEAN


def _check(args) -> int:
    from reportlint.formatters import FormatOptions

    first = args.paths[0]
    # Configuration per file (reportlint/config.py); run-wide choices such as the
    # language come from the configuration of the first PATH.
    linter = _configured(args, start=first if os.path.isdir(first) else os.path.dirname(os.path.abspath(first)))
    args.lang = args.lang or linter.settings.lang
    formatter = linter.registry.formatters.get(args.format)
    if formatter is None:
        print(f"reportlint: 未知的输出格式 / unknown format '{args.format}' "
              f"(available: {', '.join(sorted(linter.registry.formatters))})", file=sys.stderr)
        return EXIT_ERROR
    previous = None
    if args.previous:
        previous = linter.lint_file(args.previous)
        if previous.report is None or previous.report.year is None:
            print(f"reportlint: --previous {args.previous}: 无法作为年度报告读取（读不出结构或年度）/ "
                  f"cannot be read as an annual report (no structure or year)", file=sys.stderr)
            return EXIT_ERROR
    outcomes = None
    if args.fix or args.diff:
        from reportlint.fix import fix_paths, unified_diff

        outcomes = fix_paths(linter, args.paths, write=not args.diff)
        results = [o.result for o in outcomes]
        linter.lint_across(results, previous)
        for o in outcomes:
            if o.note is not None:
                print(f"{o.path}: {o.note.get(args.lang)}", file=sys.stderr)
    else:
        from reportlint.progress import for_stream

        progress = for_stream(sys.stderr, args.lang)  # a counter on a terminal's stderr only (≥ 20 files)
        try:
            results = linter.lint_paths(args.paths, previous=previous, jobs=args.jobs, cache=_cache(args, linter),
                                        progress=progress, slim=True)
        finally:
            if progress is not None:
                progress.close()
    if previous is not None and not any(r.structured and r.year == previous.report.year + 1 for r in results):
        y = previous.report.year
        print(f"reportlint: --previous 是 {y} 年度的报告，被检查的报告中没有 {y + 1} 年度的，未做跨年度比较 / "
              f"--previous is the {y} report and no {y + 1} report was checked: nothing compared", file=sys.stderr)
    if args.diff:
        sys.stdout.write("".join(unified_diff(o) for o in outcomes))
        n = sum(o.applied for o in outcomes)
        print(f"可修复 {n} 处" if args.lang == "zh" else f"would fix {n}", file=sys.stderr)
        return EXIT_FINDINGS if any(o.changed for o in outcomes) else EXIT_CLEAN
    if args.write_baseline:
        from reportlint.baseline import write

        n = write(args.write_baseline, results)
        print(f"已将 {n} 个问题记录到基线 {args.write_baseline} / recorded {n} finding(s) in {args.write_baseline}")
        return EXIT_CLEAN
    from reportlint.formatters import use_color, write_output

    color = args.format == "text" and not args.output and use_color(sys.stdout)
    common = dict(lang=args.lang, color=color, rules=linter.registry.rules,
                  fail_on=lambda path: linter.settings_for(path).fail_on)
    options = FormatOptions(**common)
    if any(linter.settings_for(r.path).baseline for r in results):
        from reportlint.baseline import BaselineFormatOptions, apply_all

        options = BaselineFormatOptions(**common, baselines=apply_all(results, linter))
    if args.statistics:
        from reportlint.formatters.statistics import format_statistics

        text = format_statistics(results, options, as_json=args.format == "json")
    else:
        text = formatter(results, options)
    if args.output:
        try:
            write_output(args.output, text)
        except OSError as exc:
            print(f"reportlint: {args.output}: 无法写入 / cannot write: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
    else:
        sys.stdout.write(text)
    if outcomes is not None:
        n = sum(o.applied for o in outcomes)
        human = args.format == "text" and not args.output
        print(f"已修复 {n} 处。" if args.lang == "zh" else f"Fixed {n}.", file=sys.stdout if human else sys.stderr)
    if args.verbose:
        for r in results:
            for d in r.diagnostics:
                if d.code == "E900" and d.evidence.get("traceback"):
                    sys.stderr.write(f"{r.path}: {d.evidence['rule']}\n{d.evidence['traceback']}\n")
    if outcomes is not None and any(o.failed for o in outcomes):
        return EXIT_ERROR  # a fix could not be written (reason on stderr)
    return EXIT_FINDINGS if linter.failing(results) else EXIT_CLEAN


def _rules(args) -> int:
    from reportlint.docs import rules_table, rules_json

    registry = _configured(args).registry  # with the plugins and rule packs the configuration names
    if args.format == "json":
        import json

        print(json.dumps(rules_json(registry, args.lang), ensure_ascii=False, indent=2))
    else:
        print(rules_table(registry, markdown=args.format == "markdown", lang=args.lang))
    return EXIT_CLEAN


def _extract(args) -> int:
    from reportlint.extract_output import run

    return run(args)


def _explain(args) -> int:
    registry = _configured(args).registry
    rule = registry.rules.get(args.code.upper())
    if rule is None:
        print(f"reportlint: 未知的规则代码 / unknown rule code '{args.code}'", file=sys.stderr)
        return EXIT_ERROR
    eras = ", ".join(sorted(e.value for e in rule.eras))
    print(f"{rule.code} {rule.name} [{rule.severity.value}] ({eras}){' fixable' if rule.fixable else ''}\n")
    print(rule.doc(args.lang))
    return EXIT_CLEAN


def _usage_errors() -> tuple[type[Exception], ...]:
    """The errors that end a run with a message and exit code 2 (imported only when one was raised)."""
    from reportlint.baseline import BaselineError
    from reportlint.config import ConfigError
    from reportlint.plugins import PluginError

    return (PluginError, ConfigError, BaselineError)


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # run as the program: the process is ours (a caller's own collector is left alone)
        from reportlint.collector import collect_less

        collect_less()
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = _parser(_command_in(argv))
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return {"check": _check, "rules": _rules, "explain": _explain, "init": _init,
                "extract": _extract}[args.command](args)
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:
        if not isinstance(exc, _usage_errors()):
            raise
        print(f"reportlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        rx = sys.modules.get("reportlint.rx")
        if rx is not None:
            rx.save()  # the start-up table of compiled patterns, for the next run
