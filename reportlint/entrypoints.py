"""Finding the ``reportlint`` entry points without importlib.metadata.

``importlib.metadata.entry_points()`` reads the metadata of every installed
distribution through a general machinery (and imports the ``email`` package to
do it): 25–40 ms of a one-file check that should feel instant in a pre-commit
hook. Installed distributions leave their entry points in a plain INI file,
``<name>-<version>.dist-info/entry_points.txt`` (or ``<name>.egg-info/…``), in
a folder on ``sys.path``; reading only the ``[reportlint]`` section of those
files is all a linter needs.

The result follows importlib.metadata's rules: folders in ``sys.path`` order,
the first distribution of a (normalised) name wins. Where ``sys.path`` holds
something other than folders (a zip file, an egg) or a custom import hook
provides distributions, the scan cannot see everything, and the standard
library answers instead.
"""

from __future__ import annotations

import os
import sys

from reportlint import rx
from reportlint.records import Record

_SECTION_RE = rx.compile(r"^\s*\[([^\]]+)\]\s*$")
_PATH_FINDER = next((f for f in sys.meta_path if getattr(f, "__name__", "") == "PathFinder"), None)

_SEPARATORS_RE = rx.compile(r"[-_.]+")  # a distribution name normalised as importlib.metadata does


def import_module(name: str):
    """The module of that absolute name, imported if needed, as ``importlib.import_module`` gives it.

    The ``importlib`` package itself imports ``warnings``: ~0.6 ms of every start for one function.
    """
    __import__(name)
    return sys.modules[name]


class EntryPoint(Record):
    """``value`` is "module" or "module:attr.attr"; ``dist`` is "name version", for messages and the cache key."""

    __slots__ = ("name", "value", "dist")

    def __init__(self, name: str, value: str, dist: str) -> None:
        self.name = name
        self.value = value
        self.dist = dist

    def load(self):
        module, _, attrs = self.value.partition(":")
        obj = import_module(module.strip())
        for part in filter(None, attrs.strip().split(".")):
            obj = getattr(obj, part)
        return obj


def _normalise(name: str) -> str:
    return _SEPARATORS_RE.sub("-", name).lower()


def _section(text: str, group: str) -> list[tuple[str, str]]:
    out, inside = [], False
    for line in text.splitlines():
        m = _SECTION_RE.match(line)
        if m:
            inside = m.group(1).strip() == group
            continue
        if inside and "=" in line and not line.lstrip().startswith(("#", ";")):
            name, _, value = line.partition("=")
            out.append((name.strip(), value.strip()))
    return out


def _egg_version(folder: str) -> str:
    try:
        with open(os.path.join(folder, "PKG-INFO"), encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def _scan(group: str) -> list[EntryPoint] | None:
    """The entry points of ``group``, or None when sys.path holds what a folder scan cannot read."""
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for entry in sys.path:
        folder = entry or os.getcwd()
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return None  # a zip file or an egg on sys.path
            continue
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for item in names:
            if item.endswith(".dist-info"):
                dist_name, _, version = item[:-len(".dist-info")].partition("-")
            elif item.endswith(".egg-info"):
                dist_name, version = item[:-len(".egg-info")].split("-", 1)[0], None
            else:
                continue
            key = _normalise(dist_name)
            if key in seen:
                continue
            meta = os.path.join(folder, item)
            seen.add(key)
            try:
                with open(os.path.join(meta, "entry_points.txt"), encoding="utf-8") as fh:
                    text = fh.read()
            except OSError:
                continue  # no entry points, or an .egg-info file rather than a folder
            if f"[{group}]" not in text.replace(" ", ""):
                continue
            if version is None:
                version = _egg_version(meta)
            found.extend(EntryPoint(n, v, f"{dist_name} {version}") for n, v in _section(text, group))
    return found


def _standard(group: str) -> list[EntryPoint]:
    from importlib.metadata import entry_points

    out = []
    for ep in entry_points(group=group):
        dist = getattr(ep, "dist", None)
        out.append(EntryPoint(ep.name, ep.value, f"{dist.name} {dist.version}" if dist is not None else "?"))
    return out


def entry_points(group: str) -> list[EntryPoint]:
    """The entry points of ``group`` from every installed distribution, sorted by name."""
    custom_finders = any(hasattr(f, "find_distributions") and f is not _PATH_FINDER for f in sys.meta_path)
    eps = None if custom_finders else _scan(group)
    if eps is None:
        eps = _standard(group)
    unique = {}
    for ep in eps:
        unique.setdefault(ep.name, ep)
    return sorted(unique.values(), key=lambda e: e.name)
