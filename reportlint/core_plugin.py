"""The engine's own readers, formatters and profiles, contributed through the same hooks as any plugin.

Its ``reportlint_*`` functions are hooks without pluggy's mark: reportlint.plugins
calls them directly, or marks them when it registers this module with pluggy.
"""

from __future__ import annotations


def _lazy_reader(module: str, name: str):
    """A reader that imports its module on first use: a one-file check of a .txt
    never pays for the Word, web-page or PDF readers (nor python-docx, lxml, pdfplumber)."""

    def read(path: str, data: bytes):
        from reportlint.entrypoints import import_module

        return getattr(import_module(module), name)(path, data)

    read.__name__ = read.__qualname__ = name
    read.__doc__ = f"{name} from {module}, imported on first use."
    return read


def reportlint_readers():
    text = _lazy_reader("reportlint.readers.text", "read_text")
    markdown = _lazy_reader("reportlint.readers.markdown", "read_markdown")
    html = _lazy_reader("reportlint.readers.html", "read_html")
    return {".txt": text, ".text": text, ".md": markdown, ".markdown": markdown, ".html": html, ".htm": html,
            ".docx": _lazy_reader("reportlint.readers.docx", "read_docx"),
            ".pdf": _lazy_reader("reportlint.readers.pdf", "read_pdf")}


def reportlint_formatters():
    # Each format's module is imported only when that format is used (xml.etree for junit …).
    modules = {"text": "text", "concise": "concise", "json": "json_format", "sarif": "sarif",
               "github": "github", "junit": "junit", "html": "html"}
    return {name: _lazy_formatter(f"reportlint.formatters.{module}") for name, module in modules.items()}


def _lazy_formatter(module: str):
    """``module.format_results``, imported on first use."""

    def format_results(results, options):
        from reportlint.entrypoints import import_module

        return import_module(module).format_results(results, options)

    format_results.__doc__ = f"format_results of {module}, imported on first use."
    return format_results


def reportlint_profiles():
    from reportlint.profiles import NATIONAL

    return [NATIONAL]
