"""One line per finding, ``path:line:col: CODE message``, and one closing count line.

For grep, editors' quickfix lists and people who know the codes (like ruff's
``--output-format concise``): no source line, no severity, no grouping. A .docx or
.pdf finding names its place with a locator (``path:第 4 段: W601 …``).
"""

from __future__ import annotations

from reportlint.formatters import FormatOptions, baseline_lines, where


def format_results(results, options: FormatOptions) -> str:
    lang = options.lang
    out = [f"{d.path}:{where(d, lang)}: {d.code} {d.message.get(lang)}" for r in results for d in r.diagnostics]
    n = len(out)
    out.extend(baseline_lines(options))
    if lang == "zh":
        out.append(f"发现 {n} 个问题。" if n else "未发现问题。")
    else:
        out.append(f"Found {n} problem{'' if n == 1 else 's'}." if n else "No problems found.")
    return "\n".join(out) + "\n"
