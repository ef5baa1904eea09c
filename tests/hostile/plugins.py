"""Faulty plugin rules for the hostile suite: they loop, sleep, raise or return garbage.

``module()`` is a plugin module object for ``load_registry(extra=...)``;
``SOURCE`` is the same plugin as a file for a configuration's ``plugins = [...]``.
"""

from __future__ import annotations

import types

SOURCE = '''
import time

from reportlint.hookspecs import hookimpl
from reportlint.rule import Rule, Severity


class Spin(Rule):
    """在纯 Python 循环中永不结束（XX901）。"""
    code = "XX901"
    name = "spin-forever"
    severity = Severity.INFO

    def check(self, report, ctx):
        n = 0
        while True:  # a pure-Python loop: only the time limit ends it
            try:
                n += 1
            except Exception:  # a rule's own broad except must not swallow the time limit
                pass


class Sleepy(Rule):
    """睡眠很久（XX902）。"""
    code = "XX902"
    name = "sleepy"
    severity = Severity.INFO

    options = {"seconds": 60}

    def check(self, report, ctx):
        time.sleep(ctx.options["seconds"])
        return []


class Boom(Rule):
    """总是出错（XX903）。"""
    code = "XX903"
    name = "boom"
    severity = Severity.INFO

    def check(self, report, ctx):
        raise ZeroDivisionError("division by zero in plugin")


class Garbage(Rule):
    """返回垃圾（XX904）。"""
    code = "XX904"
    name = "garbage"
    severity = Severity.INFO

    def check(self, report, ctx):
        return ["not a finding", 42]


class SpinPair(Rule):
    """跨年度比较时永不结束（XX905）。"""
    code = "XX905"
    name = "spin-pair"
    severity = Severity.INFO
    cross_report = True

    def check_pair(self, previous, current, ctx):
        while True:
            pass


class Quick(Rule):
    """正常的插件规则：每个文件一条提示（XX906）。"""
    code = "XX906"
    name = "quick"
    severity = Severity.INFO

    def check(self, report, ctx):
        yield self.finding(report.source.logical[0].span(0, 1), "正常", "fine")


RULES = {r.code: r for r in (Spin, Sleepy, Boom, Garbage, SpinPair, Quick)}


@hookimpl
def reportlint_rules():
    return list(RULES.values())
'''


def module(name: str = "hostile_rules") -> types.ModuleType:
    mod = types.ModuleType(name)
    exec(compile(SOURCE, f"<{name}>", "exec"), mod.__dict__)
    return mod
