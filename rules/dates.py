"""D — dates: impossible or blank dates, the statistical period, the publication deadline."""

from __future__ import annotations

import calendar
import re
from datetime import date

from reportlint.model import AgencyKind
from reportlint.rule import Rule, Severity

_BL = r"[ \u3000_＿]"
_TEMPLATE_DATE_RE = re.compile(
    rf"(?P<y>(?<!\d)\d{{4}})?(?P<g1>{_BL}*)年(?P<g2>{_BL}*)(?P<m>\d{{1,2}})?(?P<g3>{_BL}*)月(?P<g4>{_BL}*)(?P<d>\d{{1,2}})?(?P<g5>{_BL}*)日"
)
_NO_DAY_MARK_RE = re.compile(r"(?<!\d)(?P<m>\d{1,2})[ \u3000]*月[ \u3000]*(?P<d>\d{1,2})(?=[ \u3000]*(?P<mark>[止起]))")
# 起 is also the counter for cases ("1月3起" = three cases in January), so "m月d起" is a
# date only after a year or 自/从/于, or before a range or an effect verb.
_DATE_BEFORE_QI_RE = re.compile(r"(?:年|自|从|于)[ \u3000]*$")
_DATE_AFTER_QI_RE = re.compile(r"起[ \u3000]*(?:至|到|—|－|-|~|～|施行|实施|执行|生效|开始)")
_YEAR_MONTH_RE = re.compile(r"(?<!\d)(?P<y>\d{4})[ \u3000]*年[ \u3000]*(?P<m>\d{1,2})[ \u3000]*月")


def _zh(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


class InvalidDate(Rule):
    """不存在的日期（D401）。

    作用
        报告中出现日历上不存在的日期时报告：2月30日、4月31日、13月、0日，以及平年
        的2月29日。不写年份的“2月29日”视为有效（闰年存在）。

    为什么
        不存在的日期通常是笔误，出现在落款或统计期限中会让整份报告的时间无法确定。

    示例（错误）
        统计期限为2017年1月1日至2017年2月30日。

    示例（正确）
        2016年2月29日（2016年是闰年），我局召开政务公开工作专题会议。

    选项
        无。
    """

    code = "D401"
    name = "invalid-date"
    severity = Severity.ERROR

    def check(self, report, ctx):
        seen: set[tuple[int, int]] = set()
        for loc in report.facts.dates:
            d = loc.value
            key = (id(loc.block), d.start)
            seen.add(key)
            if d.as_date() is None and None not in (d.year, d.month, d.day):
                yield self._bad(loc.block, d.start, d.end, f"{d.year}年{d.month}月{d.day}日")
        for loc in report.facts.month_days:
            d = loc.value
            if not (1 <= d.month <= 12) or not (1 <= d.day <= calendar.monthrange(2020, d.month)[1]):
                yield self._bad(loc.block, d.start, d.end, f"{d.month}月{d.day}日")
        for block in report.text_blocks():
            for m in _YEAR_MONTH_RE.finditer(block.text):
                month = int(m["m"])
                if not 1 <= month <= 12 and (id(block), m.start()) not in seen:
                    yield self._bad(block, m.start(), m.end(), f"{m['y']}年{month}月")

    def _bad(self, block, start, end, shown):
        return self.finding(block.span(start, end), f"日期“{shown}”不存在", f"no such date: {shown}", date=shown)


class IncompleteDate(Rule):
    """日期不完整或留空（D402）。

    作用
        模板中的日期没有填写（“2017年 月 日”“    年  月  日”“____年__月__日”
        “2017年12月 日”），或日期缺少“日”字（“12月31止”“2018年1月1起施行”）时报告。
        “出生年月日”这类没有空位的词语不报告；“起”也是量词（“1月3起”即一月发生
        三起），所以“某月某起”只在前有年份或“自、从、于”、后接“至、施行”等时
        才算日期。

    为什么
        空白日期是最典型的模板残留：审批单、落款照抄模板后忘记填写。

    示例（错误）
        利通区机关事务管理局 时间：2017年 月 日

    示例（正确）
        利通区机关事务管理局 时间：2017年3月6日

    选项
        无。
    """

    code = "D402"
    name = "incomplete-date"
    severity = Severity.ERROR

    def check(self, report, ctx):
        for block in report.text_blocks():
            text = block.text
            for m in _TEMPLATE_DATE_RE.finditer(text):
                month_blank = m["m"] is None and (m["g2"] or m["g3"])
                day_blank = m["d"] is None and (m["g4"] or m["g5"])
                if not (month_blank or day_blank):
                    continue
                if m["m"] is None and not (m["g2"] or m["g3"]):
                    continue  # "年月日" without any blank is a word, not a template
                shown = m.group(0).strip()
                yield self.finding(block.span(m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), m.end()),
                                   f"日期未填写完整：“{shown}”", f"date left blank or incomplete: '{shown}'", date=shown)
            for m in _NO_DAY_MARK_RE.finditer(text):
                if m["mark"] == "起" and not (_DATE_BEFORE_QI_RE.search(text, 0, m.start())
                                             or _DATE_AFTER_QI_RE.match(text, m.start("mark"))):
                    continue
                yield self.finding(block.span(m.start(), m.end()),
                                   f"日期缺少“日”字：“{m.group(0)}”（应为“{m['m']}月{m['d']}日”）",
                                   f"date lacks 日: '{m.group(0)}' (should read {m['m']}月{m['d']}日)")


