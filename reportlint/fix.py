"""Safe autofix: apply the edits of fixable findings to a text file.

The pieces are small and pure where they can be:

* :func:`line_starts`, :func:`to_text_edit` and :func:`apply_edits` turn the
  (line, column) :class:`~reportlint.rule.Edit` of a finding into offsets in
  the decoded file and splice the replacements in. Lines are split exactly as
  the text readers split them (``\\r\\n``, ``\\r`` or ``\\n``), and an edit never
  crosses a line break, so every line keeps its own line ending — also in a
  file that mixes them.
* :func:`select_fixes` picks a non-overlapping subset of the findings' fixes
  (a finding's edits are taken all or none). Edits that touch characters the
  rules never saw (Markdown marks, indentation the reader dropped) or that
  point outside the file are refused.
* :func:`fix_file` runs the loop: lint, apply a non-overlapping subset,
  re-lint the result in memory, repeat — at most :data:`MAX_PASSES` times —
  so fixes that depend on each other converge and fixing twice equals fixing
  once. Nothing is written here.
* :func:`write_atomic` writes the result: a temporary file in the same folder,
  ``fsync``, a check that the file still holds the bytes that were linted,
  ``os.replace``.

Only text formats are rewritten (:data:`REWRITABLE`); for .docx, .html and
.pdf the fixes are reported as available but never written. A file with
E-findings (unreadable, no report structure, unknown year, a crashed rule) is
never written, and neither is one whose encoding cannot be written back
byte-for-byte.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import stat
import tempfile
from typing import TYPE_CHECKING, Iterable, Sequence

from reportlint.rule import Edit, Message
from reportlint.records import Record

if TYPE_CHECKING:
    from reportlint.engine import Diagnostic, FileResult, Linter
    from reportlint.source import Source

#: Suffixes whose files are rewritten by ``--fix`` (the plain-text readers).
REWRITABLE = frozenset({".txt", ".text", ".md", ".markdown"})
#: Lint → fix rounds per file; overlapping or dependent fixes are taken in the next round.
MAX_PASSES = 10

_NEWLINE_RE = re.compile(r"\r\n|\r|\n")
_BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


class FixError(Exception):
    """A file cannot be fixed or written safely; the reason in both languages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.message = Message(zh, en)


# --------------------------------------------------------------------------- edits on text
class TextEdit(Record):
    """Replace ``text[start:end]`` with ``replacement`` (offsets into the decoded file); edits order by place."""

    __slots__ = ("start", "end", "replacement")

    def __init__(self, start: int, end: int, replacement: str) -> None:
        self.start = start
        self.end = end
        self.replacement = replacement

    def __lt__(self, other: "TextEdit") -> bool:
        return self._values() < other._values()


def line_starts(text: str) -> list[int]:
    """Offset of the first character of every line, lines split as the readers split them."""
    return [0] + [m.end() for m in _NEWLINE_RE.finditer(text)]


def _line_lengths(text: str) -> list[int]:
    """Length of each line without its line ending (one entry per entry of :func:`line_starts`)."""
    return [len(piece) for piece in _NEWLINE_RE.split(text)]


def to_text_edit(edit: Edit, starts: Sequence[int], lengths: Sequence[int]) -> TextEdit | None:
    """The offsets of ``edit``, or None when it crosses a line break or lies outside the text."""
    s = edit.span
    if s.line != s.end_line or not 1 <= s.line <= len(starts):
        return None
    length = lengths[s.line - 1]
    if not 1 <= s.column <= s.end_column <= length + 1:
        return None
    if any(ch in edit.replacement for ch in "\r\n"):
        return None  # a fix never adds or removes lines
    base = starts[s.line - 1]
    return TextEdit(base + s.column - 1, base + s.end_column - 1, edit.replacement)


def _conflict(a: TextEdit, b: TextEdit) -> bool:
    """Overlapping ranges, or two edits at the same place (their order would be ambiguous)."""
    return (a.start < b.end and b.start < a.end) or a.start == b.start


