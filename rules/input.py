"""E — input and parsing: the file could not be read, is not a report, or has no year."""

from __future__ import annotations

from reportlint.rule import Rule, Severity


class UnreadableInput(Rule):
    """文件无法读取或解码（E001）。

    作用
        报告文件无法读取、无法解码（不是 UTF-8、GB18030/GBK 或带字节顺序标记的
        UTF-16），是二进制文件，或格式不受支持时报告。

    为什么
        读不出来的文件无法检查；静默跳过会让有问题的报告被当作“通过”。

    示例（错误）
        字节：89 50 4E 47 0D 0A 1A 0A 00 00 00 0D 49 48 44 52（扩展名改成 .txt 的 PNG 图片）

    示例（正确）
        字节：D2 BB A1 A2 D7 DC CC E5 C7 E9 BF F6（以 GBK 保存的“一、总体情况”）

    选项
        无。
    """

    doc_en = """
    The file cannot be read or decoded (E001).

    Purpose
        Reported when the report file cannot be read, cannot be decoded (it is not UTF-8,
        GB18030/GBK, or UTF-16 with a byte-order mark), is a binary file, or is in an
        unsupported format.

    Why
        A file that cannot be read cannot be checked; skipping it silently would let a
        defective report pass as "clean".

    Wrong
        字节：89 50 4E 47 0D 0A 1A 0A 00 00 00 0D 49 48 44 52（扩展名改成 .txt 的 PNG 图片）
        (字节 = bytes: the first bytes of a PNG image renamed to .txt — binary, not text.)

    Right
        字节：D2 BB A1 A2 D7 DC CC E5 C7 E9 BF F6（以 GBK 保存的“一、总体情况”）
        (The heading 一、总体情况 "I. Overview" saved in GBK: a readable text file.)

    Options
        None.
    """

    code = "E001"
    name = "unreadable-input"
    severity = Severity.ERROR
    engine_only = True
    requires = frozenset()


class NoReportStructure(Rule):
    """找不到带编号的章节标题（E002）。

    作用
        全文没有一个“一、”“（一）”“1.”或“（1）”式的编号标题时报告。此时其余
        规则不运行。

    为什么
        没有章节结构，要么文件不是年度报告，要么结构无法识别；在这种文本上运行
        其他规则只会产生误报。

    示例（错误）
        全文：
        关于2017年度工作情况的说明
        2017年，我局认真贯彻落实上级部署，各项工作有序开展。

    示例（正确）
        全文：
        某市某区某某局2017年政府信息公开工作年度报告
        一、总体情况
        2017年，我局认真贯彻落实上级部署，各项工作有序开展。

    选项
        无。
    """

    doc_en = """
    No numbered section headings found (E002).

    Purpose
        Reported when the text has not a single numbered heading of the form 一、, （一）, 1.
        or （1）. The other rules are not run then.

    Why
        Without a section structure the file is either not an annual report or its structure
        cannot be recognised; running the other rules on such text would only produce false
        alarms.

    Wrong
        全文：
        关于2017年度工作情况的说明
        2017年，我局认真贯彻落实上级部署，各项工作有序开展。
        (全文 = the whole file: a title "Explanation of the work in 2017" and one paragraph,
        no numbered heading.)

    Right
        全文：
        某市某区某某局2017年政府信息公开工作年度报告
        一、总体情况
        2017年，我局认真贯彻落实上级部署，各项工作有序开展。
        (The whole file has a numbered heading, 一、总体情况 "I. Overview".)

    Options
        None.
    """

    code = "E002"
    name = "no-report-structure"
    severity = Severity.ERROR
    requires = frozenset()

    def check(self, report, ctx):
        if report.headings:
            return
        if not any(line.strip() for line in report.source.lines):
            span = report.source.logical[0].span(0, 0) if report.source.logical else _start()
            if any(report.source.lines):
                yield self.finding(span, "文件只有空白字符（空格、制表符、换行），没有报告内容",
                                   "the file holds only whitespace (spaces, tabs, line breaks): no report content")
            else:
                yield self.finding(span, "文件为空，没有报告内容", "the file is empty: no report content")
            return
        first = report.blocks[0] if report.blocks else None
        span = first.span() if first is not None and hasattr(first, "span") and not hasattr(first, "rows") else _start()
        yield self.finding(span, "未找到带编号的章节标题（如“一、”“（一）”），不是年度报告或结构无法识别",
                           "no numbered section headings (一、 / （一） …) found: not a report, or its structure is unrecognised")


