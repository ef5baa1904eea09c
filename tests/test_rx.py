"""reportlint.rx: patterns rebuilt from stored opcodes are the patterns re.compile makes."""

from __future__ import annotations

import os
import re

import pytest

from reportlint import rx

EXAMPLES = os.path.join(os.path.dirname(__file__), os.pardir, "examples")


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """rx with an empty memory and its cache file in tmp_path."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(rx, "_memo", {})
    monkeypatch.setattr(rx, "_table", None)
    monkeypatch.setattr(rx, "_new", 0)
    return tmp_path


SAMPLES = [
    (r"[\u4e00-\u9fff](?P<gap>[ \u3000]?)(?=\d)", 0),
    (r"(?P<y>(?<!\d)\d{4})年(?P<m>\d{1,2})月", re.M),
    (r"^\s*[（(][一二三四五六七八九十]{1,3}[）)]", re.M | re.I),
    (r"截止(?=[ \u3000]*(?:目前|当前))|(?i:abc)", 0),
    (r"(a)(?P<b>b)?(?(b)c|d)", re.S),
]


def test_patterns_from_the_stored_table_equal_re_compile(fresh):
    first = [rx.compile(p, f) for p, f in SAMPLES]
    assert first == [re.compile(p, f) for p, f in SAMPLES]
    rx.save()
    assert os.path.isfile(rx.cache_file())
    # a new process: nothing in memory, the table read from disk, no parsing
    rx._memo.clear()
    rx._table = None
    rx._new = 0
    calls = []
    real = rx._parts
    rx._parts = lambda *a: calls.append(a) or real(*a)
    try:
        second = [rx.compile(p, f) for p, f in SAMPLES]
    finally:
        rx._parts = real
    assert calls == []
    assert second == [re.compile(p, f) for p, f in SAMPLES]
    for (p, f), pat in zip(SAMPLES, second):
        assert (pat.pattern, pat.flags, pat.groups, dict(pat.groupindex)) == \
               (p, re.compile(p, f).flags, re.compile(p, f).groups, dict(re.compile(p, f).groupindex))
    assert second[0].search("第3件").group(0) == "第" and second[1].search("2021年12月")["m"] == "12"


def test_every_pattern_the_rules_use_is_the_same_through_rx():
    """Each pattern the package compiled (through rx) rebuilt from its stored opcodes equals re.compile's."""
    from reportlint.cli import main

    main(["check", EXAMPLES, "--no-cache", "--format", "json"])
    assert len(rx._memo) > 150
    table = rx._load()
    for (pattern, flags), compiled in rx._memo.items():
        assert compiled == re.compile(pattern, flags), pattern
        entry = table.get((pattern, flags)) or rx._parts(pattern, flags)
        assert rx._build(pattern, entry) == re.compile(pattern, flags), pattern


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", None])
def test_a_damaged_or_foreign_file_falls_back_to_re(fresh, damage):
    import marshal

    path = rx.cache_file()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        if damage is None:  # another Python's table: right shape, wrong version, bad opcodes
            marshal.dump(("other-python", {(SAMPLES[0][0], 0): (0, [1, 2, 3], 0, {}, ())}), fh)
        else:
            fh.write(damage)
    assert [rx.compile(p, f) for p, f in SAMPLES] == [re.compile(p, f) for p, f in SAMPLES]


def test_bad_opcodes_in_a_matching_table_are_refused(fresh):
    import marshal

    path = rx.cache_file()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        marshal.dump((rx._MAGIC, {(SAMPLES[0][0], 0): (0, bytes(12), 0, {}, ())}), fh)
    assert rx.compile(SAMPLES[0][0]) == re.compile(SAMPLES[0][0])


def test_a_cache_folder_that_cannot_be_written_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(rx, "_memo", {})
    monkeypatch.setattr(rx, "_table", None)
    monkeypatch.setattr(rx, "_new", 0)
    assert rx.compile("a+b") == re.compile("a+b")
    rx.save()
    assert blocker.read_text() == "not a folder"


def test_a_derived_pattern_is_kept_between_runs_and_derived_again_when_its_inputs_change(fresh):
    made = []

    def derive(text):
        return lambda: made.append(text) or f"(?:{text})"

    assert rx.derived("t", "a|b", derive("a|b")) == "(?:a|b)"
    rx.save()
    rx._table = None  # a new process: the table read from disk
    assert rx.derived("t", "a|b", derive("a|b")) == "(?:a|b)" and made == ["a|b"]
    assert rx.derived("t", "a|c", derive("a|c")) == "(?:a|c)" and made == ["a|b", "a|c"]
    assert rx.derived("u", "a|b", derive("a|b")) == "(?:a|b)" and made == ["a|b", "a|c", "a|b"]


def test_the_category_hint_from_the_table_is_the_one_derived_now(fresh):
    from reportlint.rules import crosscheck as cc

    cc._category_hint_re.cache_clear()
    stored = cc._category_hint_re()
    patterns = [cc._ANY_CATEGORY.pattern] + [s.pattern.pattern for e in cc.T3_ROWS for s in cc._leaf_rows(e)[0]]
    assert stored.pattern == cc._category_hint(patterns, cc._folded_from())
    rx.save()
    rx._table = None
    cc._category_hint_re.cache_clear()
    calls = []
    real = cc._category_hint
    cc._category_hint = lambda *a: calls.append(a) or real(*a)
    try:
        assert cc._category_hint_re() == stored and calls == []
    finally:
        cc._category_hint = real
        cc._category_hint_re.cache_clear()
