"""Reading tables 二, 三 and 四 out of a report's table blocks.

All table blocks of the report are flattened into one stream of cell tokens
in reading order, which is the same whatever the layout (tab rows, pipe rows,
markdown, one cell per line, a label line then a numbers line). The stream
alternates between *label runs* and *value runs*; a value run belongs to the
last row label in the label run before it. Each table is then read from its
own anchor label, so a table that is cut off yields the rows it has and a
list of the rows it lacks — never a guess.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import Iterable

from reportlint import rx
from reportlint.model import Cell, Era, Table
from reportlint.tables import Record
from reportlint.tables.labels import (
    T2_BLOCK_RE,
    T2_BLOCKS,
    T2_ERA_MARKERS,
    T3_ERA_MARKERS,
    T3_ROWS,
    T4_ANCHOR,
    BlockSpec,
    RowSpec,
)
from reportlint.tables.normalise import norm_label
from reportlint.tables.values import Value, looks_like_value, parse_value


class Token(Record):
    __slots__ = ("cell", "norm", "is_value", "block")

    def __init__(self, cell: Cell, norm: str, is_value: bool, block: int) -> None:
        self.cell = cell
        self.norm = norm
        self.is_value = is_value
        self.block = block  # index of the table block the cell came from


class Run(Record):
    __slots__ = ("tokens", "is_value")

    def __init__(self, tokens: tuple[Token, ...], is_value: bool) -> None:
        self.tokens = tokens
        self.is_value = is_value


class Row(Record):
    """One table row: its canonical key, the label cell as found, its values."""

    __slots__ = ("key", "spec", "label", "values")

    def __init__(self, key: str, spec: RowSpec, label: Cell, values: tuple[Value, ...]) -> None:
        self.key = key
        self.spec = spec
        self.label = label
        self.values = values


class Table3(Record):
    __slots__ = ("era", "era_from_labels", "rows", "missing", "anchor")

    def __init__(self, era: Era, era_from_labels: bool, rows: dict[str, Row], missing: tuple[str, ...],
                 anchor: Cell) -> None:
        self.era = era
        self.era_from_labels = era_from_labels  # the label set itself showed the era (not the report year)
        self.rows = rows
        self.missing = missing  # expected rows not found
        self.anchor = anchor


class Table4(Record):
    __slots__ = ("values", "anchor")

    def __init__(self, values: tuple[Value, ...], anchor: Cell) -> None:
        self.values = values  # in order: 3 groups × (维持, 纠正, 其他, 尚未审结, 总计)
        self.anchor = anchor


class Block2(Record):
    __slots__ = ("spec", "label", "rows", "missing")

    def __init__(self, spec: BlockSpec, label: Cell, rows: dict[str, Row], missing: tuple[str, ...]) -> None:
        self.spec = spec
        self.label = label
        self.rows = rows
        self.missing = missing


class Table2(Record):
    __slots__ = ("era", "era_from_labels", "blocks", "anchor")

    def __init__(self, era: Era, era_from_labels: bool, blocks: dict[str, Block2], anchor: Cell) -> None:
        self.era = era
        self.era_from_labels = era_from_labels
        self.blocks = blocks
        self.anchor = anchor


class Tables(Record):
    """What the report's tables say, by canonical label. Any part may be None (not found)."""

    __slots__ = ("t2", "t3", "t4", "label_eras")

    def __init__(self, t2: Table2 | None = None, t3: Table3 | None = None, t4: Table4 | None = None,
                 label_eras: frozenset[Era] = frozenset()) -> None:
        self.t2 = t2
        self.t3 = t3
        self.t4 = t4
        self.label_eras = label_eras


# --------------------------------------------------------------------------- tokens and runs
_TABLE_WORD_RE = rx.compile(r"其他|总计|合计|小计|项目|备注|内容")


