"""The result cache: an unchanged file checked under an unchanged setup is not linted again.

A pre-commit hook or a CI job checks the same reports over and over; only
the changed ones need the full reader → parser → rules pipeline. An entry is
found by a key made of

* the file's path (findings carry it; per-file ignores depend on it) and a
  hash of its bytes — the bytes that were linted, not re-read afterwards;
* a fingerprint of the setup of the Linter that governs the file: the
  reportlint version and the size and modification time of every module of the
  package, the effective settings (configuration and command-line flags), every
  active rule (its code, class, the size and modification time of the file
  that defines it, its severity and options, a rule pack's specification), the
  versions of the installed plugins, the readers and the deadline profile.

Anything that changes one of these misses the cache. An entry is one line of
JSON: the findings, one array each. The file's original lines (for excerpts)
are, for a text report, its own bytes decoded and split — read anyway to hash
them, so the entry only says how many; otherwise they follow the JSON as UTF-8
text (or, when a line holds a newline of its own, stand in it). Either way
they are decoded only if a formatter shows them: JSON output never does.
Entries are written atomically; an entry that cannot be read or does not have
the expected shape is treated as a miss, and a cache folder that cannot be
created or written turns the cache off for the run — the cache never makes a
check fail. Cross-report findings (X7xx) depend on two files: they are cached per
pair, keyed by both paths and both contents.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections.abc import Sequence

from reportlint import __version__
from reportlint.atomic import replace_file
from reportlint.engine import Diagnostic, FileResult, blake2b, content_hash, read_input
from reportlint.plain import PackedLines, diagnostic_rows, diagnostics_from_rows, pack_lines, utf8_lines
from reportlint.readers import ReadError
from reportlint.source import Source, Suppression, original_lines

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: ~15 M instructions of every start
if TYPE_CHECKING:
    from typing import Any


DEFAULT_DIR = ".reportlint_cache"
FORMAT = 2  # bump when the entry layout changes

_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by reportlint.\n"
        "# For information about cache directory tags see https://bford.info/cachedir/\n")


def _stat(path: str | None) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, TypeError):
        return None
    return st.st_mtime_ns, st.st_size


def _package_stamp() -> list:
    """Size and mtime of every module of reportlint: an edited checkout invalidates like a new version.

    Walked with ``os.scandir`` and names joined by hand: this runs at every cached
    start, and ``os.walk`` with ``relpath`` for each of ~80 files took ~2 ms.
    """
    out: list = []

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
        for entry in entries:
            if entry.is_dir():
                if entry.name != "__pycache__":
                    walk(entry.path, prefix + entry.name + "/")
            elif entry.name.endswith((".py", ".lark", ".json")):
                try:
                    st = entry.stat()
                except OSError:
                    out.append((prefix + entry.name, None))
                else:
                    out.append((prefix + entry.name, (st.st_mtime_ns, st.st_size)))

    walk(os.path.dirname(os.path.abspath(__file__)), "")
    return out


def _source_file(obj: Any) -> str | None:
    """The file defining a rule class or a reader function: what ``inspect.getfile`` says of
    them, without importing ``inspect`` (~10 ms of a start). None for anything else."""
    if isinstance(obj, type):
        return getattr(sys.modules.get(obj.__module__), "__file__", None)
    return getattr(getattr(obj, "__code__", None), "co_filename", None)  # a function or a bound method


def setup_fingerprint(linter) -> str:
    """The hash of everything about a Linter that can change a file's findings."""
    registry = linter.registry
    rules = []
    for rule in linter.active:
        cls = type(rule)
        spec = getattr(rule, "spec", None)
        rules.append((rule.code, cls.__module__, cls.__qualname__, _stat(_source_file(cls)),
                      rule.severity.value, repr(sorted(rule.options.items())) if rule.options else "",
                      json.dumps(spec, sort_keys=True, ensure_ascii=False, default=str) if spec is not None else ""))
    readers = sorted((suffix, getattr(fn, "__module__", ""), getattr(fn, "__qualname__", ""),
                      _stat(_source_file(fn))) for suffix, fn in registry.readers.items())
    parts = {
        "format": FORMAT,
        "reportlint": __version__,
        "package": _package_stamp(),
        "python": list(sys.version_info[:2]),
        "settings": repr(linter.settings),
        "rules": rules,
        "plugins": sorted(registry.plugin_versions.items()),
        "readers": readers,
        "profile": repr(linter.profile),
    }
    raw = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=repr).encode("utf-8")
    return blake2b(raw, digest_size=16).hexdigest()


