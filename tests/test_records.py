"""records.Record: the package's value objects; usercache: the private folder of the start-up tables."""

from __future__ import annotations

import os

import pytest

from helpers import report
from importprobe import probe

from reportlint import records, usercache


def test_read_private_refuses_a_file_of_another_user(tmp_path, monkeypatch):
    f = tmp_path / "t"
    f.write_bytes(b"x")
    f.chmod(0o600)
    tmp_path.chmod(0o700)
    assert usercache.read_private(str(f)) == b"x"
    monkeypatch.setattr(os, "getuid", lambda: os.stat(f).st_uid + 1)
    assert usercache.read_private(str(f)) is None


# -- records.Record: the package's value objects ------------------------------------------

class _Point(records.Record):
    __slots__ = ("x", "y")

    def __init__(self, x: int, y: int = 0) -> None:
        self.x = x
        self.y = y


class _Labelled(_Point):
    __slots__ = ("label",)

    def __init__(self, x: int, y: int = 0, label: str = "") -> None:
        super().__init__(x, y)
        self.label = label


def test_a_record_compares_hashes_and_shows_its_init_parameters():
    assert _Point._fields == ("x", "y") and _Labelled._fields == ("x", "y", "label")
    assert _Point(1) == _Point(1, 0) and hash(_Point(1)) == hash(_Point(1, 0)) and _Point(1) != _Point(1, 2)
    assert _Point(1) != _Labelled(1)  # another class is never equal, as for dataclasses
    assert repr(_Labelled(1, 2, "a")) == "_Labelled(x=1, y=2, label='a')"
    assert not hasattr(_Point(1), "__dict__")  # slotted: cheap to make by the hundred


def test_replace_makes_a_changed_copy_and_refuses_unknown_fields():
    p = _Labelled(1, 2, "a")
    q = p.replace(y=5)
    assert q == _Labelled(1, 5, "a") and p == _Labelled(1, 2, "a")
    with pytest.raises(TypeError):
        p.replace(z=1)


def test_model_records_keep_their_dataclass_repr():
    # Evidence values that are records are shown with str() in JSON output and cache entries.
    from reportlint.source import Span

    assert repr(Span(1, 2, 3, 4)) == "Span(line=1, column=2, end_line=3, end_column=4)"
    assert sorted([Span(2, 1, 2, 2), Span(1, 5, 1, 6)]) == [Span(1, 5, 1, 6), Span(2, 1, 2, 2)]


def test_a_check_creates_no_dataclass(tmp_path):
    # The dataclasses module (with inspect, ast, dis) took ~9 ms of every start.
    run = probe(["check", "--no-cache", os.path.join(os.path.dirname(__file__), os.pardir, "examples")], cwd=tmp_path)
    assert run.code == 1 and "reportlint.engine" in run.new
    assert "dataclasses" not in run.new


def test_the_date_type_is_the_standard_one_without_importing_datetime(tmp_path):
    import datetime

    from reportlint.datetype import date

    assert date is datetime.date
    (tmp_path / "r.txt").write_text(report(), encoding="utf-8")
    run = probe(["check", "--no-cache", "r.txt"], cwd=tmp_path)  # no configuration: tomllib imports datetime
    assert "reportlint.datetype" in run.new and "datetime" not in run.new
