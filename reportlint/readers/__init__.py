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


#: Largest plain-text file (.txt, .md) a reader accepts. A real annual report is
#: 10-200 KB; at this size a whole run takes about 10 s and 150 MB (docs/SECURITY.md).
MAX_TEXT_BYTES = 4 * 1024 * 1024
#: Largest amount of text (characters) a reader of a rendered format (.html,
#: .docx, .pdf) hands on, for the same reason.
MAX_TEXT_CHARS = 1_500_000


def check_text_bytes(data: bytes) -> None:
    """Refuse a text file over :data:`MAX_TEXT_BYTES` (before decoding it)."""
    if len(data) > MAX_TEXT_BYTES:
        mb = len(data) / 1048576
        raise ReadError(f"文本文件过大（{mb:.1f} MB，上限 {MAX_TEXT_BYTES // 1048576} MB）：年度报告的正文通常不到 1 MB，"
                        "这可能不是一份报告；未检查",
                        f"text file too large ({mb:.1f} MB, limit {MAX_TEXT_BYTES // 1048576} MB): an annual report "
                        "is usually well under 1 MB, so this is probably not one; not checked")


def check_text_chars(lines) -> None:
    """Refuse rendered text (lines) of more than :data:`MAX_TEXT_CHARS` characters."""
    n = sum(len(line) for line in lines)
    if n > MAX_TEXT_CHARS:
        raise ReadError(f"文件中的文字过多（{n} 个字符，上限 {MAX_TEXT_CHARS}）：年度报告通常不到 10 万字，"
                        "这可能不是一份报告；未检查",
                        f"too much text in the file ({n} characters, limit {MAX_TEXT_CHARS}): an annual report "
                        "usually has under 100,000, so this is probably not one; not checked")
