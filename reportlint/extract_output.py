"""The ``reportlint extract`` command: JSON and CSV rendering, output file, exit code.

Why apart from :mod:`reportlint.extract`: the records are the product; how
they are written (a JSON document, a spreadsheet row per report) and what the
command says on stderr is presentation, and the CSV's fixed column set is a
promise of its own (docs/extract.md).

CSV decisions, each for the spreadsheet a reviewer builds from hundreds of
reports:

- one row per report; the header is the canonical ids (ASCII, the same in
  every language and every batch), the metadata columns first, then one column
  per canonical cell of both table formats in catalogue order;
- a cell column holds the cell's text as written ("52", "/", "", "+3");
  the parsed number and the difference between a blank cell and a missing row
  are in the JSON;
- UTF-8 with a byte-order mark and CRLF line ends, so Excel opens the Chinese
  text correctly with a double click;
- a text that a spreadsheet would run as a formula (starting with = + - @,
  except a plain signed number such as "+3" or the placeholder "-") gets a
  leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from typing import Any

from reportlint.extract_cells import catalogue

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

METADATA_COLUMNS = (
    "path", "error_code", "error", "title", "agency", "agency_kind", "year", "era",
    "period_start", "period_end", "closing_date", "sections", "headings",
    "tables", "t2_format", "t3_format", "missing_rows",
)


def csv_columns() -> tuple[str, ...]:
    """The CSV header: always the same, whatever reports are in the batch."""
    return METADATA_COLUMNS + tuple(c.id for c in catalogue())


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_RE = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def _safe(text: str) -> str:
    if text.startswith(_FORMULA_START) and text != "-" and not _NUMBER_RE.match(text):
        return "'" + text
    return text


def csv_row(record: dict[str, Any]) -> list[str]:
    period = record["period"] or {}
    error = record["error"] or {}
    tables = record["tables"]
    cells: dict[str, dict] = {}
    missing: list[str] = []
    for key in ("t2", "t3", "t4"):
        if tables[key] is not None:
            cells.update(tables[key]["cells"])
            missing += tables[key]["missing_rows"]
    meta = {
        "path": record["path"],
        "error_code": error.get("code"),
        "error": error.get("message"),
        "title": record["title"],
        "agency": record["agency"],
        "agency_kind": record["agency_kind"],
        "year": record["year"],
        "era": record["era"],
        "period_start": period.get("start"),
        "period_end": period.get("end"),
        "closing_date": record["closing_date"],
        "sections": " ".join(str(s["canonical"]) for s in record["sections"] if s["canonical"] is not None),
        "headings": " | ".join(s["heading"] for s in record["sections"]),
        "tables": " ".join(k for k in ("t2", "t3", "t4") if tables[k] is not None),
        "t2_format": tables["t2"]["format"] if tables["t2"] else None,
        "t3_format": tables["t3"]["format"] if tables["t3"] else None,
        "missing_rows": " ".join(missing),
    }
    row = ["" if meta[c] is None else _safe(str(meta[c])) for c in METADATA_COLUMNS]
    for spec in catalogue():
        cell = cells.get(spec.id)
        row.append("" if cell is None or cell["text"] is None else _safe(cell["text"]))
    return row


def to_csv(records: list[dict[str, Any]]) -> str:
    """The CSV text (without the BOM, which :func:`write` adds)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(csv_columns())
    for r in records:
        writer.writerow(csv_row(r))
    return buf.getvalue()


def to_json(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write(data: bytes, output: str | None) -> None:
    """Write to ``output`` (replaced atomically) or to stdout as bytes (UTF-8 whatever the console)."""
    if output is None:
        out = getattr(sys.stdout, "buffer", None)
        if out is None:  # a replaced sys.stdout (tests): text only
            sys.stdout.write(data.decode("utf-8"))
        else:
            sys.stdout.flush()
            out.write(data)
            out.flush()
        return
    from reportlint.atomic import replace_file

    replace_file(output, data, mode=0o666)


def run(args) -> int:
    """``reportlint extract``: 0 every file extracted, 1 some could not be, 2 usage error."""
    from reportlint.config import ConfiguredLinter, Overrides
    from reportlint.extract import document, extract_paths

    first = args.paths[0]
    configured = ConfiguredLinter(Overrides(lang=args.lang), config=args.config, isolated=args.isolated,
                                  start=first if os.path.isdir(first) else os.path.dirname(os.path.abspath(first)))
    lang = args.lang or configured.settings.lang
    if args.output and os.path.isdir(args.output):
        print(f"reportlint: --output {args.output} 是一个目录 / is a directory", file=sys.stderr)
        return EXIT_USAGE
    records = extract_paths(configured, args.paths, lang)
    if args.format == "csv":
        data = "\ufeff".encode("utf-8") + to_csv(records).encode("utf-8")
    else:
        data = to_json(document(records)).encode("utf-8")
    try:
        write(data, args.output)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"reportlint: 无法写入 {args.output}：{reason} / cannot write {args.output}: {reason}", file=sys.stderr)
        return EXIT_USAGE
    failed = [r for r in records if r["error"] is not None]
    for r in failed:
        print(f"{r['path']}: {r['error']['code']} {r['error']['message']}", file=sys.stderr)
    if failed:
        print(f"提取了 {len(records) - len(failed)} 份报告，{len(failed)} 份无法提取。" if lang == "zh" else
              f"Extracted {len(records) - len(failed)} report(s); {len(failed)} could not be extracted.",
              file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK
