"""A slim result as plain values — lists, strings, numbers, bytes — and back again.

Two places hand slim results (reportlint.engine.FileResult) elsewhere in bulk:
the result cache writes them as JSON, and worker processes (``--jobs``) send
them to the parent by pickle. Both carry a report's findings and original lines
by the thousand, and the generic forms were slow: pickle handles a slotted
record through ``copyreg`` (a dict of its fields per object, several times the
cost of a tuple), and a report's ~400 lines are as many string objects to
encode and decode. Here a finding is one flat row of built-in values, and the
lines are one UTF-8 blob decoded only if something reads them (JSON output
never does).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlint.engine import Diagnostic, FileResult, JsonEvidence, jsonable_evidence
from reportlint.rule import Edit, Message, Severity
from reportlint.source import Source, Span


def _span(s: Span) -> list[int]:
    return [s.line, s.column, s.end_line, s.end_column]


def diagnostic_rows(diagnostics) -> list[list]:
    """Each finding as one row, its fields by position (the cache's JSON arrays)."""
    return [[d.code, d.name, d.severity._value_, d.span.line, d.span.column, d.span.end_line, d.span.end_column,
             d.message.zh, d.message.en, jsonable_evidence(d.evidence),
             [[_span(e.span), e.replacement] for e in d.fix], d.locator] for d in diagnostics]


_SEVERITIES = {s.value: s for s in Severity}  # a dict lookup; calling Severity(value) costs several


def diagnostics_from_rows(rows, path: str) -> list[Diagnostic]:
    """The findings of :func:`diagnostic_rows`; a field of the wrong type raises (the cache takes that
    for a corrupt entry)."""
    return [Diagnostic(path, str(code), str(name), _SEVERITIES[severity],
                       Span(int(line), int(column), int(end_line), int(end_column)), Message(str(zh), str(en)),
                       JsonEvidence(evidence), tuple(Edit(Span(*map(int, sp)), str(rep)) for sp, rep in fix) if fix else (),
                       None if locator is None else str(locator))
            for code, name, severity, line, column, end_line, end_column, zh, en, evidence, fix, locator in rows]


def pack_lines(lines: Sequence[str]) -> bytes | None:
    """The lines as one UTF-8 blob, one per newline; None when a line holds a newline of its own
    (a .docx soft return) or the lines are just one empty line, which the blob cannot tell apart."""
    text = "\n".join(lines)
    if lines and not (text and text.count("\n") == len(lines) - 1):
        return None
    return text.encode("utf-8", "surrogatepass")


def utf8_lines(data: bytes) -> list[str]:
    """The lines of :func:`pack_lines`' blob."""
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:  # bytes damaged on disk: shown as U+FFFD, the findings are unaffected
        text = data.decode("utf-8", "replace")
    return text.split("\n")


class PackedLines(Sequence):
    """A file's original lines, kept as bytes until something reads them.

    ``read(*args)`` gives the lines: :func:`utf8_lines` of a packed blob, or (the
    cache, for a text file whose lines are its decoded text split) the file's
    own bytes decoded. A run whose output does not show source lines (JSON,
    SARIF, GitHub …) then never decodes them; the first read decodes and splits
    all of them once. Equal to the tuple of the same lines, as Source's fields
    are compared by value; pickled as the blob while it is still one.
    """

    __slots__ = ("_count", "_read", "_args", "_lines")

    def __init__(self, count: int, read: Callable[..., list[str]], *args) -> None:
        self._count = count
        self._read = read
        self._args = args
        self._lines: tuple[str, ...] | None = None

    def _unpack(self) -> tuple[str, ...]:
        if self._lines is None:
            lines = self._read(*self._args)[:self._count] if self._count else []
            lines += [""] * (self._count - len(lines))  # a newline byte damaged on disk: the count stays true
            self._lines, self._args = tuple(lines), ()
        return self._lines

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        return self._unpack()[index]

    def __iter__(self):
        return iter(self._unpack())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedLines):
            other = other._unpack()
        return self._unpack() == other if isinstance(other, tuple) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._unpack())

    def __repr__(self) -> str:
        return repr(self._unpack())

    def __reduce__(self):
        if self._lines is None and self._read is utf8_lines:
            return PackedLines, (self._count, utf8_lines, *self._args)
        return tuple, (self._unpack(),)


# -- across a process boundary -----------------------------------------------------------------

def to_wire(result: FileResult) -> tuple:
    """A slim result as a tuple of built-in values, for a worker to send (pickled) to the parent."""
    src = result.source
    source = None
    if src is not None:
        lines = src.lines
        blob = pack_lines(lines)
        source = (tuple(lines) if blob is None else blob, len(lines), src.encoding, src.bom, src.newline,
                  src.layout, tuple(src.locators), src.suppressions)
    return (result.path, diagnostic_rows(result.diagnostics), source, result.agency, result.year,
            result.structured, result.content_hash)


def from_wire(wire: tuple) -> FileResult:
    """The slim result :func:`to_wire` made (its lines decoded only when read)."""
    path, rows, source, agency, year, structured, digest = wire
    src = None
    if source is not None:
        lines, count, encoding, bom, newline, layout, locators, suppressions = source
        if type(lines) is bytes:
            lines = PackedLines(count, utf8_lines, lines)
        src = Source(path, lines, (), encoding, bom, newline, layout, locators=locators, suppressions=suppressions)
    return FileResult(path, diagnostics_from_rows(rows, path), src, None, agency, year, structured, digest)
