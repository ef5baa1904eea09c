"""Reading tables 二, 三 and 四 out of a report's table blocks.

All table blocks of the report are flattened into one stream of cells in
reading order, which is the same whatever the layout (tab rows, pipe rows,
markdown, one cell per line, a label line then a numbers line). The stream
alternates between *label runs* and *value runs*; a value run belongs to the
last row label in the label run before it. Each table is then read from its
own anchor label, so a table that is cut off yields the rows it has and a
list of the rows it lacks — never a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from operator import itemgetter

from reportlint import rx
from reportlint.model import Cell, Era, Table
from reportlint.records import Record
from reportlint.tables import Memory
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
from reportlint.tables.values import Value, looks_like_value, parse_values


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


# --------------------------------------------------------------------------- cells and runs
_TABLE_WORD_RE = rx.compile(r"其他|总计|合计|小计|项目|备注|内容")

# What a cell's text is, by text: (normalised text, blank, could be a value, a one- or
# two-character non-word). The normalising and the value patterns run once per text.
_CELL_KINDS = Memory()


def _kind_of(text: str) -> tuple[str, bool, bool, bool]:
    kind = _CELL_KINDS.get(text)
    if kind is None:
        norm = norm_label(text)
        kind = _CELL_KINDS.keep(text, (norm, not text.strip(), looks_like_value(text),
                                       len(norm) <= 2 and not _TABLE_WORD_RE.search(norm)), len(text))
    return kind


def _meaningful(kinds: list[tuple[str, bool, bool, bool]]) -> list[int]:
    """The positions of the cells of a row that carry meaning.

    Blank cells are values only where a value could stand: between values, or
    after a label in a row whose cells were all left blank. Elsewhere they are
    merged cells of a header or of a label column.
    """
    n = len(kinds)
    first = 0
    while first < n and kinds[first][1]:
        first += 1
    for v in range(first, n):
        if kinds[v][2] and not kinds[v][1]:  # the first value
            end = n
            while kinds[end - 1][1]:
                end -= 1
            # Blank cells among the labels are merged label columns, not values.
            return [k for k in range(first, v) if not kinds[k][1]] + list(range(v, end))
    filled = [k for k in range(first, n) if not kinds[k][1]]
    if len(filled) == 1 and n - first > 2:
        return list(range(first, n))  # "2.重复申请" followed by nothing but blank cells
    return filled


class Run:
    """Consecutive cells of one kind (labels or values), with their normalised texts."""

    __slots__ = ("is_value", "cells", "norms", "_text")

    def __init__(self, is_value: bool) -> None:
        self.is_value = is_value
        self.cells: list[Cell] = []
        self.norms: list[str] = []
        self._text: str | None = None

    @property
    def text(self) -> str:
        """The normalised texts joined up (made once, after the run is complete)."""
        if self._text is None:
            self._text = "".join(self.norms)
        return self._text


# How a row's cells split into labels and values, by the row's texts: (positions of the
# label cells, their normalised texts, positions of the value cells, theirs). A row is
# labels then values, never back: once a cell is a value, the rest are. Header and
# label rows recur from report to report; a row of numbers is read cell by cell.
_ROW_SHAPES = Memory()


def _row_shape(texts: tuple[str, ...]) -> tuple[tuple[int, ...], tuple[str, ...], tuple[int, ...], tuple[str, ...]]:
    shape = _ROW_SHAPES.get(texts)
    if shape is None:
        kinds = [_kind_of(t) for t in texts]
        kept = _meaningful(kinds)
        wide = len(kept) > 2
        # In a delimited row every cell after the first value is a value, and so is
        # a one- or two-character non-word after the label ("三" typed for 3).
        split = next((pos for pos, k in enumerate(kept)
                      if kinds[k][2] or (pos > 0 and kinds[k][3] and wide)), len(kept))
        labels, values = kept[:split], kept[split:]
        shape = _ROW_SHAPES.keep(texts, (tuple(labels), tuple(kinds[k][0] for k in labels),
                                         tuple(values), tuple(kinds[k][0] for k in values)), sum(map(len, texts)))
    return shape


def runs_of(tables: Iterable[Table]) -> list[Run]:
    """The cells of all table blocks in reading order, as alternating runs of labels and values."""
    runs: list[Run] = []
    run: Run | None = None
    for table in tables:
        for row in table.rows:
            cells = row.cells
            labels, label_norms, values, value_norms = _row_shape(tuple([c.text for c in cells]))
            if labels:
                if run is None or run.is_value:
                    run = Run(False)
                    runs.append(run)
                run.cells.extend([cells[k] for k in labels])
                run.norms.extend(label_norms)
            if values:
                if run is None or not run.is_value:
                    run = Run(True)
                    runs.append(run)
                run.cells.extend([cells[k] for k in values])
                run.norms.extend(value_norms)
    return runs


def _matches(run: Run, specs: Iterable[RowSpec]) -> list[tuple[int, RowSpec, int]]:
    """Row labels found in a label run, in reading order: (position in the run's text, spec, cell index).

    Patterns are tried on each cell and on the run's text joined up, so a
    label split over two cells ("1.属于国家" / "秘密") is still found. The
    keys of a spec table are unique, so each spec is found at most once.
    """
    norms = run.norms
    text = run.text
    starts = list(accumulate(map(len, norms), initial=0))
    found = []
    for spec in specs:
        if spec.literals is not None:
            for word in spec.literals:
                if word in text:
                    break
            else:
                continue  # none of its words in the joined text, so in no cell either
        pattern = spec.pattern
        for i, norm in enumerate(norms):
            m = pattern.search(norm)
            if m:
                found.append((starts[i] + m.start(), spec, i))
                break
        else:
            # One cell: the joined text is that cell, already tried.
            if len(norms) > 1 and "^" not in pattern.pattern:
                m = pattern.search(text)
                if m:
                    found.append((m.start(), spec, bisect_right(starts, m.start(), 0, len(norms)) - 1))
    found.sort(key=itemgetter(0))  # stable: labels at the same place stay in spec order
    return found


class _RowFinder:
    """The row labels of one spec table in label runs, remembered by the runs' texts.

    Reports use the official labels, so the same label runs recur within and
    across reports; each is matched against every spec once. The callers
    leave out the specs of rows already read: each spec is matched on its
    own, so that is the same as matching the remaining specs only.
    """

    __slots__ = ("specs", "_found")

    def __init__(self, specs: tuple[RowSpec, ...]) -> None:
        self.specs = specs
        self._found = Memory()

    def matches(self, run: Run) -> list[tuple[int, RowSpec, int]]:
        key = tuple(run.norms)
        found = self._found.get(key)
        if found is None:
            found = self._found.keep(key, _matches(run, self.specs), len(run.text))
        return found


# --------------------------------------------------------------------------- table 三
_T3_START = rx.compile(r"本年新收|上年结转")
_T3_FINDERS = {era: _RowFinder(specs) for era, specs in T3_ROWS.items()}


def _t3_acceptable(spec: RowSpec, norm: str, rows: dict[str, Row]) -> bool:
    """A bare "总计" or "其他" is a column header until the rows before it were read."""
    if spec.key == "total" and not norm.startswith("(七)"):
        return any(k not in ("new", "carried") for k in rows)
    if spec.key == "other.3":
        return "other.2" in rows
    return True


def _t3_era(runs: list[Run], fallback: Era | None) -> tuple[Era, bool]:
    if T3_ERA_MARKERS[Era.FMT2021].search("".join(r.text for r in runs)):
        return Era.FMT2021, True
    # A label ending in 其他处理 (normalised texts have no line breaks for "$" to stop at).
    for i, r in enumerate(runs[:-1]):
        if not r.is_value and r.norms[-1].endswith("其他处理") and runs[i + 1].is_value:
            return Era.FMT2019, True
    return _table_era(fallback), False


def _table_era(hint: Era | None) -> Era:
    """The report's era when it has a table format; else the current one (a reg2008 report
    that pastes a table anyway, or an unknown year)."""
    return hint if hint in (Era.FMT2019, Era.FMT2021) else Era.FMT2021


def _first_labelled(runs: list[Run], pattern: re.Pattern[str], start: int = 0) -> int | None:
    """The index of the first label run from ``start`` on holding a cell that matches ``pattern``.

    ``pattern`` has no anchors or look-arounds, so a cell that matches makes
    the run's joined text match: one search of that text rules most runs out.
    """
    for i in range(start, len(runs)):
        run = runs[i]
        if not run.is_value and pattern.search(run.text) and any(pattern.search(norm) for norm in run.norms):
            return i
    return None


def _section(runs: list[Run], anchor: re.Pattern[str], others: re.Pattern[str]) -> list[Run] | None:
    """The runs of one table: from its first anchor label to the first label of another table."""
    start = _first_labelled(runs, anchor)
    if start is None:
        return None
    end = _first_labelled(runs, others, start + 1)
    return runs[start:end]  # end None: to the last run


# The first labels of the tables after table 三 and after table 二, in one pattern each
# (a cell matches an alternation when it matches one of its branches).
_AFTER_T3 = rx.compile(f"{T4_ANCHOR.pattern}|{T2_BLOCK_RE.pattern}")
_AFTER_T2 = rx.compile(f"{_T3_START.pattern}|{T4_ANCHOR.pattern}")


def _table3(runs: list[Run], era_hint: Era | None) -> Table3 | None:
    section = _section(runs, _T3_START, _AFTER_T3)
    if section is None:
        return None
    era, from_labels = _t3_era(section, era_hint)
    finder = _T3_FINDERS[era]
    rows: dict[str, Row] = {}
    pending: tuple[RowSpec, Cell] | None = None
    for run in section:
        if run.is_value:
            if pending is not None:
                spec, label = pending
                rows[spec.key] = Row(spec.key, spec, label, tuple(parse_values(run.cells)))
                pending = None
                if spec.key == "carry_next":
                    break
            continue
        for _, spec, i in [found for found in finder.matches(run) if found[1].key not in rows]:
            if not _t3_acceptable(spec, run.norms[i], rows):
                continue
            if pending is not None:  # the previous label got no values
                rows[pending[0].key] = Row(pending[0].key, pending[0], pending[1], ())
            pending = (spec, run.cells[i])
    if pending is not None:
        rows[pending[0].key] = Row(pending[0].key, pending[0], pending[1], ())
    missing = tuple(s.key for s in finder.specs if s.key not in rows)
    return Table3(era, from_labels, rows, missing, section[0].cells[0])


# --------------------------------------------------------------------------- table 四
_T4_WORDS = rx.compile(r"复议|诉讼|结果|审结|总计|维持|纠正|其他|起诉|情况|合计")


def _table4(runs: list[Run]) -> Table4 | None:
    start = _first_labelled(runs, T4_ANCHOR)
    if start is None:
        return None
    values: list[Value] = []
    for run in runs[start:]:
        if run.is_value:
            values.extend(parse_values(run.cells))
            if len(values) >= 15:
                break
        elif values and not all(_T4_WORDS.search(norm) for norm in run.norms):
            break
    return Table4(tuple(values), runs[start].cells[0])


# --------------------------------------------------------------------------- table 二
def _t2_era(runs: list[Run], fallback: Era | None) -> tuple[Era, bool]:
    text = "".join(r.text for r in runs)
    hits = {era for era, marker in T2_ERA_MARKERS.items() if marker.search(text)}
    if len(hits) == 1:
        return hits.pop(), True
    return _table_era(fallback), False


def _table2(runs: list[Run], era_hint: Era | None) -> Table2 | None:
    section = _section(runs, T2_BLOCK_RE, _AFTER_T2)
    if section is None:
        return None
    era, from_labels = _t2_era(section, era_hint)
    specs = {b.item: b for b in T2_BLOCKS[era]}
    blocks: dict[str, tuple[BlockSpec, Cell, dict[str, Row]]] = {}
    current: tuple[BlockSpec, Cell, dict[str, Row]] | None = None
    pending: tuple[RowSpec, Cell] | None = None
    for run in section:
        if run.is_value:
            if current is not None and pending is not None:
                spec, label = pending
                current[2][spec.key] = Row(spec.key, spec, label, tuple(parse_values(run.cells, current[0].kinds)))
                pending = None
            continue
        if T2_BLOCK_RE.search(run.text):  # no anchors or look-arounds: a cell's match is the text's
            for norm, cell in zip(run.norms, run.cells):
                m = T2_BLOCK_RE.search(norm)
                if m and m.group(1) in specs:
                    current = (specs[m.group(1)], cell, {})
                    blocks[m.group(1)] = current
                    pending = None
        if current is not None:
            found = _matches(run, [r for r in current[0].rows if r.key not in current[2]])
            if found:
                pending = (found[-1][1], run.cells[found[-1][2]])
    out = {item: Block2(spec, cell, rows, tuple(r.key for r in spec.rows if r.key not in rows))
           for item, (spec, cell, rows) in blocks.items()}
    return Table2(era, from_labels, out, section[0].cells[0])


def extract_tables(tables: Iterable[Table], era_hint: Era | None) -> Tables:
    runs = runs_of(tables)
    t2 = _table2(runs, era_hint)
    t3 = _table3(runs, era_hint)
    t4 = _table4(runs)
    eras = frozenset(t.era for t in (t2, t3) if t is not None and t.era_from_labels)
    return Tables(t2, t3, t4, eras)