def apply_edits(text: str, edits: Iterable[TextEdit]) -> str:
    """Splice non-overlapping ``edits`` into ``text``."""
    ordered = sorted(edits)
    for x, y in zip(ordered, ordered[1:]):
        if _conflict(x, y):
            raise ValueError(f"overlapping edits {x} and {y}")
    out, pos = [], 0
    for e in ordered:
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def visible_ranges(source: "Source") -> dict[int, list[tuple[int, int]]]:
    """Per original line, the column ranges [start, end) the rules saw, character for character.

    A character belongs to a range only when the reader's logical text holds
    that very character at that place; Markdown marks, dropped indentation and
    anything the reader rewrote are outside every range, so no edit can touch them.
    """
    raw: dict[int, list[tuple[int, int]]] = {}
    for ll in source.logical:
        bounds = [seg.offset for seg in ll.segments] + [len(ll.text)]
        for i, seg in enumerate(ll.segments):
            a, b = bounds[i], max(bounds[i + 1], bounds[i])
            original = source.line_text(seg.line)
            run_start = None
            for k in range(a, b + 1):
                col = seg.column + (k - a)
                same = k < b and 0 <= col - 1 < len(original) and original[col - 1] == ll.text[k]
                if same and run_start is None:
                    run_start = col
                elif not same and run_start is not None:
                    raw.setdefault(seg.line, []).append((run_start, col))
                    run_start = None
    merged: dict[int, list[tuple[int, int]]] = {}
    for line, ranges in raw.items():
        out: list[tuple[int, int]] = []
        for s, e in sorted(ranges):
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], e))
            else:
                out.append((s, e))
        merged[line] = out
    return merged


def _edit_is_visible(edit: Edit, ranges: dict[int, list[tuple[int, int]]]) -> bool:
    s = edit.span
    for a, b in ranges.get(s.line, ()):
        if s.column == s.end_column:  # an insertion: before a seen character or right after one
            if a <= s.column <= b:
                return True
        elif a <= s.column and s.end_column <= b:
            return True
    return False


def select_fixes(text: str, diagnostics: Iterable["Diagnostic"], *,
                 ranges: dict[int, list[tuple[int, int]]] | None = None,
                 encoding: str | None = None) -> tuple[list["Diagnostic"], list[TextEdit]]:
    """The findings whose fixes are applied in this round, and their edits.

    Findings are taken in document order; a finding is skipped when one of its
    edits is unsound (crosses a line, lies outside the text or outside what the
    rules saw, cannot be encoded, empties a line between a lone ``\\r`` and a
    ``\\n``) or conflicts with an edit already taken. The
    skipped ones are tried again in the next round, after re-linting.
    """
    starts = line_starts(text)
    lengths = _line_lengths(text)
    fragile = _fragile_lines(text, starts, lengths)
    grown: dict[int, int] = {}  # fragile line -> characters gained by the edits taken so far
    chosen: list[Diagnostic] = []
    taken: list[TextEdit] = []
    for d in sorted((d for d in diagnostics if d.fix), key=lambda d: (d.fix[0].span, d.code)):
        edits = []
        for e in d.fix:
            te = to_text_edit(e, starts, lengths)
            if te is None or (ranges is not None and not _edit_is_visible(e, ranges)):
                break
            if encoding is not None:
                try:
                    te.replacement.encode(encoding)
                except (UnicodeEncodeError, LookupError):
                    break
            edits.append(te)
        else:
            if any(_conflict(x, y) for i, x in enumerate(edits) for y in edits[i + 1:]):
                continue
            if any(_conflict(x, y) for x in edits for y in taken):
                continue
            if all(text[e.start:e.end] == e.replacement for e in edits):
                continue  # changes nothing
            growth = _growth_of_fragile_lines(edits, d.fix, fragile)
            if any(lengths[line - 1] + grown.get(line, 0) + g == 0 for line, g in growth.items()):
                continue  # the line would vanish and its two line endings become one
            for line, g in growth.items():
                grown[line] = grown.get(line, 0) + g
            chosen.append(d)
            taken.extend(edits)
    return chosen, taken


