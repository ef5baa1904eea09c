"""The catalogue of canonical table cells: one stable id per cell of tables 二, 三, 四.

Why a catalogue of its own: ``reportlint extract`` promises a column set that
does not depend on which reports are in a batch (a spreadsheet built from
hundreds of reports needs the same columns every time), so every cell either
table format can hold gets one id here, in one fixed order, with its label in
Chinese and English. The labels and row keys come from
:mod:`reportlint.tables.labels` (DOMAIN.md §3) — this module only names them.

Ids (documented in docs/extract.md, generated from this module):

- table 二 differs between the formats, so its ids carry the format:
  ``t2.<format>.<item>.<row>.<column>`` — ``t2.fmt2021.1.normative.in_force``
  is 第二十条第（一）项 · 行政规范性文件 · 现行有效件数;
- table 三 is the same in both formats except （六）其他处理 (one row in fmt2019,
  three in fmt2021): ``t3.<row>.<column>`` — ``t3.new.total``;
- table 四 is the same in both: ``t4.<group>.<result>`` — ``t4.review.upheld``.
"""

from __future__ import annotations

from functools import lru_cache

from reportlint.model import Era
from reportlint.tables.labels import T2_BLOCKS, T3_COLUMNS, T3_COLUMNS_EN, T3_ROWS, T4_GROUPS, T4_GROUPS_EN, T4_RESULTS, T4_RESULTS_EN
from reportlint.records import Record

FORMATS = (Era.FMT2021, Era.FMT2019)  # fixed order of the catalogue: the current format first

_ITEM_NUMBER = {"一": 1, "五": 5, "六": 6, "八": 8, "九": 9}
_T2_ROW_SLUG = {
    "规章": ("regulations", "regulations"),
    "规范性文件": ("normative", "normative documents"),
    "行政许可": ("licensing", "administrative licensing"),
    "其他对外管理服务事项": ("other_services", "other external management services"),
    "行政处罚": ("penalty", "administrative penalties"),
    "行政强制": ("coercion", "administrative coercion"),
    "行政事业性收费": ("fees", "administrative fees"),
    "政府集中采购": ("procurement", "government centralised procurement"),
}
_T2_COLUMN_SLUG = {
    "本年制发件数": ("issued", "issued this year"),
    "本年废止件数": ("repealed", "repealed this year"),
    "现行有效件数": ("in_force", "in force"),
    "本年处理决定数量": ("decisions", "decisions this year"),
    "本年收费金额（单位：万元）": ("amount", "fees collected this year (10,000 yuan)"),
    "本年新制作数量": ("made", "newly made this year"),
    "本年新公开数量": ("published", "newly published this year"),
    "对外公开总数量": ("published_total", "total published"),
    "上一年项目数量": ("items_last_year", "items last year"),
    "本年增/减": ("change", "change this year (+/-)"),
    "处理决定数量": ("decisions", "decisions"),
    "采购项目数量": ("projects", "procurement projects"),
    "采购总金额": ("amount", "total procurement amount"),
}
_T3_ROW_EN = {
    "new": "I. new applications this year",
    "carried": "II. applications carried over from last year",
    "granted": "III.(1) disclosed",
    "partial": "III.(2) partly disclosed",
    "refused.1": "III.(3) not disclosed: 1. state secret",
    "refused.2": "III.(3) not disclosed: 2. prohibited by other laws and regulations",
    "refused.3": "III.(3) not disclosed: 3. endangers the 'three securities and one stability'",
    "refused.4": "III.(3) not disclosed: 4. protects third-party rights",
    "refused.5": "III.(3) not disclosed: 5. internal affairs information",
    "refused.6": "III.(3) not disclosed: 6. process information",
    "refused.7": "III.(3) not disclosed: 7. administrative enforcement files",
    "refused.8": "III.(3) not disclosed: 8. administrative inquiry matters",
    "unable.1": "III.(4) cannot be provided: 1. not held by this body",
    "unable.2": "III.(4) cannot be provided: 2. would have to be newly produced",
    "unable.3": "III.(4) cannot be provided: 3. still unclear after correction",
    "rejected.1": "III.(5) not processed: 1. petitions, reports, complaints",
    "rejected.2": "III.(5) not processed: 2. repeated application",
    "rejected.3": "III.(5) not processed: 3. asks for published material",
    "rejected.4": "III.(5) not processed: 4. numerous repeated applications without good reason",
    "rejected.5": "III.(5) not processed: 5. asks to confirm or reissue information already obtained",
    "other": "III.(6) other handling",
    "other.1": "III.(6) other handling: 1. applicant did not correct in time",
    "other.2": "III.(6) other handling: 2. applicant did not pay the fee in time",
    "other.3": "III.(6) other handling: 3. other",
    "total": "III.(7) total",
    "carry_next": "IV. carried over to next year",
}
_T3_COLUMN_SLUG = ("natural", "business", "research", "public_interest", "legal_services", "other", "total")
_T4_GROUP_SLUG = ("review", "direct_suit", "suit_after_review")
_T4_RESULT_SLUG = ("upheld", "corrected", "other", "pending", "total")


