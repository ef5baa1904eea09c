"""Plain-text reports (.txt, .md): decode, split lines, repair wrapping."""

from __future__ import annotations

from reportlint.readers import check_text_bytes
from reportlint.readers.decode import decode
from reportlint.readers.repair import repair
from reportlint.source import Source, original_lines


def newline_style(text: str) -> str:
    """The file's dominant line ending, so a fix can write it back unchanged."""
    if "\r" not in text:
        return "\n"  # only \n, or no line break at all
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    best = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))
    return best[1] if best[0] else "\n"


def source_from_text(path: str, text: str, *, encoding: str = "utf-8", bom: bool = False) -> Source:
    """Build a Source from already-decoded text (also used by tests and other readers)."""
    lines = original_lines(text)
    logical, layout, roles = repair(lines)
    return Source(
        path=path,
        lines=tuple(lines),
        logical=logical,
        encoding=encoding,
        bom=bom,
        newline=newline_style(text),
        layout=layout,
        roles=roles,
    )


def read_text(path: str, data: bytes) -> Source:
    """Reader for plain-text reports."""
    check_text_bytes(data)
    decoded = decode(data)
    return source_from_text(path, decoded.text, encoding=decoded.encoding, bom=decoded.bom)