def _row_cells(cells: list[Cell]) -> list[Cell]:
    """The cells of a row that carry meaning.

    Blank cells are values only where a value could stand: between values, or
    after a label in a row whose cells were all left blank. Elsewhere they are
    merged cells of a header or of a label column.
    """
    while cells and not cells[0].text.strip():
        cells = cells[1:]
    filled = [c for c in cells if c.text.strip()]
    first_value = next((i for i, c in enumerate(cells) if c.text.strip() and looks_like_value(c.text)), None)
    if first_value is not None:
        while cells and not cells[-1].text.strip():
            cells = cells[:-1]
        # Blank cells among the labels are merged label columns, not values.
        return [c for c in cells[:first_value] if c.text.strip()] + cells[first_value:]
    if len(filled) == 1 and len(cells) > 2 and cells[0] is filled[0]:
        return cells  # "2.重复申请" followed by nothing but blank cells
    return filled


def tokens_of(tables: Iterable[Table]) -> list[Token]:
    out: list[Token] = []
    for b, table in enumerate(tables):
        for row in table.rows:
            cells = _row_cells(list(row.cells))
            in_values = False
            for k, c in enumerate(cells):
                norm = norm_label(c.text)
                # In a delimited row every cell after the first value is a value, and so is
                # a one- or two-character non-word after the label ("三" typed for 3).
                in_values = in_values or looks_like_value(c.text) or (
                    k > 0 and len(norm) <= 2 and not _TABLE_WORD_RE.search(norm) and len(cells) > 2)
                out.append(Token(c, norm, in_values, b))
    return out


def runs_of(tokens: list[Token]) -> list[Run]:
    """Consecutive tokens of one kind (labels or values), grouped in one pass."""
    return [Run(tuple(group), is_value) for is_value, group in groupby(tokens, key=lambda t: t.is_value)]


def _matches(run: Run, specs: Iterable[RowSpec]) -> list[tuple[int, RowSpec, Token]]:
    """Row labels found in a label run, in reading order.

    Patterns are tried on each token and on the run's text joined up, so a
    label split over two cells ("1.属于国家" / "秘密") is still found.
    """
    found: dict[str, tuple[int, RowSpec, Token]] = {}
    joined = "".join(t.norm for t in run.tokens)
    starts = []
    pos = 0
    for t in run.tokens:
        starts.append(pos)
        pos += len(t.norm)
    for spec in specs:
        for i, t in enumerate(run.tokens):
            m = spec.pattern.search(t.norm)
            if m:
                found.setdefault(spec.key, (starts[i] + m.start(), spec, t))
                break
        else:
            if "^" not in spec.pattern.pattern:
                m = spec.pattern.search(joined)
                if m:
                    i = max(k for k, s in enumerate(starts) if s <= m.start())
                    found.setdefault(spec.key, (m.start(), spec, run.tokens[i]))
    return sorted(found.values(), key=lambda x: x[0])


# --------------------------------------------------------------------------- table 三
_T3_START = rx.compile(r"本年新收|上年结转")


def _t3_acceptable(spec: RowSpec, tok: Token, rows: dict[str, Row]) -> bool:
    """A bare "总计" or "其他" is a column header until the rows before it were read."""
    if spec.key == "total" and not tok.norm.startswith("(七)"):
        return any(k not in ("new", "carried") for k in rows)
    if spec.key == "other.3":
        return "other.2" in rows
    return True


def _t3_era(runs: list[Run], fallback: Era | None) -> tuple[Era, bool]:
    text = "".join(t.norm for r in runs for t in r.tokens)
    if T3_ERA_MARKERS[Era.FMT2021].search(text):
        return Era.FMT2021, True
    for i, r in enumerate(runs[:-1]):
        if not r.is_value and re.search(r"其他处理$", r.tokens[-1].norm) and runs[i + 1].is_value:
            return Era.FMT2019, True
    return (fallback or Era.FMT2021), False


def _labelled(run: Run, *patterns: re.Pattern[str]) -> bool:
    """A label run holding a cell that matches one of ``patterns``."""
    return not run.is_value and any(p.search(t.norm) for t in run.tokens for p in patterns)


def _section(runs: list[Run], anchor: re.Pattern[str], *others: re.Pattern[str]) -> list[Run] | None:
    """The runs of one table: from its first anchor label to the first label of another table."""
    start = next((i for i, r in enumerate(runs) if _labelled(r, anchor)), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(runs)) if _labelled(runs[i], *others)), len(runs))
    return runs[start:end]


