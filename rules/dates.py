"""D — dates: impossible or blank dates, the statistical period, the publication deadline."""

from __future__ import annotations

from reportlint import rx
from reportlint.datetype import date

from reportlint.facts import matches_containing
from reportlint.model import AgencyKind
from reportlint.rules.structure import headings_matching
from reportlint.rule import Rule, Severity

_BL = r"[ \u3000_＿]"
# The most days a month can have (February in a leap year): a month-day with no year is
# valid when some year has it. A table, not calendar.monthrange: calendar imports locale.
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_TEMPLATE_DATE_RE = rx.compile(
    rf"(?P<y>(?<!\d)\d{{4}})?(?P<g1>{_BL}*)年(?P<g2>{_BL}*)(?P<m>\d{{1,2}})?(?P<g3>{_BL}*)月(?P<g4>{_BL}*)(?P<d>\d{{1,2}})?(?P<g5>{_BL}*)日"
)
# A blank date needs a blank between 年 and 月 (no month) or between 月 and 日 (no day), where
# these hints begin: one character, which is searched for many times faster than the pattern.
_BLANK_DATE_HINTS = (rx.compile(rf"年{_BL}+月"), rx.compile(rf"月{_BL}+日"))
_TEMPLATE_DATE_CHARS = " \u3000_＿年月日"  # with the digits, all a _TEMPLATE_DATE_RE match holds
_NO_DAY_MARK_RE = rx.compile(r"(?<!\d)(?P<m>\d{1,2})[ \u3000]*月[ \u3000]*(?P<d>\d{1,2})(?=[ \u3000]*(?P<mark>[止起]))")
_NO_DAY_MARK_HINT_RE = rx.compile(r"月[ \u3000]*\d{1,2}[ \u3000]*[止起]")  # at the 月 of every _NO_DAY_MARK_RE match
# 起 is also the counter for cases ("1月3起" = three cases in January), so "m月d起" is a
# date only after a year or 自/从/于, or before a range or an effect verb.
_DATE_BEFORE_QI_RE = rx.compile(r"(?:年|自|从|于)[ \u3000]*$")
_DATE_AFTER_QI_RE = rx.compile(r"起[ \u3000]*(?:至|到|—|－|-|~|～|施行|实施|执行|生效|开始)")
_YEAR_MONTH_RE = rx.compile(r"(?<!\d)(?P<y>\d{4})[ \u3000]*年[ \u3000]*(?P<m>\d{1,2})[ \u3000]*月")
# At the 年 of every _YEAR_MONTH_RE match whose month does not exist: months 1–12 written in ASCII
# digits (the all but universal case) are passed over by the search itself.
_BAD_MONTH_HINT_RE = rx.compile(r"年[ \u3000]*(?!(?:[1-9]|0[1-9]|1[0-2])[ \u3000]*月)\d{1,2}[ \u3000]*月")


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

    doc_en = """
    A date that does not exist (D401).

    Purpose
        Reported when the report contains a date that is not on the calendar: 30 February,
        31 April, month 13, day 0, and 29 February of a common year. 2月29日 without a year
        is taken as valid (leap years have it).

    Why
        An impossible date is usually a typo; in the closing date or the statistical period
        it leaves the time of the whole report undetermined.

    Wrong
        统计期限为2017年1月1日至2017年2月30日。
        (The statistical period ends on 30 February 2017.)

    Right
        2016年2月29日（2016年是闰年），我局召开政务公开工作专题会议。
        (29 February 2016 exists: 2016 was a leap year.)

    Options
        None.
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
            if not (1 <= d.month <= 12) or not (1 <= d.day <= _MONTH_DAYS[d.month - 1]):
                yield self._bad(loc.block, d.start, d.end, f"{d.month}月{d.day}日")
        index = report._index_all
        at = [m.start() for m in _BAD_MONTH_HINT_RE.finditer(index[0])]
        for i, m in matches_containing(index, at, _YEAR_MONTH_RE, " \u3000年月"):
            block, start = index[2][i], m.start() - index[1][i]
            month = int(m["m"])
            if not 1 <= month <= 12 and (id(block), start) not in seen:
                yield self._bad(block, start, m.end() - index[1][i], f"{m['y']}年{month}月")

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

    doc_en = """
    Incomplete or blank date (D402).

    Purpose
        Reported when a template date was not filled in (2017年 月 日, "    年  月  日",
        ____年__月__日, 2017年12月 日), or a date lacks 日 ("day") before 止 / 起 (12月31止,
        2018年1月1起施行). Words such as 出生年月日 ("date of birth"), which have no blank,
        are not reported. Since 起 is also the measure word for cases (1月3起 = "three cases
        in January"), 某月某起 counts as a date only after a year or 自 / 从 / 于 ("from"),
        or before 至 ("to"), 施行 ("takes effect") and the like.

    Why
        A blank date is the most typical template residue: approval forms and closing lines
        copied from a template and never filled in.

    Wrong
        利通区机关事务管理局 时间：2017年 月 日
        (时间 = date: "2017, month blank, day blank".)

    Right
        利通区机关事务管理局 时间：2017年3月6日
        (The date is filled in: 6 March 2017.)

    Options
        None.
    """

    code = "D402"
    name = "incomplete-date"
    severity = Severity.ERROR

    def check(self, report, ctx):
        index = report._index_all
        text, starts, blocks = index
        found = []  # (block position, 0 for a blank date or 1 for a missing 日, finding): each block's blank dates first
        blank_at = sorted({m.start() for hint in _BLANK_DATE_HINTS for m in hint.finditer(text)})
        for i, m in matches_containing(index, blank_at, _TEMPLATE_DATE_RE, _TEMPLATE_DATE_CHARS):
            if finding := self._blank(blocks[i], m, starts[i]):
                found.append((i, 0, finding))
        no_day_at = [m.start() for m in _NO_DAY_MARK_HINT_RE.finditer(text)]
        for i, m in matches_containing(index, no_day_at, _NO_DAY_MARK_RE, " \u3000月"):
            if finding := self._no_day(blocks[i], m, starts[i]):
                found.append((i, 1, finding))
        found.sort(key=lambda x: x[:2])  # stable: each kind is in reading order already
        for _, _, finding in found:
            yield finding

    def _blank(self, block, m, base):
        """The finding for the template date ``m`` (on the joined text; ``block`` starts at ``base``) if it is left blank."""
        month_blank = m["m"] is None and (m["g2"] or m["g3"])
        day_blank = m["d"] is None and (m["g4"] or m["g5"])
        if not (month_blank or day_blank):
            return None
        if m["m"] is None and not (m["g2"] or m["g3"]):
            return None  # "年月日" without any blank is a word, not a template
        shown = m.group(0).strip()
        return self.finding(block.span(m.start() - base + (len(m.group(0)) - len(m.group(0).lstrip())), m.end() - base),
                            f"日期未填写完整：“{shown}”", f"date left blank or incomplete: '{shown}'", date=shown)

    def _no_day(self, block, m, base):
        """The finding for the date ``m`` (as in _blank) whose day runs into 止 or 起 without 日, if it is a date."""
        text, start = block.text, m.start() - base
        if m["mark"] == "起" and not (_DATE_BEFORE_QI_RE.search(text, 0, start)
                                     or _DATE_AFTER_QI_RE.match(text, m.start("mark") - base)):
            return None
        return self.finding(block.span(start, m.end() - base),
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

    doc_en = """
    The statistical period is not the whole report year (D403).

    Purpose
        Reported when the stated statistical period (统计期限为2017年1月1日至2017年12月31日)
        is not a whole calendar year: it does not start on 1 January, does not end on 31
        December, or starts and ends in different years. The year of the end may be omitted
        (2017年1月1日至12月31日). A whole year that differs from the title's year is
        reported by D406. Nothing is reported when the report states no period; a sentence
        that only says 据统计，某日至某日…… ("according to statistics, from … to …") is not
        the statistical period and is not reported either.

    Why
        The Regulation requires a report on the work of the previous year; a wrong period
        leaves the scope of every number unclear.

    Wrong
        本报告所列数据的统计期限自2017年1月1日起至2017年11月30日止。
        (The period runs from 1 January to 30 November 2017.)

    Right
        本报告所列数据的统计期限自2017年1月1日起至2017年12月31日止。
        (1 January to 31 December 2017.)

    Options
        None.
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
        标题：某市某区某某局2020年政府信息公开工作年度报告
        落款日期：2021年3月15日

    示例（正确）
        标题：某市某区某某局2020年政府信息公开工作年度报告
        落款日期：2021年1月20日

    选项
        无（期限来自所选的方案 profile）。
    """

    doc_en = """
    The closing date is after the publication deadline (D404).

    Purpose
        The closing date at the end of the report (落款日期) stands in for the publication
        date and is reported when it is after the statutory deadline. The deadline depends on
        the era and the kind of body (DOMAIN.md §1):

        - reg2008: every body, 31 March of the next year;
        - fmt2019 / fmt2021: departments of governments at county level and above, 31
          January of the next year; county-level and higher people's governments (and
          townships and subdistricts, which have no statutory date), 31 March.

        When the kind of body cannot be determined (including a title naming only a place,
        such as 某市某区2020年……, which is usually that government's own report), the rule
        reports only a date after the most lenient deadline. Local rules are often stricter:
        a local profile chosen in the configuration can tighten the deadlines.

    Why
        Late publication costs points in evaluations and is the defect the public sees most
        directly.

    Wrong
        标题：某市某区某某局2020年政府信息公开工作年度报告
        落款日期：2021年3月15日
        (标题 = title, 落款日期 = closing date: a bureau's 2020 report dated 15 March 2021,
        after the departments' deadline of 31 January.)

    Right
        标题：某市某区某某局2020年政府信息公开工作年度报告
        落款日期：2021年1月20日
        (The same report dated 20 January 2021.)

    Options
        None (the deadlines come from the selected profile).
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


_FUTURE_CUE_RE = rx.compile(r"将|拟|计划|预计|力争|争取|之前|以前|以后|届时|底前|前完成|截止日期|期限|到期|起施行|起实施")
# "2018年2月5日前" is a deadline, not an event.
_DEADLINE_AFTER_RE = rx.compile(r"[ \u3000]*前")
# The report is signed first and put online later: its own publication date
# ("发布时间：…", "本报告于…在门户网站公开发布") may follow the closing date.
_PUBLISHED_RE = rx.compile(r"(?:发布|公布|印发|上网|公开|成文)(?:日期|时间)|本(?:年度)?报告[^。；;！？]*(?:发布|公布|公开|上网|印发)")


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
        标题：某市某区某某局2017年政府信息公开工作年度报告
        2018年2月5日，我局召开政务公开工作专题会议。
        落款日期：2018年1月20日

    示例（正确）
        标题：某市某区某某局2017年政府信息公开工作年度报告
        我局将于2018年6月30日前完成门户网站改版。
        落款日期：2018年1月20日

    选项
        无。
    """

    doc_en = """
    The closing date is before the period ends, or a date in the text is after it (D405).

    Purpose
        Reported when the closing date is before the end of the statistical period (or 31
        December of the report year) — then only the closing date is reported, not each date
        in the text; otherwise, when a specific date in the text is later than the closing
        date. A date in the text is not reported when its sentence speaks of a plan or a
        deadline (将 "will", 拟 "intend to", 计划 "plan", 截止日期 "deadline" …), when the
        date is followed by 前 ("before", as in 2018年6月30日前), or when it is the report's
        own publication date (发布时间：…… "published on …", 本报告于……在门户网站公开发布
        "this report was published on the portal on …"; publication may come after signing).

    Why
        Signing before the year is over, or recording events that happened after the
        signature, shows that the closing date is wrong or that the report was edited later
        without updating the date.

    Wrong
        标题：某市某区某某局2017年政府信息公开工作年度报告
        2018年2月5日，我局召开政务公开工作专题会议。
        落款日期：2018年1月20日
        (A 2017 report dated 20 January 2018 mentions a meeting held on 5 February 2018.)

    Right
        标题：某市某区某某局2017年政府信息公开工作年度报告
        我局将于2018年6月30日前完成门户网站改版。
        落款日期：2018年1月20日
        (The later date is a plan: the website will be redesigned before 30 June 2018.)

    Options
        None.
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
_PLAN_HEADING_RE = rx.compile(r"(?<!\d)(?P<y>\d{4})[ \u3000]*年(?:度)?[^。，\d]{0,8}?(?:工作)?(?:思路|计划|打算|安排|设想)")
# In every _PLAN_HEADING_RE match: the headings whose titles hold none are passed over.
_PLAN_WORD_RE = rx.compile(r"思路|计划|打算|安排|设想")
# "2017年工作计划完成情况" looks back at this year's plan, not forward to next year's.
_LOOKS_BACK_RE = rx.compile(r"完成|落实|执行|推进|情况|部署|回顾|总结")


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
        标题：某市某区某某局2017年政府信息公开工作年度报告
        本报告所列数据的统计期限为2016年1月1日至2016年12月31日。
        五、存在问题与2017年工作思路

    示例（正确）
        标题：某市某区某某局2017年政府信息公开工作年度报告
        本报告所列数据的统计期限为2017年1月1日至2017年12月31日。
        五、存在问题与2018年工作思路

    选项
        无。
    """

    doc_en = """
    The years do not agree (D406).

    Purpose
        Reported when these years contradict each other (the examples below come from a 2017
        report):

        - the title's year and the year of the statistical period differ (when the period is
          a whole year; a period that is not a whole year is reported by D403);
        - in a heading, the year of the next-year work ideas / plan / intentions /
          arrangements (工作思路 / 计划 / 打算 / 设想 / 安排) is not the year after the report
          year (a 2017 report should say 2018年工作思路).

        Nothing is reported when the heading looks back (2017年工作计划完成情况 "how the 2017
        work plan was carried out", 贯彻落实2017年工作安排 "implementing the 2017
        arrangements", 2017年政务公开工作安排部署). Other years mentioned in the text (such
        as 2017年政务公开工作要点 "the key points of 2017") are not checked.

    Why
        Years that disagree usually mean the report was rewritten from an earlier one without
        updating every year.

    Wrong
        标题：某市某区某某局2017年政府信息公开工作年度报告
        本报告所列数据的统计期限为2016年1月1日至2016年12月31日。
        五、存在问题与2017年工作思路
        (A 2017 report whose period is 2016 and whose next-year plan is for 2017 instead of
        2018.)

    Right
        标题：某市某区某某局2017年政府信息公开工作年度报告
        本报告所列数据的统计期限为2017年1月1日至2017年12月31日。
        五、存在问题与2018年工作思路
        (Period 2017, plan for 2018.)

    Options
        None.
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
        for h in headings_matching(report, _PLAN_WORD_RE):
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


# --------------------------------------------------------------------------- D407
from reportlint.facts.dates import CN_DATE_RE, cn_year  # noqa: E402
from reportlint.patterns import cn_number  # noqa: E402
from reportlint.rule import Edit  # noqa: E402

# A month (and day) as written: "09月", "2017年09月05日", "9月05日".
_MONTH_DAY_STYLE_RE = rx.compile(r"(?<![\d.])(?P<m>\d{1,2})[ \u3000]*月(?:[ \u3000]*(?P<d>\d{1,2})[ \u3000]*日)?")
# "17年9月": a two-digit year before a month.
_SHORT_YEAR_MONTH_RE = rx.compile(r"(?<![\d.A-Za-z])(?P<y>\d{2})[ \u3000]*年[ \u3000]*(?P<m>\d{1,2})[ \u3000]*月")
# "17年度" / "17年底" / "17年上半年" standing for the report year (or the year before or after it).
# A bare "17年" is too often a duration ("成立17年", "17年来", "近17年") to be read as a year.
_SHORT_YEAR_RE = rx.compile(
    r"(?<![\d.A-Za-z第])(?P<y>\d{2})[ \u3000]*年(?=[ \u3000]*(?:度|底|末|初|上半年|下半年|第?[一二三四]季度))"
)
_DURATION_BEFORE_RE = rx.compile(r"(?:近|满|连续|历时|共|约|多|余|过去|这|已|长达|达|经过|用了|用时|工作|任职|超过|不到|每|前|后|这些|以来)[ \u3000]*$")
_DURATION_AFTER_RE = rx.compile(r"[ \u3000]*(?:来|间|内|以来|之久|多|余|左右|以上|以下|时间|前|后|之前|之后|里|中|期间|的时间|工龄|党龄)")
# A year in Chinese numerals: its zero must be 〇, never 0 / O / ○ / 零.
_CN_YEAR_RE = rx.compile(r"(?<![〇零○O0０Ｏ一二三四五六七八九十])(?P<y>[〇零○O0０Ｏ一二三四五六七八九]{4})[ \u3000]*年")
_BAD_ZERO = "零○O0０Ｏ"
_REAL_CN_DIGIT = "一二三四五六七八九"
# Hints, each searched for in the whole report at once: a literal first character (or, for the
# years, a 年 with a look-behind after it) makes the search fast, and each pattern above runs
# only in the few characters before its hints (matches_containing).
# A padded month or day ("09月", "05日"): every zero the padding check reports stands there.
_ZERO_PADDED_HINT_RE = rx.compile(r"0\d[ \u3000]*[月日]")
# The 年 of a year written with two digits (right before it, or with a space between).
_TWO_DIGITS_BEFORE = r"(?:(?<=\d\d年)(?<!\d\d\d年)|(?<=[ \u3000]年))"
_SHORT_YEAR_MONTH_HINT_RE = rx.compile(rf"年{_TWO_DIGITS_BEFORE}[ \u3000]*\d{{1,2}}[ \u3000]*月")
_SHORT_YEAR_HINT_RE = rx.compile(rf"年{_TWO_DIGITS_BEFORE}[ \u3000]*(?:度|底|末|初|上半年|下半年|第?[一二三四]季度)")
# The 年 of a year of four characters that could be Chinese numerals (or with a space before it).
_CN_YEAR_HINT_RE = rx.compile(r"年(?:(?<=[〇零○O0０Ｏ一二三四五六七八九]{4}年)|(?<=[ \u3000]年))")


def _split_year(blocks, i: int) -> bool:
    """Whether the block before ``blocks[i]`` ends in a digit: "20" ending one line and "17年9月"
    starting the next is a year the reader did not join."""
    return i > 0 and blocks[i - 1].text[-1:].isdigit()


def _inside_title_marks(text: str, pos: int) -> bool:
    """True when ``pos`` stands inside an unclosed 《 (a cited title, which must be quoted as it is)."""
    depth = 0
    for ch in text[:pos]:
        if ch == "《":
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
    return depth > 0


class DateStyle(Rule):
    """日期写法不规范（D407）。

    作用
        按 GB/T 9704-2012 和 GB/T 15835，日期用阿拉伯数字写全年份、月日不编虚位：
        “2021年9月26日”。以下写法报告：

        - 月、日前补零：“09月”“2017年09月05日”（可自动删去补的“0”）；
        - 年份只写两位：“17年9月”，以及与报告年度（或前后一年）相同的“17年度”
          “17年底”“18年上半年”；单独的“17年”多是时长（“成立17年”“17年来”
          “近17年”），不报告；
        - 2012年7月1日以后（GB/T 9704-2012 施行后）的文件使用汉字日期
          “二〇一八年二月二十八日”（报告年度为2012年及以后的报告都属此列）；
        - 汉字年份中的“〇”写成了“0”“O”“○”或“零”（“二0一八年”）。

        书名号内引用的文件名照原文，不检查。

    为什么
        日期写法不统一是公文格式检查中最常见的问题之一；补零和两位年份多来自
        表格软件或口语习惯，在正式文件中不规范。

    示例（错误）
        2017年09月05日，我局召开政务公开工作专题会议。

    示例（正确）
        2017年9月5日，我局召开政务公开工作专题会议。申请的截止日期为3月31日。

    选项
        无。
    """

    doc_en = """
    Nonstandard date style (D407).

    Purpose
        Following GB/T 9704-2012 and GB/T 15835, dates use Arabic numerals with the year in
        full and no zero padding: 2021年9月26日. These are reported:

        - a zero before the month or day: 09月, 2017年09月05日 (the padding zero can be
          removed automatically);
        - a two-digit year: 17年9月, and 17年度 / 17年底 / 18年上半年 ("the 17 year", "end of
          17", "first half of 18") when the year is the report year (or the one before or
          after); a bare 17年 is mostly a duration (成立17年 "founded 17 years ago", 17年来
          "over 17 years", 近17年 "nearly 17 years") and is not reported;
        - a date in Chinese numerals, 二〇一八年二月二十八日, in documents after 1 July 2012
          (when GB/T 9704-2012 took effect; this covers every report for 2012 and later);
        - in a year written in Chinese numerals, 〇 written as 0, O, ○ or 零 (二0一八年).

        Document titles cited inside 《》 are quoted as they are and not checked.

    Why
        Inconsistent date style is one of the most common findings of official-document
        format checks; zero padding and two-digit years come from spreadsheets or speech
        habits and are not standard in formal documents.

    Wrong
        2017年09月05日，我局召开政务公开工作专题会议。
        (5 September 2017 written with zero padding: 09月05日.)

    Right
        2017年9月5日，我局召开政务公开工作专题会议。申请的截止日期为3月31日。
        (2017年9月5日; 截止日期为3月31日 "the deadline is 31 March" is fine.)

    Options
        None.
    """

    code = "D407"
    name = "date-style"
    severity = Severity.INFO
    fixable = True

    def check(self, report, ctx):
        index = report._index_all
        text, starts, blocks = index
        found = []  # (block position, kind, finding): in each block, the kinds in this order
        at = [m.start() for m in _ZERO_PADDED_HINT_RE.finditer(text)]
        for i, m in matches_containing(index, at, _MONTH_DAY_STYLE_RE, " \u3000月日"):
            if finding := self._zero_padded(blocks[i], m, starts[i]):
                found.append((i, 0, finding))
        at = [m.start() for m in _SHORT_YEAR_MONTH_HINT_RE.finditer(text)]
        for i, m in matches_containing(index, at, _SHORT_YEAR_MONTH_RE, " \u3000年月"):
            start = m.start() - starts[i]
            if (1 <= int(m["m"]) <= 12 and not _DURATION_BEFORE_RE.search(blocks[i].text, 0, start)
                    and not (start == 0 and _split_year(blocks, i))):
                found.append((i, 1, self._short_year(blocks[i], start, m.end("y") - starts[i], m["y"])))
        # (The year-month check above and this one never read the same 年: a digit follows one,
        # 度/底/末… the other.)
        year = report.year
        if year is not None:
            near = {f"{(year + k) % 100:02d}" for k in (-1, 0, 1)}
            at = [m.start() for m in _SHORT_YEAR_HINT_RE.finditer(text)]
            for i, m in matches_containing(index, at, _SHORT_YEAR_RE, " \u3000年"):
                block, start = blocks[i], m.start() - starts[i]
                if (m["y"] not in near or (start == 0 and _split_year(blocks, i))
                        or _DURATION_BEFORE_RE.search(block.text, 0, start)
                        or _DURATION_AFTER_RE.match(block.text, m.end() - starts[i])):
                    continue
                found.append((i, 2, self._short_year(block, start, m.end("y") - starts[i], m["y"])))
        at = [m.start() for m in _CN_YEAR_HINT_RE.finditer(text)]
        for i, m in matches_containing(index, at, _CN_YEAR_RE, " \u3000年〇零○O0０Ｏ一二三四五六七八九"):
            if finding := self._chinese_year(blocks[i], m, starts[i], year):
                found.append((i, 3, finding))
        found.sort(key=lambda x: x[:2])  # stable: each kind is in reading order already
        for _, _, finding in found:
            yield finding

    def _zero_padded(self, block, m, base):
        """The finding for the month (and day) ``m`` (on the joined text; ``block`` starts at ``base``) if
        padded: one finding per date, one edit per padded zero."""
        zeros = [m.start(g) - base for g in ("m", "d")
                 if m[g] and len(m[g]) == 2 and m[g][0] == "0" and m[g] != "00"]
        if not zeros:
            return None
        start = m.start() - base
        fix = tuple(Edit(block.span(z, z + 1), "") for z in zeros)
        shown = m.group(0)
        fixed = shown
        for z in reversed(zeros):
            fixed = fixed[:z - start] + fixed[z - start + 1:]
        return self.finding(block.span(start, m.end() - base), f"日期中的月、日不应补零：“{shown}”应为“{fixed}”",
                            f"no zero padding in dates: '{shown}' should be '{fixed}'", fix=fix, found=shown)

    def _chinese_year(self, block, m, base, year):
        """The finding for the year ``m`` in Chinese numerals (as in _zero_padded), if it is a date
        after GB/T 9704-2012 or its zero is not 〇."""
        text, start, y = block.text, m.start() - base, m["y"]
        if not any(ch in _REAL_CN_DIGIT for ch in y) or _inside_title_marks(text, start):
            return None
        bad = [ch for ch in y if ch in _BAD_ZERO]
        full = CN_DATE_RE.match(text, start)  # the full date in Chinese numerals this year begins, if any
        value = cn_year(y)
        modern = full is not None and (
            (year is not None and year >= 2012)
            or (value is not None and (value, cn_number(full["m"]) or 0) >= (2012, 7)))
        if not bad and not modern:
            return None
        end = full.end() if full is not None else m.end() - base
        shown = text[start:end]
        zh, en = [], []
        if modern:
            zh.append("2012年7月1日以后的公文日期应使用阿拉伯数字")
            en.append("documents after 1 July 2012 write dates in Arabic numerals")
        if bad:
            zh.append(f"汉字年份中的零应写作“〇”，不是“{bad[0]}”")
            en.append(f"the zero of a year in Chinese numerals is 〇, not '{bad[0]}'")
        return self.finding(block.span(start, end), f"日期写法不规范：“{shown}”，" + "；".join(zh),
                            f"date style: '{shown}': " + "; ".join(en), found=shown)

    def _short_year(self, block, start, end, y):
        return self.finding(block.span(start, end), f"年份应写全，不应简写为“{y}年”",
                            f"write the year in full, not '{y}年'", found=f"{y}年")


RULES += [DateStyle]