# -- (de)serialising a slim result ------------------------------------------------------------

def _file_lines(data: bytes, encoding: str, bom: bool) -> list[str]:
    """The lines of a text file's bytes as the text reader splits them (reportlint/readers/text.py)."""
    text = data.decode(encoding, "replace")  # these bytes gave these lines when the entry was written
    return original_lines(text[1:] if bom and text.startswith("\ufeff") else text)


def _from_file(data: bytes | None, src: Source) -> bool:
    """True when the file's bytes, decoded and split, give back exactly ``src.lines``."""
    if data is None:
        return False
    try:
        return tuple(_file_lines(data, src.encoding, src.bom)) == tuple(src.lines)
    except (LookupError, UnicodeError):  # .docx, .pdf: their lines are not the file's text
        return False


def _dump(result: FileResult, data: bytes | None = None) -> tuple[dict, bytes | None]:
    """The entry's JSON part and the lines' UTF-8 text packed after it (None: nothing after the JSON).

    ``data`` is the file's bytes that gave ``result``, when they are at hand: if
    its lines are those bytes decoded and split, the entry records just their
    count — a re-run reads the bytes anyway to hash them — and is ~6× smaller.
    """
    src = result.source
    source = packed = None
    if src is not None:
        source = {"encoding": src.encoding, "bom": src.bom, "newline": src.newline, "layout": src.layout,
                  "locators": list(src.locators),
                  "suppressions": [[list(s.start), list(s.end), list(s.codes)] for s in src.suppressions]}
        if _from_file(data, src):
            source["from_file"] = len(src.lines)
        else:
            packed = pack_lines(src.lines)
            if packed is not None:  # checked against the bytes after the JSON: a cut entry misses
                source["packed"] = [len(src.lines), len(packed)]
            else:
                source["lines"] = list(src.lines)
    return {
        "path": result.path,
        "agency": result.agency,
        "year": result.year,
        "structured": result.structured,
        "source": source,
        "diagnostics": diagnostic_rows(result.diagnostics),
    }, packed


def _strings(items: list) -> tuple[str, ...]:
    """``items`` as a tuple, if every one is a string (checked in C: a report has thousands of lines)."""
    "".join(items)  # TypeError for anything else, which the caller treats as a corrupt entry
    return tuple(items)


def _lines(s: dict, tail: bytes, data: bytes) -> Sequence[str]:
    """The lines of an entry: from the file's bytes, after the JSON (``packed``: count and size), or in it."""
    if "from_file" in s:
        count, encoding = s["from_file"], str(s["encoding"])
        if type(count) is not int or count < 0:
            raise ValueError("lines")
        codecs.lookup(encoding)  # LookupError now (a miss), not when the lines are read
        return PackedLines(count, _file_lines, data, encoding, bool(s["bom"]))
    if "packed" not in s:
        return _strings(s["lines"])
    count, size = s["packed"]
    if type(count) is not int or count < 0 or size != len(tail) or (count == 0 and tail):
        raise ValueError("lines")  # a truncated or foreign entry
    return PackedLines(count, utf8_lines, tail)


def _load(entry: dict, path: str, digest: str, tail: bytes = b"", data: bytes = b"") -> FileResult:
    """Rebuild a slim FileResult; any shape error raises (and the caller treats it as a miss)."""
    s = entry["source"]
    source = None if s is None else Source(
        path, _lines(s, tail, data), (), str(s["encoding"]), bool(s["bom"]), str(s["newline"]),
        str(s["layout"]), locators=tuple(str(x) for x in s["locators"]),
        suppressions=tuple(Suppression(tuple(a), tuple(b), tuple(c)) for a, b, c in s["suppressions"]))
    diagnostics = diagnostics_from_rows(entry["diagnostics"], path)
    year = entry["year"]
    if year is not None and not isinstance(year, int):
        raise ValueError("year")
    return FileResult(path, diagnostics, source, None, entry["agency"], year, bool(entry["structured"]), digest)