def _table3(runs: list[Run], era_hint: Era | None) -> Table3 | None:
    runs = _section(runs, _T3_START, T4_ANCHOR, T2_BLOCK_RE)
    if runs is None:
        return None
    era, from_labels = _t3_era(runs, era_hint)
    specs = T3_ROWS[era]
    rows: dict[str, Row] = {}
    pending: tuple[RowSpec, Token] | None = None
    done = False
    for run in runs:
        if done:
            break
        if run.is_value:
            if pending is not None:
                spec, tok = pending
                rows[spec.key] = Row(spec.key, spec, tok.cell, tuple(parse_value(t.cell) for t in run.tokens))
                pending = None
                done = spec.key == "carry_next"
            continue
        for _, spec, tok in _matches(run, [s for s in specs if s.key not in rows]):
            if not _t3_acceptable(spec, tok, rows):
                continue
            if pending is not None:  # the previous label got no values
                rows[pending[0].key] = Row(pending[0].key, pending[0], pending[1].cell, ())
            pending = (spec, tok)
    if pending is not None:
        rows[pending[0].key] = Row(pending[0].key, pending[0], pending[1].cell, ())
    missing = tuple(s.key for s in specs if s.key not in rows)
    anchor = runs[0].tokens[0].cell
    return Table3(era, from_labels, rows, missing, anchor)


# --------------------------------------------------------------------------- table 四
_T4_WORDS = rx.compile(r"复议|诉讼|结果|审结|总计|维持|纠正|其他|起诉|情况|合计")


def _table4(runs: list[Run]) -> Table4 | None:
    start = next((i for i, r in enumerate(runs) if _labelled(r, T4_ANCHOR)), None)
    if start is None:
        return None
    values: list[Value] = []
    for run in runs[start:]:
        if run.is_value:
            values.extend(parse_value(t.cell) for t in run.tokens)
            if len(values) >= 15:
                break
        elif values and not all(_T4_WORDS.search(t.norm) for t in run.tokens):
            break
    return Table4(tuple(values), runs[start].tokens[0].cell)


# --------------------------------------------------------------------------- table 二
def _t2_era(runs: list[Run], fallback: Era | None) -> tuple[Era, bool]:
    text = "".join(t.norm for r in runs for t in r.tokens)
    hits = {era for era, rx in T2_ERA_MARKERS.items() if rx.search(text)}
    if len(hits) == 1:
        return hits.pop(), True
    return (fallback or Era.FMT2021), False


def _table2(runs: list[Run], era_hint: Era | None) -> Table2 | None:
    runs = _section(runs, T2_BLOCK_RE, _T3_START, T4_ANCHOR)
    if runs is None:
        return None
    era, from_labels = _t2_era(runs, era_hint)
    specs = {b.item: b for b in T2_BLOCKS[era]}
    blocks: dict[str, tuple[BlockSpec, Cell, dict[str, Row]]] = {}
    current: tuple[BlockSpec, Cell, dict[str, Row]] | None = None
    pending: tuple[RowSpec, Token] | None = None
    for run in runs:
        if run.is_value:
            if current is not None and pending is not None:
                spec, tok = pending
                kinds = current[0].kinds
                vals = tuple(parse_value(t.cell, kinds[k] if k < len(kinds) else "count") for k, t in enumerate(run.tokens))
                current[2][spec.key] = Row(spec.key, spec, tok.cell, vals)
                pending = None
            continue
        for t in run.tokens:
            m = T2_BLOCK_RE.search(t.norm)
            if m and m.group(1) in specs:
                current = (specs[m.group(1)], t.cell, {})
                blocks[m.group(1)] = current
                pending = None
        if current is not None:
            found = _matches(run, [r for r in current[0].rows if r.key not in current[2]])
            if found:
                pending = (found[-1][1], found[-1][2])
    out = {item: Block2(spec, cell, rows, tuple(r.key for r in spec.rows if r.key not in rows))
           for item, (spec, cell, rows) in blocks.items()}
    return Table2(era, from_labels, out, runs[0].tokens[0].cell)


def extract_tables(tables: Iterable[Table], era_hint: Era | None) -> Tables:
    runs = runs_of(tokens_of(tables))
    t2 = _table2(runs, era_hint)
    t3 = _table3(runs, era_hint)
    t4 = _table4(runs)
    eras = frozenset(t.era for t in (t2, t3) if t is not None and t.era_from_labels)
    return Tables(t2, t3, t4, eras)
