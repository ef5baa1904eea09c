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

Anything that changes one of these misses the cache. Entries are plain JSON,
written atomically; an entry that cannot be read or does not have the
expected shape is treated as a miss, and a cache folder that cannot be created
or written turns the cache off for the run — the cache never makes a check
fail. Cross-report findings (X7xx) depend on two files: they are cached per
pair, keyed by both paths and both contents.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from reportlint import __version__
from reportlint.atomic import replace_file
from reportlint.engine import Diagnostic, FileResult, _jsonable, blake2b, content_hash, read_input
from reportlint.readers import ReadError
from reportlint.rule import Edit, Message, Severity
from reportlint.source import Source, Span, Suppression

DEFAULT_DIR = ".reportlint_cache"
FORMAT = 1  # bump when the entry layout changes

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
    """Size and mtime of every module of reportlint: an edited checkout invalidates like a new version."""
    root = os.path.dirname(os.path.abspath(__file__))
    out = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".lark", ".json")):
                p = os.path.join(folder, name)
                out.append((os.path.relpath(p, root), _stat(p)))
    return out


def _source_file(obj: Any) -> str | None:
    import inspect

    try:
        return inspect.getfile(obj)
    except (TypeError, OSError):
        return None


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

def _span(s: Span) -> list[int]:
    return [s.line, s.column, s.end_line, s.end_column]


def _dump_diagnostics(diagnostics) -> list[dict]:
    return [{
        "code": d.code, "name": d.name, "severity": d.severity.value, "span": _span(d.span),
        "zh": d.message.zh, "en": d.message.en, "evidence": {k: _jsonable(v) for k, v in d.evidence.items()},
        "fix": [[_span(e.span), e.replacement] for e in d.fix], "locator": d.locator,
    } for d in diagnostics]


_SEVERITIES = {s.value: s for s in Severity}  # a dict lookup; calling Severity(value) costs several


def _load_diagnostics(entries, path: str) -> list[Diagnostic]:
    return [Diagnostic(path, str(d["code"]), str(d["name"]), _SEVERITIES[d["severity"]], Span(*d["span"]),
                       Message(str(d["zh"]), str(d["en"])), dict(d["evidence"]),
                       tuple(Edit(Span(*sp), str(rep)) for sp, rep in d["fix"]) if d["fix"] else (), d["locator"])
            for d in entries]


def _dump(result: FileResult) -> dict:
    src = result.source
    return {
        "path": result.path,
        "agency": result.agency,
        "year": result.year,
        "structured": result.structured,
        "source": None if src is None else {
            "lines": list(src.lines), "encoding": src.encoding, "bom": src.bom, "newline": src.newline,
            "layout": src.layout, "locators": list(src.locators),
            "suppressions": [[list(s.start), list(s.end), list(s.codes)] for s in src.suppressions],
        },
        "diagnostics": _dump_diagnostics(result.diagnostics),
    }


def _strings(items: list) -> tuple[str, ...]:
    """``items`` as a tuple, if every one is a string (checked in C: a report has thousands of lines)."""
    "".join(items)  # TypeError for anything else, which the caller treats as a corrupt entry
    return tuple(items)


def _load(entry: dict, path: str, digest: str) -> FileResult:
    """Rebuild a slim FileResult; any shape error raises (and the caller treats it as a miss)."""
    s = entry["source"]
    source = None if s is None else Source(
        path, _strings(s["lines"]), (), str(s["encoding"]), bool(s["bom"]), str(s["newline"]),
        str(s["layout"]), locators=tuple(str(x) for x in s["locators"]),
        suppressions=tuple(Suppression(tuple(a), tuple(b), tuple(c)) for a, b, c in s["suppressions"]))
    diagnostics = _load_diagnostics(entry["diagnostics"], path)
    year = entry["year"]
    if year is not None and not isinstance(year, int):
        raise ValueError("year")
    return FileResult(path, diagnostics, source, None, entry["agency"], year, bool(entry["structured"]), digest)


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
        return self._read(self._key(linter, path, digest), lambda entry: _load(entry, path, digest))

    def _read(self, key: str, build):
        try:
            with open(self._file(key), "rb") as fh:
                value = build(json.loads(fh.read()))
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, UnicodeError):
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
        return self._read(key, lambda entry: _load_diagnostics(entry["pair"], cur.path))

    def put_pair(self, linter, prev: FileResult, cur: FileResult, diagnostics) -> None:
        key = self._pair_key(linter, prev, cur)
        if key is not None:
            self._write(key, lambda: {"pair": _dump_diagnostics(diagnostics)})

    def put(self, linter, result: FileResult) -> None:
        """Store ``result`` under the hash of the bytes it was linted from (none: not stored)."""
        digest = getattr(result, "content_hash", None)
        if not self.enabled or digest is None:
            return
        self._write(self._key(linter, result.path, digest),
                    lambda: _dump(result.slim() if result.report is not None else result))

    def _write(self, key: str, make) -> None:
        target = self._file(key)
        try:
            payload = json.dumps(make(), ensure_ascii=False, separators=(",", ":"), default=str)
            folder = os.path.dirname(target)
            if not os.path.isdir(folder):
                self._prepare()
                os.makedirs(folder, exist_ok=True)
            replace_file(target, payload.encode("utf-8"), prefix=".")
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