class StatisticalPeriod(Rule):
    """统计期限不是报告年度的全年（D403）。

    作用
        报告写明的统计期限（“统计期限为2017年1月1日至2017年12月31日”）不是一个
        完整的公历年度——起点不是1月1日、终点不是12月31日，或起止不在同一年——时
        报告。终点可以省略年份（“2017年1月1日至12月31日”）。期限是完整的一年但与
        标题年度不同，由 D406 报告。报告没有写统计期限时不报告；只说“据统计，某日
        至某日……”的句子不是统计期限，也不报告。

    为什么
        《条例》要求报告上一年度的工作情况；统计期限写错会让所有数字的口径不明。

    示例（错误）
        本报告所列数据的统计期限自2017年1月1日起至2017年11月30日止。

    示例（正确）
        本报告所列数据的统计期限自2017年1月1日起至2017年12月31日止。

    选项
        无。
    """

    code = "D403"
    name = "statistical-period"
    severity = Severity.ERROR
    requires = frozenset({"structure", "year"})

    def check(self, report, ctx):
        y = report.year
        for p in report.periods:
            if p.start.year == p.end.year and (p.start.month, p.start.day) == (1, 1) and (p.end.month, p.end.day) == (12, 31):
                continue
            yield self.finding(p.span, f"统计期限应为{y}年1月1日至{y}年12月31日，实为{_zh(p.start)}至{_zh(p.end)}",
                               f"the statistical period should be 1 January to 31 December {y}, "
                               f"but is {p.start.isoformat()} to {p.end.isoformat()}",
                               start=p.start.isoformat(), end=p.end.isoformat())