def _fragile_lines(text: str, starts: Sequence[int], lengths: Sequence[int]) -> set[int]:
    """Lines between a lone ``\\r`` and a ``\\n``: emptied, the two endings would read as one ``\\r\\n``.

    Only a file that mixes line endings has them; there an edit that deletes a
    whole line's text would merge two lines, which a fix never does.
    """
    fragile = set()
    for i in range(1, len(starts)):
        start = starts[i]
        if text[start - 1] == "\r" and text[start + lengths[i]:start + lengths[i] + 1] == "\n":
            fragile.add(i + 1)
    return fragile


def _growth_of_fragile_lines(edits: Sequence[TextEdit], fix: Sequence[Edit], fragile: set[int]) -> dict[int, int]:
    """How many characters each fragile line gains (or, negative, loses) by ``edits``."""
    growth: dict[int, int] = {}
    for te, e in zip(edits, fix):
        if e.span.line in fragile:
            growth[e.span.line] = growth.get(e.span.line, 0) + len(te.replacement) - (te.end - te.start)
    return growth


# --------------------------------------------------------------------------- bytes
class Encoded(Record):
    """How a file's text is turned back into its bytes."""

    __slots__ = ("encoding", "bom")

    def __init__(self, encoding: str, bom: bool) -> None:
        self.encoding = encoding
        self.bom = bom

    def encode(self, text: str) -> bytes:
        prefix = _BOMS.get(self.encoding.lower(), b"") if self.bom else b""
        return prefix + text.encode(self.encoding)


def decode_exact(data: bytes) -> tuple[str, Encoded]:
    """Decode ``data`` as the readers do; refuse when it would not encode back to the same bytes."""
    from reportlint.readers import ReadError
    from reportlint.readers.decode import decode

    try:
        decoded = decode(data)
    except ReadError as exc:
        raise FixError(exc.zh, exc.en) from None
    enc = Encoded(decoded.encoding, decoded.bom)
    try:
        same = enc.encode(decoded.text) == data
    except (UnicodeEncodeError, LookupError):
        same = False
    if not same:
        raise FixError(f"文件的编码（{decoded.encoding}）无法原样写回，未修改",
                       f"the file's encoding ({decoded.encoding}) cannot be written back unchanged; not modified")
    return decoded.text, enc


