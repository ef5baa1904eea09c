"""The fast entry-point scan finds what importlib.metadata finds."""

from __future__ import annotations

import importlib.metadata as metadata
import sys

import pytest

from reportlint import entrypoints
from reportlint.entrypoints import entry_points


@pytest.mark.parametrize("group", ["console_scripts", "pytest11", "reportlint"])
def test_same_as_importlib_metadata_in_this_environment(group):
    fast = {(e.name, e.value) for e in entrypoints._scan(group)}
    standard = {(e.name, e.value) for e in metadata.entry_points(group=group)}
    assert fast == standard
    assert ("builtin", "reportlint.rules") in {(e.name, e.value) for e in entry_points("reportlint")}


def _dist(site, folder: str, body: str) -> None:
    d = site / folder
    d.mkdir()
    (d / "entry_points.txt").write_text(body, encoding="utf-8")


def test_first_distribution_on_the_path_wins_and_sections_are_kept_apart(tmp_path, monkeypatch):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    _dist(first, "agency_rules-2.0.dist-info", "[console_scripts]\nx = nope:main\n\n[reportlint]\nagency = agency_rules.v2:plugin\n")
    _dist(second, "Agency.Rules-1.0.dist-info", "[reportlint]\nagency = agency_rules.v1\n")
    _dist(second, "old_style.egg-info", "[reportlint]\nold = old_style\n")
    (second / "old_style.egg-info" / "PKG-INFO").write_text("Name: old-style\nVersion: 0.3\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(first), str(second)])
    found = entrypoints._scan("reportlint")
    assert [(e.name, e.value, e.dist) for e in found] == [
        ("agency", "agency_rules.v2:plugin", "agency_rules 2.0"), ("old", "old_style", "old_style 0.3")]
    assert {(e.name, e.value) for e in found} == {(e.name, e.value) for e in metadata.entry_points(group="reportlint")}


def test_a_zip_on_the_path_falls_back_to_the_standard_library(tmp_path, monkeypatch):
    archive = tmp_path / "plugins.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip file
    monkeypatch.setattr(sys, "path", [str(archive), *sys.path])
    assert entrypoints._scan("reportlint") is None
    assert ("builtin", "reportlint.rules") in {(e.name, e.value) for e in entry_points("reportlint")}


def test_load_resolves_module_and_attributes():
    ep = entrypoints.EntryPoint("x", "reportlint.entrypoints:EntryPoint.load", "reportlint 0")
    assert ep.load() is entrypoints.EntryPoint.load
