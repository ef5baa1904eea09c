"""The command line: parse arguments, call the engine, choose the exit code.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 usage, configuration or plugin error (or a fix that could not be written).
With ``--diff``: 1 when there is something to fix, else 0.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(values: Sequence[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return tuple(out)


def _cache(args, linter):
    """The run's result cache, or None: off for --fix/--diff, --no-cache and REPORTLINT_NO_CACHE."""
    if args.no_cache or args.fix or args.diff or os.environ.get("REPORTLINT_NO_CACHE", "") not in ("", "0"):
        return None
    from reportlint.cache import DEFAULT_DIR, ResultCache

    folder = args.cache_dir or os.environ.get("REPORTLINT_CACHE_DIR") or os.path.join(
        linter.settings.root or os.getcwd(), DEFAULT_DIR)
    return ResultCache(folder)


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
    from reportlint.cliargs import quick_check_args

    args = quick_check_args(argv)  # a plain `check FILE …` is read without argparse (~20 M instructions)
    if args is None:
        from reportlint.cliparser import parser_for

        parser = parser_for(argv)
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
