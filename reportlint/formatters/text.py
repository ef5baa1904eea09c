"""Human-readable output, grouped by file: a header per file with findings, then each
finding as ``path:line:col: CODE [severity] message`` with the source line and a caret
under the span, and a summary by severity at the end.

The finding line keeps the full ``path:line:col:`` so an editor or terminal can jump
to it even inside a group. For .docx and .pdf the place is a locator instead of
line:col (``path:表格 2 第 3 行第 4 列:``). Colours (``options.color``) are decided by
the CLI: only on a TTY, never with NO_COLOR.
"""

from __future__ import annotations

from reportlint.formatters import FormatOptions, baseline_lines, problems, summary_line, where
from reportlint.patterns import display_width

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD = "\033[1m"
_DIM = "\033[2m"
_RESET = "\033[0m"


def _caret(line_text: str, column: int, end_column: int | None) -> str:
    prefix = line_text[: max(column - 1, 0)].replace("\t", " ")
    marked = line_text[max(column - 1, 0): (end_column - 1) if end_column else None]
    width = max(display_width(marked.replace("\t", " ")), 1)
    return " " * display_width(prefix) + "^" * width


_LONG = 300  # a line longer than this (a minified web page) is shown only around the finding
_WINDOW = 100  # characters shown around the finding in such a line


def _window(text: str, column: int, end: int | None) -> tuple[str, int, int | None]:
    """Cut a very long source line down to the part around ``column`` (with "…" marks)."""
    if len(text) <= _LONG:
        return text, column, end
    start = max(column - 1 - _WINDOW // 2, 0)
    stop = min(max(end - 1 if end else column, column) + _WINDOW // 2, len(text))
    head = "…" if start > 0 else ""
    shown = head + text[start:stop] + ("…" if stop < len(text) else "")
    shift = start - len(head)
    return shown, column - shift, (min(end, stop + 1) - shift) if end else None


def _paint(text: str, code: str, on: bool) -> str:
    return f"{code}{text}{_RESET}" if on else text


def _finding(result, d, options: FormatOptions) -> list[str]:
    lang, color = options.lang, options.color
    sev = _paint(d.severity.label(lang), _COLORS[d.severity.value], color)
    code = _paint(d.code, _BOLD, color)
    out = [f"{d.path}:{where(d, lang)}: {code} [{sev}] {d.message.get(lang)}"]
    src = result.source.line_text(d.span.line) if result.source is not None else ""
    if src.strip():
        end = d.span.end_column if d.span.end_line == d.span.line else None
        src, column, end = _window(src, d.span.column, end)
        gutter = "      | " if getattr(d, "locator", None) else f"{d.span.line:>5} | "
        out.append(_paint(gutter, _DIM, color) + src.replace("\t", " "))
        out.append(_paint(" " * 6 + "| ", _DIM, color) + _paint(_caret(src, column, end), _COLORS[d.severity.value], color))
    return out


def format_results(results, options: FormatOptions) -> str:
    out: list[str] = []
    for result in results:
        if not result.diagnostics:
            continue
        # The group header: the file and how many problems it has.
        header = f"{result.path}（{problems(len(result.diagnostics), options.lang)}）" if options.lang == "zh" \
            else f"{result.path} ({problems(len(result.diagnostics), options.lang)})"
        out.append(_paint(header, _BOLD, options.color))
        for d in result.diagnostics:
            out.extend(_finding(result, d, options))
        out.append("")
    out.extend(baseline_lines(options))
    out.append(_paint(summary_line(results, options.lang), _BOLD, options.color))
    return "\n".join(out) + "\n"
