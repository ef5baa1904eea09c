"""Shared test helpers: lint a snippet and get (code, line) pairs.

Equality in tests is on (code, line), never on wording (ARCHITECTURE.md).
"""

from __future__ import annotations

import textwrap
from functools import lru_cache

from reportlint.engine import Linter, Settings
from reportlint.readers.text import source_from_text


@lru_cache(maxsize=None)
def linter(select: tuple[str, ...] = ("ALL",)) -> Linter:
    return Linter(Settings(select=select))


def lint(text: str, *, select: tuple[str, ...] | str = ("ALL",), path: str = "snippet.txt", dedent: bool = True):
    """Lint ``text`` (dedented) and return the diagnostics."""
    if isinstance(select, str):
        select = (select,)
    if dedent:
        text = textwrap.dedent(text).lstrip("\n")
    return linter(tuple(select)).lint_source(source_from_text(path, text)).diagnostics


def codes_lines(text: str, *, select: tuple[str, ...] | str = ("ALL",), **kw) -> list[tuple[str, int]]:
    """[(code, line)] of the findings of ``text``, sorted."""
    return sorted((d.code, d.line) for d in lint(text, select=select, **kw))


def report(title_year: int = 2017, body: str = "", *, agency: str = "某市某区某某局", closing: str | None = None) -> str:
    """A minimal well-formed reg2008 report around ``body`` (placed after section 一's text).

    Used by per-rule tests so a snippet is linted inside a real report
    structure; the frame itself is clean (see test_frame_is_clean).
    """
    y = title_year
    closing = closing if closing is not None else f"{y + 1}年1月20日"
    return textwrap.dedent(f"""\
        {agency}{y}年政府信息公开工作年度报告

        本报告根据《中华人民共和国政府信息公开条例》编制，统计期限为{y}年1月1日至{y}年12月31日。

        一、主动公开政府信息的情况

        {y}年，我局主动公开政府信息120条。

        """) + textwrap.dedent(body).strip("\n") + textwrap.dedent(f"""

        二、依申请公开政府信息和不予公开政府信息的情况

        本年度未收到政府信息公开申请，没有不予公开的情况。

        三、政府信息公开的收费及减免情况

        本年度未收取任何费用。

        四、因政府信息公开申请行政复议、提起行政诉讼的情况

        本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。

        五、政府信息公开工作存在的主要问题及改进情况

        公开内容还不够全面，下一步将进一步加强。

        六、其他需要报告的事项

        无。

        {agency}

        {closing}
        """)


def frame_line(marker: str, text: str) -> int:
    """1-based line of the first line of ``text`` containing ``marker``."""
    for i, line in enumerate(text.splitlines(), 1):
        if marker in line:
            return i
    raise AssertionError(f"{marker!r} not in text")


# A report wrapped one visual line per text line with blank lines between (the seed-003 layout).
_WRAPPED_HEAD = [
    "某市某区某某局2017年政府信息公开工作年度报告",
    "本报告根据《中华人民共和国政府信息公开条例》编制，统计",
    "期限为2017年1月1日至2017年12月31日。",
    "一、主动公开政府信息的情况",
    "2017年，我局在区委、区政府的坚强领导下，认真贯彻落",
    "实政务公开工作要求，进一步健全工作机制，明确专人负责",
    "信息发布、审核和更新工作，全年主动公开政府信息120条，",
    "其中工作动态80条、通知公告40条。",
]
_WRAPPED_TAIL = [
    "二、依申请公开政府信息和不予公开政府信息的情况",
    "本年度未收到政府信息公开申请，没有不予公开的情况，也没",
    "有因政府信息公开申请引起的其他事项。",
    "三、政府信息公开的收费及减免情况",
    "本年度未收取任何费用。",
    "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
    "本年度未发生因政府信息公开申请行政复议、提起行政诉讼的",
    "情况。",
    "五、政府信息公开工作存在的主要问题及改进情况",
    "公开内容还不够全面，信息更新还不够及时，下一步我局将进",
    "一步加强信息公开工作，提高公开质量。",
    "六、其他需要报告的事项",
    "无。",
    "某市某区某某局",
    "2018年1月20日",
]


def body_codes_lines(body: str, code: str) -> list[tuple[str, int]]:
    """(code, line) of each ``code`` finding in a report framed around ``body``."""
    return codes_lines(report(body=body), select=code)


def body_lines_of(body: str, code: str, *markers: str) -> list[tuple[str, int]]:
    """The (code, line) list expected when ``code`` fires once on the line of each marker in the framed ``body``."""
    text = report(body=body)
    return sorted((code, frame_line(m, text)) for m in markers)


def wrapped_report(lines: list[str]) -> str:
    return "\n\n".join(_WRAPPED_HEAD + lines + _WRAPPED_TAIL) + "\n"


def line_no(text: str, physical: str) -> int:
    """1-based number of the physical line equal to ``physical``."""
    return text.splitlines().index(physical) + 1
