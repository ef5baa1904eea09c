"""The engine's own readers, formatters and profiles, contributed through the same hooks as any plugin."""

from __future__ import annotations

from reportlint.hookspecs import hookimpl


def _lazy_reader(module: str, name: str):
    """A reader that imports its module on first use: a one-file check of a .txt
    never pays for the Word, web-page or PDF readers (nor python-docx, lxml, pdfplumber)."""

    def read(path: str, data: bytes):
        from importlib import import_module

        return getattr(import_module(module), name)(path, data)

    read.__name__ = read.__qualname__ = name
    read.__doc__ = f"{name} from {module}, imported on first use."
    return read


@hookimpl
def reportlint_readers():
    text = _lazy_reader("reportlint.readers.text", "read_text")
    markdown = _lazy_reader("reportlint.readers.markdown", "read_markdown")
    html = _lazy_reader("reportlint.readers.html", "read_html")
    return {".txt": text, ".text": text, ".md": markdown, ".markdown": markdown, ".html": html, ".htm": html,
            ".docx": _lazy_reader("reportlint.readers.docx", "read_docx"),
            ".pdf": _lazy_reader("reportlint.readers.pdf", "read_pdf")}


@hookimpl
def reportlint_formatters():
    from reportlint.formatters import json_format, text

    return {"text": text.format_results, "json": json_format.format_results}


@hookimpl
def reportlint_profiles():
    from reportlint.profiles import NATIONAL

    return [NATIONAL]