def write_atomic(path: str, data: bytes, *, expected: bytes) -> None:
    """Replace the file at ``path`` by ``data`` atomically, if it still holds ``expected``.

    The new content goes to a temporary file in the same folder (same file
    system), is flushed and fsynced, gets the original's permission bits, and
    replaces the original with ``os.replace``. A symbolic link is followed: its
    target is rewritten and the link stays. When the file changed since it was
    read (other bytes than ``expected``) nothing is written (:class:`FixError`).
    """
    real = os.path.realpath(path)
    folder = os.path.dirname(real) or "."
    try:
        st = os.stat(real)
        with open(real, "rb") as fh:
            current = fh.read()
    except OSError as exc:
        from reportlint.engine import os_reason_zh

        raise FixError(f"无法读取文件：{os_reason_zh(exc)}", f"cannot read the file: {exc.strerror or exc}") from None
    if current != expected:
        raise FixError("文件在检查后已被修改，未写入修复", "the file changed on disk after it was checked; fixes not written")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(real)}.", suffix=".reportlint-tmp", dir=folder)
    except OSError as exc:
        raise FixError(f"无法在文件所在目录创建临时文件：{exc.strerror or exc}",
                       f"cannot create a temporary file beside the file: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except (OSError, AttributeError):
            pass  # not the owner: the file becomes ours, as with any editor's save
        with open(real, "rb") as fh:  # last look before the swap
            if fh.read() != expected:
                raise FixError("文件在检查后已被修改，未写入修复", "the file changed on disk after it was checked; fixes not written")
        os.replace(tmp, real)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise FixError(f"写入文件失败：{exc.strerror or exc}", f"writing the file failed: {exc.strerror or exc}") from None
        raise
    try:  # make the rename itself durable (POSIX; best effort elsewhere)
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


# --------------------------------------------------------------------------- one file
class FixOutcome(Record):
    """What fixing one file did (nothing is written yet); filled in as the fixing goes.

    ``result`` is the lint of the fixed text (what remains); ``original`` the
    bytes read and ``fixed`` the new bytes, or None when nothing changes.
    ``applied`` counts the findings fixed; ``available`` the fixable findings
    of a file that was not fixed, with the reason in ``note``. ``first`` is the
    lint of the original bytes, ``passes`` holds (text before, findings fixed)
    per round, ``failed`` says the fixed content could not be written.
    """

    __slots__ = ("path", "result", "original", "fixed", "applied", "available", "note", "before", "after", "first",
                 "passes", "failed")

    def __init__(self, path: str, result: "FileResult", original: bytes | None = None, fixed: bytes | None = None,
                 applied: int = 0, available: int = 0, note: Message | None = None, before: str = "", after: str = "",
                 first: "FileResult | None" = None, passes: list[tuple[str, list["Diagnostic"]]] | None = None,
                 failed: bool = False) -> None:
        self.path = path
        self.result = result
        self.original = original
        self.fixed = fixed
        self.applied = applied
        self.available = available
        self.note = note
        self.before = before
        self.after = after
        self.first = first
        self.passes = [] if passes is None else passes
        self.failed = failed

    @property
    def changed(self) -> bool:
        return self.fixed is not None and self.fixed != self.original


def _fixable(linter: "Linter", diagnostics: Iterable["Diagnostic"]) -> list["Diagnostic"]:
    rules = linter.registry.rules
    return [d for d in diagnostics if d.fix and d.code in rules and rules[d.code].fixable]


def blocking(result: "FileResult") -> list[str]:
    """The E-codes that forbid writing the file (empty when it may be written).

    Any E-finding reported, and — whatever is selected — a file that is no
    report (E001/E002) or whose year is unknown (E003).
    """
    codes = {d.code for d in result.diagnostics if d.code.startswith("E")}
    if result.report is None:
        codes.add("E002" if result.source is not None else "E001")
    elif result.report.year is None:
        codes.add("E003")
    return sorted(codes)


def fix_file(linter: "Linter", path: str, *, max_passes: int = MAX_PASSES) -> FixOutcome:
    """Lint ``path`` and compute its fixed content (see the module docstring); writes nothing.

    ``linter`` is a :class:`~reportlint.engine.Linter` or anything that gives the
    Linter of a file through ``linter_for(path)`` (the configured run).
    """
    from reportlint.engine import read_input
    from reportlint.readers import ReadError

    linter = linter.linter_for(path) if hasattr(linter, "linter_for") else linter
    suffix = os.path.splitext(path)[1].lower()
    reader = linter.registry.readers.get(suffix)
    try:
        if reader is None:
            raise OSError
        data = read_input(path)  # bounded; a FIFO or device is refused, not read
    except (OSError, ReadError):
        result = linter.lint_file(path)  # the engine words the E001
        return FixOutcome(path, result, first=result)
    return fix_bytes(linter, path, data, max_passes=max_passes)


def fix_bytes(linter: "Linter", path: str, data: bytes, *, max_passes: int = MAX_PASSES) -> FixOutcome:
    """The fix of ``data`` read from ``path`` (whose suffix picks the reader), computed in memory."""
    linter = linter.linter_for(path) if hasattr(linter, "linter_for") else linter
    suffix = os.path.splitext(path)[1].lower()
    reader = linter.registry.readers.get(suffix) or linter.registry.readers[".txt"]
    result = linter.lint_bytes(path, data, reader)
    outcome = FixOutcome(path, result, original=data, first=result)
    fixable = _fixable(linter, result.diagnostics)
    if not fixable:
        return outcome
    if suffix not in REWRITABLE:
        outcome.available = len(fixable)
        outcome.note = Message(f"{len(fixable)} 处可自动修复，但只改写纯文本文件（.txt、.md），{suffix} 文件未修改",
                               f"{len(fixable)} fixable finding(s), but only text files (.txt, .md) are rewritten; "
                               f"the {suffix} file is left unchanged")
        return outcome
    if blocking(result):
        codes = ", ".join(blocking(result))
        outcome.available = len(fixable)
        outcome.note = Message(f"有 E 类问题（{codes}），为安全起见未修复", f"has E-findings ({codes}); not fixed, to be safe")
        return outcome
    try:
        text, enc = decode_exact(data)
    except FixError as exc:
        outcome.available = len(fixable)
        outcome.note = exc.message
        return outcome
    outcome.before = outcome.after = text
    seen = {text}
    for _ in range(max_passes):
        chosen, edits = select_fixes(text, _fixable(linter, result.diagnostics),
                                     ranges=visible_ranges(result.source), encoding=enc.encoding)
        if not edits:
            break
        new_text = apply_edits(text, edits)
        if new_text in seen:
            break  # a fix that undoes another: stop rather than loop
        new_result = linter.lint_bytes(path, enc.encode(new_text), reader)
        if blocking(new_result):
            outcome.note = Message("修复后会出现 E 类问题，已停止修复", "fixing further would cause an E-finding; stopped")
            break
        outcome.passes.append((text, chosen))
        outcome.applied += len(chosen)
        seen.add(new_text)
        text, result = new_text, new_result
    outcome.result = result
    outcome.after = text
    if text != outcome.before:
        outcome.fixed = enc.encode(text)
    return outcome


def unified_diff(outcome: FixOutcome) -> str:
    """A unified diff of the fix (``--diff``); empty when nothing changes."""
    if not outcome.changed:
        return ""
    a = [m.group(0) for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", outcome.before)]
    b = [m.group(0) for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", outcome.after)]
    out = []
    for line in difflib.unified_diff(a, b, outcome.path, outcome.path):
        if line.endswith(("\n", "\r")):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def fix_paths(linter: "Linter", paths: Iterable[str], *, write: bool = True) -> list[FixOutcome]:
    """Fix every file under ``paths`` (as ``check`` finds them); write the changed ones unless ``write`` is false.

    A file whose write fails (changed on disk meanwhile, no permission) keeps
    its original findings, ``applied`` 0 and the reason in ``note``; its
    ``failed`` flag is set.
    """
    from reportlint.engine import discover

    found = linter.discover(paths) if hasattr(linter, "discover") else discover(paths, linter.registry.readers)
    outcomes = []
    for path, explicit in found:
        o = fix_file(linter, path)
        if write and o.changed and not explicit and os.path.islink(path):
            # A link met while walking a folder may point anywhere (outside the repository):
            # its target is rewritten only when the link is named on the command line.
            o.note, o.failed = Message("是在文件夹中找到的符号链接，未改写其指向的文件（在命令行上直接指定它才会修复）",
                                       "a symbolic link found in a folder: its target is not rewritten (name it on "
                                       "the command line to fix it)"), False
            o.available, o.applied = o.applied, 0
            o.result = o.first
        elif write and o.changed:
            try:
                write_atomic(path, o.fixed, expected=o.original)
            except FixError as exc:
                o.note, o.failed = exc.message, True
                o.available, o.applied = o.applied, 0
                o.result = o.first
        outcomes.append(o)
    return outcomes
