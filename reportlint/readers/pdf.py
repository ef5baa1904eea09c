"""PDF reports (.pdf) through pdfplumber — the optional extra ``reportlint[pdf]``.

Each page gives its text lines (pdfplumber's ``extract_text_lines``, in
reading order: top to bottom, left to right) and its ruled tables
(``find_tables``). Lines inside a table's box are the table's, which becomes
one tab-separated line per row; a merged cell comes out as pdfplumber gives it,
text in its first cell and ``None`` (an empty cell) in the others — the grid of
the same table typed with tabs. Page furniture (a page number alone on a line:
"- 3 -", "第 3 页 共 12 页", "3/12") is dropped. The lines of all pages then
go through the text repair, which joins the visual lines of a paragraph
(across page breaks too) as for any wrapped text.

Places read as page and line ("第 3 页第 12 行", locator ``pg3l12``; a table
cell is "第 3 页表格 1 第 2 行第 4 列", ``pg3t1r2c4``), the line counted among
the page's text lines from the top.

Without pdfplumber installed a PDF gives E001 saying how to install it.
"""

from __future__ import annotations

import io
import re
from typing import Any, Iterable

from reportlint.readers import ReadError, check_text_chars
from reportlint.readers.repair import repair
from reportlint.source import Source

MAX_PAGES = 500
_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—－–~\s]*\d{1,4}[-—－–~\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$"
)

INSTALL_HINT_ZH = "读取 PDF 需要可选组件 pdfplumber，请安装：pip install 'reportlint[pdf]'"
INSTALL_HINT_EN = "reading PDF needs the optional pdfplumber package; install it with: pip install 'reportlint[pdf]'"


def _inside(box: tuple[float, float, float, float], line: dict) -> bool:
    x0, top, x1, bottom = box
    cx = (line["x0"] + line["x1"]) / 2
    cy = (line["top"] + line["bottom"]) / 2
    return x0 - 1 <= cx <= x1 + 1 and top - 1 <= cy <= bottom + 1


def _cell(text: Any) -> str:
    if text is None:
        return ""
    return re.sub(r"\s*\n\s*", "", str(text)).replace("\t", " ").strip()


def render_pages(pages: Iterable[Any]) -> tuple[list[str], list[str]]:
    """(lines, locators) of pdfplumber-like pages.

    A page needs ``extract_text_lines()`` → dicts with ``text``, ``x0``, ``x1``,
    ``top``, ``bottom``, and ``find_tables()`` → objects with ``bbox`` and
    ``extract()`` → rows of cell strings (``None`` for a merged-away cell).
    """
    lines: list[str] = []
    locators: list[str] = []
    for pno, page in enumerate(pages, 1):
        tables = list(page.find_tables())
        items: list[tuple[float, int, Any]] = []
        for t in tables:
            items.append((t.bbox[1], 0, t))
        for ln in page.extract_text_lines(return_chars=False):
            if not any(_inside(t.bbox, ln) for t in tables):
                items.append((ln["top"], 1, ln))
        items.sort(key=lambda it: (it[0], it[1]))
        line_no = 0
        table_no = 0
        for _, kind, item in items:
            if kind == 1:
                line_no += 1
                text = item["text"].replace("\t", " ").strip()
                if not text or _PAGE_NUMBER_RE.match(text):
                    continue
                lines.append(text)
                locators.append(f"pg{pno}l{line_no}")
            else:
                table_no += 1
                for r, row in enumerate(item.extract() or [], 1):
                    lines.append("\t".join(_cell(c) for c in row))
                    locators.append(f"pg{pno}t{table_no}r{r}")
    return lines, locators


def read_pdf(path: str, data: bytes) -> Source:
    """Reader for PDF reports (needs pdfplumber)."""
    try:
        import pdfplumber  # heavy and optional: only when a PDF is read
    except ImportError:
        raise ReadError(INSTALL_HINT_ZH, INSTALL_HINT_EN) from None
    if b"%PDF-" not in data[:1024]:
        raise ReadError("不是 PDF 文件（缺少 %PDF- 文件头）", "not a PDF file (no %PDF- header)")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise ReadError(f"PDF 页数过多（{len(pdf.pages)} 页，上限 {MAX_PAGES}）",
                                f"PDF has too many pages ({len(pdf.pages)}, limit {MAX_PAGES})")
            lines, locators = render_pages(pdf.pages)
    except ReadError:
        raise
    except Exception as exc:  # pdfminer's syntax, encryption and password errors
        name = type(exc).__name__
        if "Password" in repr(exc) or "Encrypt" in repr(exc):
            raise ReadError("PDF 已加密，无法读取其中的文字", "the PDF is encrypted: its text cannot be read") from None
        raise ReadError(f"无法读取 PDF：{name}: {exc}", f"cannot read the PDF: {name}: {exc}") from None
    if not any(line.strip() for line in lines):
        raise ReadError("PDF 中没有可提取的文字（可能是扫描件，需要先做文字识别）",
                        "the PDF has no extractable text (a scan? run OCR first)")
    check_text_chars(lines)
    logical, layout, roles = repair(lines)
    return Source(path=path, lines=tuple(lines), logical=logical, encoding="pdf", layout=layout, roles=roles,
                  locators=tuple(locators))
