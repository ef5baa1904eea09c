"""``reportlint extract``: the structured facts of each report, as JSON or CSV.

Why it exists: reviewers who aggregate hundreds of reports want the numbers,
not the findings. Everything here is read from what the linter already built —
the parsed :class:`~reportlint.model.Report` (agency, kind, year, era, period,
closing date, sections) and ``report.facts.tables`` (the three tables by
canonical label) — so extraction and the rules always agree, and the
configured ``era`` / ``agency-kind`` overrides apply exactly as in ``check``.
No text is parsed again here.

A file that cannot be read (E001) or has no report structure (E002) becomes an
entry carrying that error instead of stopping the batch. The record shape is
documented in docs/extract.md and by ``reportlint/schemas/extract.schema.json``;
the cell ids come from :mod:`reportlint.extract_cells`.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from reportlint.extract_cells import CellSpec, cells_of

VERSION = 1  # of the record shape; raised only when a field changes meaning or goes away

_NUMERALS = "一二三四五六"


def _fallback_message(code: str) -> tuple[str, str]:
    if code == "E001":
        return "文件无法读取", "the file cannot be read"
    return "找不到带编号的章节标题", "no numbered section headings found"


# --------------------------------------------------------------------------- sections
def _canonical_sections(report) -> dict[int, tuple[int, str]]:
    """id(heading) -> (canonical number, canonical heading), matched as rule S101 matches them.

    fmt2019/fmt2021: the six sections of the format; reg2008: the six content
    items of the 2008 Regulation art. 32 (that era has no fixed headings).
    Unknown era: nothing is canonical.
    """
    from reportlint.model import Era
    from reportlint.rules.structure import _REG2008_ITEMS, _SIX_SECTIONS, six_section_headings

    if report.era in (Era.FMT2019, Era.FMT2021):
        canon = {section: f"{section}、{heading}" for section, heading, _, _ in _SIX_SECTIONS}
        return {id(h): (_NUMERALS.index(s) + 1, canon[s]) for s, h in six_section_headings(report).items()}
    if report.era is Era.REG2008:
        out: dict[int, tuple[int, str]] = {}
        taken: set[str] = set()
        for level_ok in (lambda h: h.level == 1, lambda h: True):
            for item, content, cue in _REG2008_ITEMS:
                if item in taken:
                    continue
                for h in report.headings:
                    if id(h) not in out and level_ok(h) and re.search(cue, h.title):
                        out[id(h)] = (_NUMERALS.index(item) + 1, f"（{item}）{content}")
                        taken.add(item)
                        break
        return out
    return {}


def _section_record(section, canon: dict, source) -> dict[str, Any]:
    h = section.heading
    number, heading = canon.get(id(h), (None, None))
    return {
        "heading": h.text,
        "level": h.level,
        "marker": h.marker,
        "number": h.number,
        "title": h.title,
        "line": h.lineno,
        "locator": source.locator(h.lineno) if source is not None else None,
        "canonical": number,
        "canonical_heading": heading,
        "subsections": [_section_record(c, canon, source) for c in section.children],
    }


# --------------------------------------------------------------------------- tables
def _place(cell, source) -> dict[str, Any]:
    if cell is None:
        return {"line": None, "column": None, "locator": None}
    span = cell.span()
    return {"line": span.line, "column": span.column,
            "locator": source.locator(span.line, span.column) if source is not None else None}


def _cell_record(spec: CellSpec, value, lang: str, source) -> dict[str, Any]:
    if value is None:
        return {"label": spec.label(lang), "text": None, "value": None, "status": "missing", "unit": spec.unit,
                **_place(None, source)}
    return {"label": spec.label(lang), "text": value.text, "value": value.number, "status": value.status,
            "unit": value.unit or spec.unit, **_place(value.cell, source)}


def _extra(row_id: str, values, source) -> list[dict[str, Any]]:
    return [{"row": row_id, "text": v.text, **_place(v.cell, source)} for v in values]


def _table_record(fmt: str | None, from_labels: bool, anchor, cells: dict, missing: list[str],
                  extra: list[dict], source) -> dict[str, Any]:
    return {"format": fmt, "format_from_labels": from_labels, **_place(anchor, source),
            "missing_rows": missing, "extra_cells": extra, "cells": cells}


def _t2(t2, lang: str, source) -> dict[str, Any] | None:
    if t2 is None:
        return None
    fmt = t2.era.value
    cells, missing, extra, seen = {}, [], [], set()
    for spec in cells_of("t2", fmt):
        block = t2.blocks.get(spec.block)
        row = block.rows.get(spec.row) if block is not None else None
        value = row.values[spec.column] if row is not None and spec.column < len(row.values) else None
        cells[spec.id] = _cell_record(spec, value, lang, source)
        if spec.row_id in seen:
            continue
        seen.add(spec.row_id)
        if row is None:
            missing.append(spec.row_id)
        else:
            extra += _extra(spec.row_id, row.values[len(block.spec.columns):], source)
    return _table_record(fmt, t2.era_from_labels, t2.anchor, cells, missing, extra, source)


def _t3(t3, lang: str, source) -> dict[str, Any] | None:
    if t3 is None:
        return None
    fmt = t3.era.value
    cells, missing, extra, seen = {}, [], [], set()
    for spec in cells_of("t3", fmt):
        row = t3.rows.get(spec.row)
        value = row.values[spec.column] if row is not None and spec.column < len(row.values) else None
        cells[spec.id] = _cell_record(spec, value, lang, source)
        if spec.row_id in seen:
            continue
        seen.add(spec.row_id)
        if row is None or not row.values:
            missing.append(spec.row_id)
        else:
            extra += _extra(spec.row_id, row.values[7:], source)
    return _table_record(fmt, t3.era_from_labels, t3.anchor, cells, missing, extra, source)


def _t4(t4, lang: str, source) -> dict[str, Any] | None:
    """Table 四 has one layout in both formats, so its ``format`` is always null."""
    if t4 is None:
        return None
    cells = {s.id: _cell_record(s, t4.values[s.column] if s.column < len(t4.values) else None, lang, source)
             for s in cells_of("t4", "fmt2021")}
    missing = [] if t4.values else ["t4"]
    return _table_record(None, False, t4.anchor, cells, missing, _extra("t4", t4.values[15:], source), source)


# --------------------------------------------------------------------------- records
def empty_record(path: str) -> dict[str, Any]:
    """The record of ``path`` with every fact unknown (the shape every record has)."""
    return {"path": path, "error": None, "title": None, "agency": None, "agency_kind": None, "year": None,
            "era": None, "period": None, "closing_date": None, "sections": [],
            "tables": {"t2": None, "t3": None, "t4": None}}


def error_record(path: str, code: str, message: str) -> dict[str, Any]:
    return {**empty_record(path), "error": {"code": code, "message": message}}


def report_record(report, source, lang: str = "zh") -> dict[str, Any]:
    """The facts of one parsed report (see docs/extract.md for the meaning of each field)."""
    period = report.period
    canon = _canonical_sections(report)
    tables = report.facts.tables
    return {
        **empty_record(report.path),
        "title": report.title.text if report.title is not None else None,
        "agency": report.agency,
        "agency_kind": report.agency_kind.value if report.agency_kind is not None else None,
        "year": report.year,
        "era": report.era.value if report.era is not None else None,
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()} if period is not None else None,
        "closing_date": report.closing_date.isoformat() if report.closing_date is not None else None,
        "sections": [_section_record(s, canon, source) for s in report.sections],
        "tables": {"t2": _t2(tables.t2, lang, source), "t3": _t3(tables.t3, lang, source),
                   "t4": _t4(tables.t4, lang, source)},
    }


def extract_file(linter, path: str, lang: str = "zh", *, explicit: bool = True) -> dict[str, Any]:
    """Read and parse ``path`` with ``linter`` (no rules run) and return its record.

    ``linter`` is the :class:`~reportlint.engine.Linter` of the file's
    configuration, so configured era / agency-kind overrides apply. "No report
    structure" is decided by rule E002 itself (a text without a single
    numbered heading parses, but is not a report), so ``check`` and
    ``extract`` never disagree about it — even when the configuration
    switches E002 off.
    """
    result = linter.lint_file(path, explicit=explicit, rules=False)
    report = result.report
    if report is None and getattr(result, "structured", False):  # a slim (cached) result: parse again
        report = linter.load_report(path)
    if report is not None:
        structure = linter.registry.rules.get("E002")
        findings = list(structure.check(report, None)) if structure is not None else []
        if not findings:
            return report_record(report, result.source, lang)
        return error_record(path, "E002", findings[0].message.get(lang))
    code = "E001" if result.source is None else "E002"
    found = next((d for d in result.diagnostics if d.code == code), None)
    if found is not None:
        message = found.message.get(lang)
    else:  # E001/E002 switched off in the configuration: still say why there is nothing
        zh, en = _fallback_message(code)
        message = en if lang == "en" else zh
    return error_record(path, code, message)


def extract_paths(configured, paths: Iterable[str], lang: str = "zh") -> list[dict[str, Any]]:
    """Records of every report under ``paths`` (directories expanded as ``check`` does)."""
    return [extract_file(configured.linter_for(path), path, lang, explicit=explicit)
            for path, explicit in configured.discover(paths)]


def document(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON document: the records and a count of what could and could not be extracted."""
    failed = sum(1 for r in records if r["error"] is not None)
    return {"version": VERSION, "reports": records,
            "summary": {"reports": len(records), "extracted": len(records) - failed, "failed": failed}}