class UnknownReportYear(Rule):
    """无法确定报告年度（E003）。

    作用
        标题和统计期限句中都找不到报告年度时报告；依赖年度的规则（时代、期限、
        统计期限等）随之跳过。

    为什么
        年度决定适用的法规时代和公开期限。猜测年度会导致错误的结论，所以宁可
        明确说明无法判断。

    示例（错误）
        全文：
        某局政府信息公开工作年度报告
        一、主动公开政府信息情况
        本年度主动公开政府信息120条。

    示例（正确）
        全文：
        某局2017年政府信息公开工作年度报告
        一、主动公开政府信息情况
        本年度主动公开政府信息120条。

    选项
        无。
    """

    doc_en = """
    The report year cannot be determined (E003).

    Purpose
        Reported when neither the title nor the statistical-period sentence states the report
        year; the rules that depend on the year (the era, the deadline, the statistical
        period and so on) are skipped.

    Why
        The year decides which legal era applies and which publication deadline. Guessing
        the year would lead to wrong conclusions, so the linter says plainly that it cannot
        decide.

    Wrong
        全文：
        某局政府信息公开工作年度报告
        一、主动公开政府信息情况
        本年度主动公开政府信息120条。
        (The title "… annual report on government information disclosure" has no year, and no
        sentence states the statistical period.)

    Right
        全文：
        某局2017年政府信息公开工作年度报告
        一、主动公开政府信息情况
        本年度主动公开政府信息120条。
        (The title names the year: 某局2017年政府信息公开工作年度报告.)

    Options
        None.
    """

    code = "E003"
    name = "unknown-report-year"
    severity = Severity.WARNING

    def check(self, report, ctx):
        if report.year is not None:
            return
        span = report.title.span() if report.title else report.headings[0].span()
        yield self.finding(span, "无法从标题或统计期限中确定报告年度，依赖年度的检查已跳过",
                           "the report year is not stated in the title or the statistical period; year-dependent checks were skipped")


class RuleCrashed(Rule):
    """规则运行出错（E900）。

    作用
        某条规则（内置或插件）在检查一个文件时抛出异常、返回了不是 Finding 的
        结果时报告；其他规则和文件照常检查。加 ``-v`` 可看到完整的回溯。

    为什么
        规则出错不能让整个检查中断，也不能被静默吞掉：静默跳过的规则等于静默
        通过的报告。

    示例（错误）
        一个插件规则在某份报告上抛出 ``ZeroDivisionError``。

    示例（正确）
        所有规则正常完成。

    选项
        无。
    """

    doc_en = """
    A rule crashed (E900).

    Purpose
        Reported when a rule (built-in or from a plugin) raises an exception while checking a
        file, or returns something that is not a Finding; the other rules and files are
        checked as usual. Run with ``-v`` to see the full traceback.

    Why
        A failing rule must neither stop the whole run nor be swallowed silently: a rule
        skipped in silence is a report passed in silence.

    Wrong
        一个插件规则在某份报告上抛出 ``ZeroDivisionError``。
        (A plugin rule raises ``ZeroDivisionError`` on some report.)

    Right
        所有规则正常完成。
        (Every rule completes normally.)

    Options
        None.
    """

    code = "E900"
    name = "rule-crashed"
    severity = Severity.ERROR
    engine_only = True
    requires = frozenset()


def _start():
    from reportlint.source import Span

    return Span(1, 1, 1, 1)


RULES = [UnreadableInput, NoReportStructure, UnknownReportYear, RuleCrashed]
