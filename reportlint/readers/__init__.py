"""Readers turn a file into a :class:`reportlint.source.Source`.

Each reader is a callable ``(path: str, data: bytes) -> Source`` that raises
:class:`ReadError` with a bilingual reason when the file cannot be used. They
are registered by suffix through the ``reportlint_readers`` hook, so an agency
plugin can add a format without touching the engine.

``text`` (.txt), ``markdown`` (.md), ``html`` (.html/.htm), ``docx`` (.docx) and
``pdf`` (.pdf, optional pdfplumber); ``repair`` undoes extraction damage for all
of them and ``mapped`` maps rendered text back to the original. See docs/formats.md.
"""

from __future__ import annotations


class ReadError(Exception):
    """The file cannot be read or decoded; becomes an E001 finding."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en