class CellSpec(Record):
    """One canonical cell: where it sits and what it is called.

    ``table`` is "t2", "t3" or "t4"; ``formats`` the table formats that have
    this cell ("fmt2019", "fmt2021"); ``row`` the row key of
    reportlint.tables.labels ("new", "refused.1", "规章"; "" in table 四);
    ``row_id`` the cell id without the column ("t3.refused_1",
    "t2.fmt2021.1.regulations"); ``column`` the index among the row's values;
    ``kind`` "count", "signed" or "money" (reportlint.tables.values); ``unit``
    the unit the canonical header states ("万元"), if any; ``block`` table 二's
    block: the item of art. 20 as written in the label ("一", "五" …).
    """

    __slots__ = ("id", "table", "formats", "row", "row_id", "column", "label_zh", "label_en", "kind", "unit", "block")

    def __init__(self, id: str, table: str, formats: tuple[str, ...], row: str, row_id: str, column: int,  # noqa: A002
                 label_zh: str, label_en: str, kind: str, unit: str | None = None, block: str = "") -> None:
        self.id = id
        self.table = table
        self.formats = formats
        self.row = row
        self.row_id = row_id
        self.column = column
        self.label_zh = label_zh
        self.label_en = label_en
        self.kind = kind
        self.unit = unit
        self.block = block

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_zh


def t3_row_slug(key: str) -> str:
    return key.replace(".", "_")


@lru_cache(maxsize=None)
def catalogue() -> tuple[CellSpec, ...]:
    """Every canonical cell of both formats, in the fixed order of the CSV columns."""
    out: list[CellSpec] = []
    for era in FORMATS:
        for block in T2_BLOCKS[era]:
            item = _ITEM_NUMBER[block.item]
            for row in block.rows:
                rslug, ren = _T2_ROW_SLUG[row.key]
                for k, (col, kind) in enumerate(zip(block.columns, block.kinds)):
                    cslug, cen = _T2_COLUMN_SLUG[col]
                    unit = "万元" if "万元" in col else None
                    out.append(CellSpec(
                        f"t2.{era.value}.{item}.{rslug}.{cslug}", "t2", (era.value,), row.key, f"t2.{era.value}.{item}.{rslug}", k,
                        f"表二 · 第二十条第（{block.item}）项 · {row.label} · {col}",
                        f"Table II · art. 20 item ({item}) · {ren} · {cen}", kind, unit, block.item))
    seen: dict[str, list[str]] = {}
    rows: list = []
    for era in (Era.FMT2019, Era.FMT2021):  # table order: fmt2019's single 其他处理 row before fmt2021's three
        for spec in T3_ROWS[era]:
            if spec.key not in seen:
                seen[spec.key] = []
                rows.append(spec)
            seen[spec.key].append(era.value)
    order = {s.key: i for i, s in enumerate(T3_ROWS[Era.FMT2021])}
    order["other"] = order["other.1"] - 0.5
    rows.sort(key=lambda s: order[s.key])
    for spec in rows:
        formats = tuple(sorted(seen[spec.key], reverse=True))  # ("fmt2021", "fmt2019") order
        for k, (col, cen, cslug) in enumerate(zip(T3_COLUMNS, T3_COLUMNS_EN, _T3_COLUMN_SLUG)):
            out.append(CellSpec(f"t3.{t3_row_slug(spec.key)}.{cslug}", "t3", formats, spec.key, f"t3.{t3_row_slug(spec.key)}", k,
                                f"表三 · {spec.label} · {col}", f"Table III · {_T3_ROW_EN[spec.key]} · {cen}", "count"))
    both = ("fmt2021", "fmt2019")
    for g, (group, gen, gslug) in enumerate(zip(T4_GROUPS, T4_GROUPS_EN, _T4_GROUP_SLUG)):
        for r, (result, ren, rslug) in enumerate(zip(T4_RESULTS, T4_RESULTS_EN, _T4_RESULT_SLUG)):
            out.append(CellSpec(f"t4.{gslug}.{rslug}", "t4", both, "", "t4", g * 5 + r,
                                f"表四 · {group} · {result}", f"Table IV · {gen} · {ren}", "count"))
    return tuple(out)


def cells_of(table: str, fmt: str) -> tuple[CellSpec, ...]:
    """The canonical cells of one table in one format, in catalogue order."""
    return tuple(c for c in catalogue() if c.table == table and fmt in c.formats)


def markdown_table() -> str:
    """The catalogue as a Markdown table (docs/extract.md embeds it; a test keeps them equal)."""
    lines = ["| # | id | 格式 / formats | 标签 | label |", "|---|---|---|---|---|"]
    for i, c in enumerate(catalogue(), 1):
        lines.append(f"| {i} | `{c.id}` | {', '.join(c.formats)} | {c.label_zh} | {c.label_en} |")
    return "\n".join(lines)