class LatePublication(Rule):
    """落款日期晚于公开期限（D404）。

    作用
        以报告末尾的落款日期作为发布日期的近似，晚于法定期限时报告。期限按时代
        和机关类型确定（DOMAIN.md §1）：

        - reg2008：所有机关次年3月31日前；
        - fmt2019 / fmt2021：县级以上人民政府部门次年1月31日前，县级以上人民政府
          （以及没有法定期限的乡镇、街道）次年3月31日前。

        机关类型无法确定时（包括标题只写地名、如“某市某区2020年……”，这通常是
        该级人民政府自己的报告），只在晚于最宽松的期限时报告。地方规定往往更严格：由
        配置选用的地方方案（profile）可以收紧期限。

    为什么
        逾期发布是评议中的扣分项，也是公众最直接能看到的问题。

    示例（错误）
        某市某区某某局2020年政府信息公开工作年度报告，落款日期：2021年3月15日。

    示例（正确）
        某市某区某某局2020年政府信息公开工作年度报告，落款日期：2021年1月20日。

    选项
        无（期限来自所选的方案 profile）。
    """

    code = "D404"
    name = "late-publication"
    severity = Severity.WARNING
    requires = frozenset({"structure", "year"})

    def check(self, report, ctx):
        closing = report.closing_date
        if closing is None or report.era is None:
            return
        kind = report.agency_kind
        kinds = [kind] if kind else list(AgencyKind)
        deadlines = [ctx.profile.deadline(report.era, k) for k in kinds]
        deadlines = [date(report.year + 1, m, d) for m, d in (x for x in deadlines if x)]
        if not deadlines:
            return
        deadline = max(deadlines)
        if closing > deadline:
            kind_zh = {AgencyKind.GOVERNMENT: "人民政府", AgencyKind.DEPARTMENT: "政府部门",
                       AgencyKind.TOWNSHIP: "乡镇（街道）"}.get(kind, "机关")
            yield self.finding(report.closing_date_block.span(),
                               f"落款日期 {_zh(closing)} 晚于{kind_zh}年度报告的公开期限 {_zh(deadline)}（{ctx.profile.name}）",
                               f"closing date {closing.isoformat()} is after the publication deadline {deadline.isoformat()} "
                               f"({kind.value if kind else 'unknown body'}, profile {ctx.profile.name})",
                               closing=closing.isoformat(), deadline=deadline.isoformat())


_FUTURE_CUE_RE = re.compile(r"将|拟|计划|预计|力争|争取|之前|以前|以后|届时|底前|前完成|截止日期|期限|到期|起施行|起实施")
# "2018年2月5日前" is a deadline, not an event.
_DEADLINE_AFTER_RE = re.compile(r"[ \u3000]*前")
# The report is signed first and put online later: its own publication date
# ("发布时间：…", "本报告于…在门户网站公开发布") may follow the closing date.
_PUBLISHED_RE = re.compile(r"(?:发布|公布|印发|上网|公开|成文)(?:日期|时间)|本(?:年度)?报告[^。；;！？]*(?:发布|公布|公开|上网|印发)")


class DateBeforePeriodEnd(Rule):
    """落款日期早于统计期限结束，或正文日期晚于落款（D405）。

    作用
        落款日期早于统计期限的终点（或报告年度的12月31日）时报告（这时只报告落款，
        不再逐个报告正文日期）；否则，正文中出现晚于落款日期的具体日期时报告。
        句子带有“将、拟、计划、截止日期”等表示计划或期限的词语，日期后紧跟
        “前”（“2018年6月30日前”），或日期是报告本身的发布日期（“发布时间：……”
        “本报告于……在门户网站公开发布”，发布可以晚于落款）时，正文日期不报告。

    为什么
        年度还没结束就落款，或者正文记载了落款之后才发生的事，说明落款日期写错
        或报告被事后修改而未更新日期。

    示例（错误）
        2018年2月5日，我局召开政务公开工作专题会议（本报告落款日期为2018年1月20日）。

    示例（正确）
        我局将于2018年6月30日前完成门户网站改版（本报告落款日期为2018年1月20日）。

    选项
        无。
    """

    code = "D405"
    name = "date-before-period-end"
    severity = Severity.ERROR
    requires = frozenset({"structure", "year"})

    def check(self, report, ctx):
        closing = report.closing_date
        if closing is None:
            return
        periods = report.periods
        end = periods[0].end if periods else date(report.year, 12, 31)
        if closing < end:
            # The closing date itself is wrong; every later date in the text would
            # only repeat that, so it is reported once.
            yield self.finding(report.closing_date_block.span(),
                               f"落款日期 {_zh(closing)} 早于统计期限结束日 {_zh(end)}",
                               f"closing date {closing.isoformat()} is before the end of the statistical period {end.isoformat()}",
                               closing=closing.isoformat(), period_end=end.isoformat())
            return
        skip = {id(b) for b in report.closing}
        if report.title is not None:
            skip.add(id(report.title))
        for loc in report.facts.dates:
            if id(loc.block) in skip:
                continue
            d = loc.value.as_date()
            if d is None or d <= closing:
                continue
            text = loc.block.text
            start = max(text.rfind(ch, 0, loc.value.start) for ch in "。；;！？") + 1
            stop = min([i for i in (text.find(ch, loc.value.end) for ch in "。；;！？") if i >= 0] or [len(text)])
            if (_FUTURE_CUE_RE.search(text, start, stop) or _PUBLISHED_RE.search(text[start:stop])
                    or _DEADLINE_AFTER_RE.match(text, loc.value.end)):
                continue
            yield self.finding(loc.block.span(loc.value.start, loc.value.end),
                               f"正文日期 {_zh(d)} 晚于落款日期 {_zh(closing)}",
                               f"the date {d.isoformat()} in the text is after the closing date {closing.isoformat()}",
                               date=d.isoformat(), closing=closing.isoformat())


