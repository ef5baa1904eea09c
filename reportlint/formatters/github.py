"""GitHub Actions workflow commands: each finding becomes an annotation on the file.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message``
(warning → ``::warning``, info → ``::notice``). GitHub parses these lines from a
step's log, so every value is escaped as the runner expects: ``%``, CR and LF in
the message; additionally ``:`` and ``,`` in a property. Nothing else is printed —
a plain line in the log would be noise, and the step's exit code says the rest.
"""

from __future__ import annotations

import os

from reportlint.formatters import FormatOptions

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _path(path: str) -> str:
    """Relative to the working folder (the checkout in a workflow), forward slashes."""
    rel = os.path.relpath(path) if os.path.isabs(path) else path
    return rel.replace(os.sep, "/")


def annotation(d, lang: str) -> str:
    s = d.span
    message = d.message.get(lang)
    if getattr(d, "locator", None):  # .docx/.pdf: the line numbers are the reader's, so name the place
        from reportlint.source import describe_locator

        message = f"{describe_locator(d.locator, lang)}: {message}"
    props = [("file", _path(d.path)), ("line", s.line), ("col", s.column),
             ("endLine", max(s.end_line, s.line)), ("endColumn", s.end_column), ("title", f"{d.code} {d.name}")]
    joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props)
    return f"::{COMMANDS[d.severity.value]} {joined}::{escape_data(message)}"


def format_results(results, options: FormatOptions) -> str:
    lines = [annotation(d, options.lang) for r in results for d in r.diagnostics]
    return "".join(line + "\n" for line in lines)
