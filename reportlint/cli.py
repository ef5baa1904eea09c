"""The command line: parse arguments, call the engine, choose the exit code.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 usage, configuration or plugin error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Sequence

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(values: Sequence[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return tuple(out)


def _parser() -> argparse.ArgumentParser:
    from reportlint import __version__

    p = argparse.ArgumentParser(prog="reportlint", description="政府信息公开工作年度报告检查工具 / linter for government information-disclosure annual reports")
    p.add_argument("--version", action="version", version=f"reportlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("check", help="检查报告 / lint reports")
    c.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    c.add_argument("--format", default="text", help="text (default) or json")
    c.add_argument("--select", action="append", metavar="CODES", help="codes or prefixes to enable (comma-separated)")
    c.add_argument("--ignore", action="append", metavar="CODES", help="codes or prefixes to disable (comma-separated)")
    c.add_argument("--lang", choices=("zh", "en"), default="zh", help="message language (default zh)")
    c.add_argument("--fail-on", choices=("error", "warning", "info"), default="error",
                   help="lowest severity that makes the exit code 1 (default error)")
    c.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of crashed rules")

    r = sub.add_parser("rules", help="列出规则 / list the rules")
    r.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    r.add_argument("--lang", choices=("zh", "en"), default="zh")

    e = sub.add_parser("explain", help="显示规则说明 / show a rule's documentation")
    e.add_argument("code")
    return p


def _check(args) -> int:
    from reportlint.engine import Linter, Settings, worst
    from reportlint.formatters import FormatOptions
    from reportlint.rule import Severity

    settings = Settings(select=_codes(args.select) or ("ALL",), ignore=_codes(args.ignore),
                        fail_on=Severity(args.fail_on), lang=args.lang, verbose=args.verbose)
    linter = Linter(settings)
    formatter = linter.registry.formatters.get(args.format)
    if formatter is None:
        print(f"reportlint: 未知的输出格式 / unknown format '{args.format}' "
              f"(available: {', '.join(sorted(linter.registry.formatters))})", file=sys.stderr)
        return EXIT_ERROR
    results = linter.lint_paths(args.paths)
    color = args.format == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    sys.stdout.write(formatter(results, FormatOptions(lang=args.lang, color=color)))
    if args.verbose:
        for r in results:
            for d in r.diagnostics:
                if d.code == "E900" and d.evidence.get("traceback"):
                    sys.stderr.write(f"{r.path}: {d.evidence['rule']}\n{d.evidence['traceback']}\n")
    w = worst(results)
    return EXIT_FINDINGS if w is not None and w.rank >= settings.fail_on.rank else EXIT_CLEAN


def _rules(args) -> int:
    from reportlint.docs import rules_table, rules_json
    from reportlint.plugins import load_registry

    registry = load_registry()
    if args.format == "json":
        print(json.dumps(rules_json(registry), ensure_ascii=False, indent=2))
    else:
        print(rules_table(registry, markdown=args.format == "markdown", lang=args.lang))
    return EXIT_CLEAN


def _explain(args) -> int:
    from reportlint.plugins import load_registry

    registry = load_registry()
    rule = registry.rules.get(args.code.upper())
    if rule is None:
        print(f"reportlint: 未知的规则代码 / unknown rule code '{args.code}'", file=sys.stderr)
        return EXIT_ERROR
    eras = ", ".join(sorted(e.value for e in rule.eras))
    print(f"{rule.code} {rule.name} [{rule.severity.value}] ({eras}){' fixable' if rule.fixable else ''}\n")
    print(rule.doc())
    return EXIT_CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    from reportlint.plugins import PluginError

    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return {"check": _check, "rules": _rules, "explain": _explain}[args.command](args)
    except PluginError as exc:
        print(f"reportlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