# No digit between the year and the plan word: in "2017年问题和2018年工作思路" the plan is 2018's.
_PLAN_HEADING_RE = re.compile(r"(?<!\d)(?P<y>\d{4})[ \u3000]*年(?:度)?[^。，\d]{0,8}?(?:工作)?(?:思路|计划|打算|安排|设想)")
# "2017年工作计划完成情况" looks back at this year's plan, not forward to next year's.
_LOOKS_BACK_RE = re.compile(r"完成|落实|执行|推进|情况|部署|回顾|总结")


class YearMismatch(Rule):
    """年度前后不一致（D406）。

    作用
        以下年度互相矛盾时报告（下面的示例都出自2017年度报告）：

        - 标题年度与统计期限的年度不同（统计期限是完整一年时；不是完整一年由
          D403 报告）；
        - 标题中“下一年工作思路/计划/打算/设想/安排”的年度不是报告年度的下一年
          （2017年度报告应写“2018年工作思路”）。

        标题两侧带有回顾性的词语（“2017年工作计划完成情况”“贯彻落实2017年工作
        安排”“2017年政务公开工作安排部署”）时不报告。正文里提到的其他年份（如
        “2017年政务公开工作要点”）不检查。

    为什么
        年度不一致通常说明报告由往年报告改写而来，年份没有改全。

    示例（错误）
        本报告所列数据的统计期限为2016年1月1日至2016年12月31日。
        五、存在问题与2017年工作思路

    示例（正确）
        本报告所列数据的统计期限为2017年1月1日至2017年12月31日。
        五、存在问题与2018年工作思路

    选项
        无。
    """

    code = "D406"
    name = "year-mismatch"
    severity = Severity.WARNING
    requires = frozenset({"structure", "year"})

    def check(self, report, ctx):
        from reportlint.facts.identity import title_year

        y = title_year(report.title.text) if report.title else None
        for p in report.periods:
            if y is not None and p.start.year == p.end.year and p.start.year != y:
                yield self.finding(p.span, f"统计期限的年度（{p.start.year}年）与标题年度（{y}年）不一致",
                                   f"the statistical period's year ({p.start.year}) differs from the title's year ({y})",
                                   title_year=y, period_year=p.start.year)
        year = report.year
        for h in report.headings:
            m = _PLAN_HEADING_RE.search(h.title)
            # Look-back words on either side: "贯彻落实2017年工作安排", "2017年工作计划完成情况".
            if not m or _LOOKS_BACK_RE.search(h.title, 0, m.start()) or _LOOKS_BACK_RE.search(h.title, m.end()):
                continue
            plan = int(m["y"])
            if plan != year + 1:
                off = h.text.find(h.title) + m.start()
                yield self.finding(h.span(off, off + 4),
                                   f"下一年工作计划的年度应为{year + 1}年，实为{plan}年",
                                   f"the next-year plan should be for {year + 1}, but says {plan}",
                                   expected=year + 1, found=plan)


RULES = [InvalidDate, IncompleteDate, StatisticalPeriod, LatePublication, DateBeforePeriodEnd, YearMismatch]