def _entry_bytes(entry: dict, packed: bytes | None) -> bytes:
    """One line of JSON (``json.dumps`` escapes every newline inside strings), then the packed lines."""
    head = json.dumps(entry, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8", "surrogatepass")
    return head if packed is None else head + b"\n" + packed


def _split_entry(data: bytes) -> tuple[dict, bytes]:
    head, _, tail = data.partition(b"\n")
    return json.loads(head.decode("utf-8", "surrogatepass")), tail


def _same_bytes(path: str, digest: str) -> bytes | None:
    """The file's bytes if they are still those that were linted (the hash ``digest``), else None."""
    try:
        data = read_input(path)
    except (OSError, ReadError):
        return None
    return data if content_hash(data) == digest else None


class ResultCache:
    """Entries under ``directory/<version>/<key[:2]>/<key>.json``."""

    def __init__(self, directory: str) -> None:
        self.directory = directory
        self.root = os.path.join(directory, f"{__version__}-{FORMAT}")
        self.enabled = True
        self._fingerprints: dict[int, str] = {}
        self.hits = self.misses = 0

    def _setup(self, linter, path: str):
        per_file = linter.linter_for(path) if hasattr(linter, "linter_for") else linter
        fp = self._fingerprints.get(id(per_file))
        if fp is None:
            fp = self._fingerprints[id(per_file)] = setup_fingerprint(per_file)
        return fp

    def _key(self, linter, path: str, digest: str) -> str:
        raw = "\0".join((self._setup(linter, path), path, digest)).encode("utf-8", "surrogatepass")
        return blake2b(raw, digest_size=20).hexdigest()

    def _file(self, key: str) -> str:
        return os.path.join(self.root, key[:2], key + ".json")

    def get(self, linter, path: str) -> FileResult | None:
        """The cached result for ``path`` as it is on disk now, or None."""
        if not self.enabled:
            return None
        try:
            data = read_input(path)  # bounded; refuses FIFOs and devices
        except (OSError, ReadError):
            return None  # the engine reports it
        digest = content_hash(data)
        return self._read(self._key(linter, path, digest), lambda entry, tail: _load(entry, path, digest, tail, data))

    def _read(self, key: str, build):
        try:
            value = build(*_split_entry(read_input(self._file(key))))
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ReadError, ValueError, TypeError, KeyError, IndexError, AttributeError, LookupError):
            self.misses += 1  # a corrupt or foreign entry: lint again, overwrite it
            return None
        self.hits += 1
        return value

    # Cross-report findings depend on both files: keyed by both paths and both contents.
    def _pair_key(self, linter, prev: FileResult, cur: FileResult) -> str | None:
        if not self.enabled or prev.content_hash is None or cur.content_hash is None:
            return None
        raw = "\0".join((self._setup(linter, cur.path), "pair", prev.path, prev.content_hash, cur.path,
                         cur.content_hash)).encode("utf-8", "surrogatepass")
        return blake2b(raw, digest_size=20).hexdigest()

    def get_pair(self, linter, prev: FileResult, cur: FileResult) -> list[Diagnostic] | None:
        key = self._pair_key(linter, prev, cur)
        if key is None:
            return None
        return self._read(key, lambda entry, tail: diagnostics_from_rows(entry["pair"], cur.path))

    def put_pair(self, linter, prev: FileResult, cur: FileResult, diagnostics) -> None:
        key = self._pair_key(linter, prev, cur)
        if key is not None:
            self._write(key, lambda: ({"pair": diagnostic_rows(diagnostics)}, None))

    def put(self, linter, result: FileResult) -> None:
        """Store ``result`` under the hash of the bytes it was linted from (none: not stored)."""
        digest = getattr(result, "content_hash", None)
        if not self.enabled or digest is None:
            return
        self._write(self._key(linter, result.path, digest),
                    lambda: _dump(result.slim() if result.report is not None else result, _same_bytes(result.path, digest)))

    def _write(self, key: str, make) -> None:
        target = self._file(key)
        try:
            payload = _entry_bytes(*make())
            folder = os.path.dirname(target)
            if not os.path.isdir(folder):
                self._prepare()
                os.makedirs(folder, exist_ok=True)
            replace_file(target, payload, prefix=".")
        except (OSError, ValueError, TypeError):
            self.enabled = False  # read-only folder, full disk …: run on without the cache

    def _prepare(self) -> None:
        """Create the folder with a CACHEDIR.TAG and a .gitignore, so it is never committed or backed up."""
        os.makedirs(self.directory, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# created by reportlint\n*\n")):
            p = os.path.join(self.directory, name)
            if not os.path.exists(p):
                with open(p, "w", encoding="utf-8") as fh:
                    fh.write(text)
