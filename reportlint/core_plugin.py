"""The engine's own readers, formatters and profiles, contributed through the same hooks as any plugin."""

from __future__ import annotations

from reportlint.hookspecs import hookimpl


@hookimpl
def reportlint_readers():
    from reportlint.readers.text import read_text

    return {".txt": read_text, ".md": read_text, ".text": read_text}


@hookimpl
def reportlint_formatters():
    from reportlint.formatters import json_format, text

    return {"text": text.format_results, "json": json_format.format_results}


@hookimpl
def reportlint_profiles():
    from reportlint.profiles import NATIONAL

    return [NATIONAL]
