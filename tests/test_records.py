"""records.dataclass: standard dataclasses whose methods' code is kept between runs, read only when private."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

import pytest

from reportlint import records, usercache


@pytest.fixture
def fresh_table(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(records, "_codes", None)
    monkeypatch.setattr(records, "_new", 0)
    return tmp_path


def _point_class(make):
    @make(frozen=True, order=True)
    class Point:
        """A point."""

        x: int
        y: int = 0
        tags: tuple = dataclasses.field(default=(), compare=False)

    return Point


def test_a_record_is_a_standard_dataclass(fresh_table):
    Ours, Theirs = _point_class(records.dataclass), _point_class(dataclasses.dataclass)
    a, b = Ours(1, 2, ("t",)), Theirs(1, 2, ("t",))
    assert dataclasses.is_dataclass(a)
    assert [f.name for f in dataclasses.fields(a)] == [f.name for f in dataclasses.fields(b)] == ["x", "y", "tags"]
    assert repr(a) == repr(b) == "_point_class.<locals>.Point(x=1, y=2, tags=('t',))"
    assert a == Ours(1, 2) and hash(a) == hash(Ours(1, 2)) and a < Ours(1, 3)
    assert dataclasses.replace(a, y=5) == Ours(1, 5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.x = 3
    with pytest.raises(TypeError):
        Ours()


def test_the_dataclasses_module_is_left_as_it_was_even_when_creation_fails(fresh_table):
    with pytest.raises(TypeError):
        @records.dataclass
        class Bad:
            x: int = 0
            y: int  # a field without a default after one with a default

    assert "exec" not in vars(dataclasses)
    _point_class(records.dataclass)
    assert "exec" not in vars(dataclasses)


def test_the_second_time_the_same_methods_are_not_compiled(fresh_table, monkeypatch):
    _point_class(records.dataclass)
    assert records._new > 0
    compiled = []
    real = records.builtins.compile
    monkeypatch.setattr(records.builtins, "compile", lambda *a, **k: compiled.append(a) or real(*a, **k))
    Point = _point_class(records.dataclass)
    assert compiled == [] and Point(1) == Point(1, 0)


def _run_twice(cache: str) -> list[str]:
    """Create a class in two fresh interpreters; each says how many methods it had to compile."""
    code = ("from reportlint import records\n"
            "@records.dataclass(frozen=True)\nclass P:\n    x: int\n    y: str = ''\n"
            "assert P(1) == P(1, '') and P(1).y == ''\n"
            "print(records._new)\nrecords.save()\n")
    env = {**os.environ, "XDG_CACHE_HOME": cache}
    return [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env=env).stdout.strip() for _ in range(2)]


def test_a_later_run_takes_the_code_from_the_users_cache_folder(tmp_path):
    first, second = _run_twice(str(tmp_path))
    assert int(first) > 0 and second == "0"
    table = tmp_path / "reportlint" / os.path.basename(records.cache_file())
    assert table.is_file() and (table.stat().st_mode & 0o777) == 0o600
    assert ((tmp_path / "reportlint").stat().st_mode & 0o777) == 0o700


@pytest.mark.parametrize("spoil", ["damaged", "foreign", "group-writable file", "writable folder"])
def test_a_table_that_is_damaged_foreign_or_writable_by_others_is_not_used(tmp_path, spoil):
    _run_twice(str(tmp_path))
    table = tmp_path / "reportlint" / os.path.basename(records.cache_file())
    if spoil == "damaged":
        table.write_bytes(b"\x00not marshal")
    elif spoil == "foreign":
        import marshal

        table.write_bytes(marshal.dumps(("another-python", {})))
    elif spoil == "group-writable file":
        table.chmod(0o620)
    else:
        (tmp_path / "reportlint").chmod(0o777)
    first = _run_twice(str(tmp_path))[0]
    assert int(first) > 0  # compiled as usual, and the run still worked


def test_read_private_refuses_a_file_of_another_user(tmp_path, monkeypatch):
    f = tmp_path / "t"
    f.write_bytes(b"x")
    f.chmod(0o600)
    tmp_path.chmod(0o700)
    assert usercache.read_private(str(f)) == b"x"
    monkeypatch.setattr(os, "getuid", lambda: os.stat(f).st_uid + 1)
    assert usercache.read_private(str(f)) is None


def test_an_unwritable_cache_folder_only_means_no_table(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(records, "_codes", None)
    Point = _point_class(records.dataclass)
    records.save()  # nothing raised
    assert Point(1) == Point(1)


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
