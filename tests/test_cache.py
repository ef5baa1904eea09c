"""The result cache: same output from the cache, and a miss whenever anything that matters changed."""

from __future__ import annotations

import json
import os
import shutil

import pytest

import tablegen as g
from reportlint.cache import ResultCache
from reportlint.cli import main
from reportlint.config import ConfiguredLinter, Overrides

EXAMPLES = os.path.join(os.path.dirname(__file__), os.pardir, "examples")


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch):
    monkeypatch.delenv("REPORTLINT_NO_CACHE", raising=False)  # tests/conftest.py switches it off elsewhere
    monkeypatch.delenv("REPORTLINT_CACHE_DIR", raising=False)


@pytest.fixture
def reports(tmp_path):
    root = tmp_path / "reports"
    root.mkdir()
    for name in sorted(os.listdir(EXAMPLES)):
        if name.endswith(".txt"):
            shutil.copy(os.path.join(EXAMPLES, name), root / name)
    return root


def _check(capsys, *args) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


def _entries(cache_dir) -> list[str]:
    return sorted(os.path.join(d, f) for d, _, files in os.walk(cache_dir) for f in files if f.endswith(".json"))


def _counting(monkeypatch) -> list[ResultCache]:
    made: list[ResultCache] = []
    original = ResultCache.__init__

    def init(self, directory):
        original(self, directory)
        made.append(self)

    monkeypatch.setattr(ResultCache, "__init__", init)
    return made


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_cached_run_prints_exactly_what_a_fresh_run_prints(reports, tmp_path, capsys, monkeypatch, fmt):
    cache = str(tmp_path / "cache")
    made = _counting(monkeypatch)
    fresh = _check(capsys, str(reports), "--format", fmt, "--no-cache")
    first = _check(capsys, str(reports), "--format", fmt, "--cache-dir", cache)
    second = _check(capsys, str(reports), "--format", fmt, "--cache-dir", cache)
    assert fresh == first == second
    assert (made[0].hits, made[0].misses) == (0, 6)
    assert (made[1].hits, made[1].misses) == (6, 0)
    assert len(_entries(cache)) == 6


def test_the_default_folder_is_tagged_and_ignored_by_git(reports, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _check(capsys, str(reports))
    folder = tmp_path / ".reportlint_cache"
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"
    assert len(_entries(folder)) == 6


def test_a_changed_file_is_linted_again(reports, tmp_path, capsys, monkeypatch):
    cache = str(tmp_path / "cache")
    _check(capsys, str(reports), "--cache-dir", cache)
    target = reports / "clean-2021-department.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("2022年1月", "2022年9月", 1), encoding="utf-8")
    made = _counting(monkeypatch)
    cached = _check(capsys, str(reports), "--cache-dir", cache)
    assert (made[0].hits, made[0].misses) == (5, 1)
    assert cached == _check(capsys, str(reports), "--no-cache")


def test_other_flags_or_configuration_miss_the_cache(reports, tmp_path, capsys, monkeypatch):
    cache = str(tmp_path / "cache")
    _check(capsys, str(reports), "--cache-dir", cache)
    made = _counting(monkeypatch)
    narrowed = _check(capsys, str(reports), "--cache-dir", cache, "--select", "D")
    assert made[-1].hits == 0
    assert narrowed == _check(capsys, str(reports), "--no-cache", "--select", "D")
    (reports / "reportlint.toml").write_text('ignore = ["W"]\n', encoding="utf-8")
    configured = _check(capsys, str(reports), "--cache-dir", cache)
    assert made[-1].hits == 0
    assert configured == _check(capsys, str(reports), "--no-cache")
    assert "W60" not in configured[1]


PLUGIN = '''
from reportlint.hookspecs import hookimpl
from reportlint.rule import Finding, Message, Rule, Severity
from reportlint.source import Span


class Marker(Rule):
    """作用：测试用规则。"""

    code, name, severity = "ZC901", "marker", Severity.WARNING

    def check(self, report, ctx):
        yield Finding(Span(1, 1, 1, 2), Message("{zh}", "{en}"))


@hookimpl
def reportlint_rules():
    return [Marker]
'''


def test_an_edited_local_plugin_misses_the_cache(reports, tmp_path, capsys, monkeypatch):
    """A plugin changed on disk (a new version, or an edited local plugin) invalidates its results.

    Each run is a new process in real use; here the plugin module is dropped
    from sys.modules between runs so the second run imports the edited file.
    """
    import sys

    cache = str(tmp_path / "cache")
    plugin = reports / "cacheplug.py"
    plugin.write_text(PLUGIN.replace("{zh}", "第一版").replace("{en}", "version one"), encoding="utf-8")
    (reports / "reportlint.toml").write_text('plugins = ["cacheplug.py"]\n', encoding="utf-8")
    try:
        first = _check(capsys, str(reports), "--cache-dir", cache, "--lang", "en")
        assert "version one" in first[1]
        sys.modules.pop("cacheplug", None)
        plugin.write_text(PLUGIN.replace("{zh}", "第二版").replace("{en}", "version two!"), encoding="utf-8")
        os.utime(plugin, ns=(os.stat(plugin).st_atime_ns, os.stat(plugin).st_mtime_ns + 10**9))
        second = _check(capsys, str(reports), "--cache-dir", cache, "--lang", "en")
        assert "version two!" in second[1] and "version one" not in second[1]
    finally:
        sys.modules.pop("cacheplug", None)


def test_an_installed_plugin_version_is_part_of_the_key(reports, tmp_path):
    from reportlint.cache import setup_fingerprint

    linter = ConfiguredLinter(Overrides(), isolated=True).primary
    before = setup_fingerprint(linter)
    linter.registry.plugin_versions["reportlint-ningxia"] = "reportlint-ningxia 1.0.1"
    try:
        assert setup_fingerprint(linter) != before
    finally:
        del linter.registry.plugin_versions["reportlint-ningxia"]
    assert setup_fingerprint(linter) == before


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"source": 3}', b'{"path": "x"}', b"\xff\xfe\x00",
                                    b'{"path":"x","agency":null,"year":2021,"structured":true,"diagnostics":[],'
                                    b'"source":{"from_file":3,"encoding":"docx","bom":false,"newline":"\\n",'
                                    b'"layout":"paragraph","locators":[],"suppressions":[]}}',
                                    b'{"path":"x","agency":null,"year":"2021","structured":true,"source":null,"diagnostics":[]}'])
def test_a_corrupt_entry_is_ignored_and_rewritten(reports, tmp_path, capsys, damage):
    cache = str(tmp_path / "cache")
    expected = _check(capsys, str(reports), "--cache-dir", cache)
    for entry in _entries(cache):
        with open(entry, "wb") as fh:
            fh.write(damage)
    assert _check(capsys, str(reports), "--cache-dir", cache) == expected
    assert _check(capsys, str(reports), "--cache-dir", cache) == expected
    assert all(json.loads(open(e, "rb").readline())["diagnostics"] is not None for e in _entries(cache))


def test_a_cache_folder_that_cannot_be_written_changes_nothing(reports, tmp_path, capsys):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    assert _check(capsys, str(reports), "--cache-dir", str(blocker)) == _check(capsys, str(reports), "--no-cache")
    assert blocker.read_text() == "a file where the cache folder should be"


def test_no_cache_and_the_environment_switch_write_nothing(reports, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _check(capsys, str(reports), "--no-cache")
    monkeypatch.setenv("REPORTLINT_NO_CACHE", "1")
    _check(capsys, str(reports))
    assert not (tmp_path / ".reportlint_cache").exists()
    monkeypatch.delenv("REPORTLINT_NO_CACHE")
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "elsewhere"))
    _check(capsys, str(reports))
    assert len(_entries(tmp_path / "elsewhere")) == 6 and not (tmp_path / ".reportlint_cache").exists()


def test_fix_never_uses_the_cache(reports, tmp_path, capsys):
    cache = str(tmp_path / "cache")
    main(["check", str(reports), "--fix", "--cache-dir", cache])
    capsys.readouterr()
    assert not os.path.exists(cache)


def _pair(root, last_year_carry_next=None):
    """One agency's 2020 and 2021 reports; 2021 says 5 were carried over, 2020 carried over 2 unless told."""
    root.mkdir(exist_ok=True)
    last, this = g.t3_values(), g.t3_values()
    this["carried"] = [5, 0, 0, 0, 0, 0, 5]
    if last_year_carry_next is not None:
        last["carry_next"] = last_year_carry_next
    (root / "a-2020.txt").write_text(g.report_2021(g.t3_tabs(last), year=2020, agency="安平市某某局"), encoding="utf-8")
    (root / "b-2021.txt").write_text(g.report_2021(g.t3_tabs(this), year=2021, agency="安平市某某局"), encoding="utf-8")
    return root


def test_cross_report_findings_come_back_from_cached_pairs(tmp_path, capsys, monkeypatch):
    root = _pair(tmp_path / "pair")
    cache = str(tmp_path / "cache")
    made = _counting(monkeypatch)
    first = _check(capsys, str(root), "--cache-dir", cache, "--format", "json")
    second = _check(capsys, str(root), "--cache-dir", cache, "--format", "json")
    assert (made[1].hits, made[1].misses) == (3, 0)  # two files and their pair
    assert first == second
    assert [d["code"] for d in json.loads(second[1])["diagnostics"]].count("X701") >= 1


def test_a_changed_previous_year_report_invalidates_the_pair(tmp_path, capsys):
    root = _pair(tmp_path / "pair")
    cache = str(tmp_path / "cache")
    assert "X701" in _check(capsys, str(root), "--cache-dir", cache)[1]
    _pair(root, last_year_carry_next=[5, 0, 0, 0, 0, 0, 5])  # last year now carries over what this year received
    cached = _check(capsys, str(root), "--cache-dir", cache)
    assert cached == _check(capsys, str(root), "--no-cache")
    assert "X701" not in cached[1]


def test_a_run_answered_by_the_cache_never_imports_the_parser(reports, tmp_path):
    """A pre-commit run on unchanged reports should not pay for the parser (imported when a file is parsed)."""
    import subprocess
    import sys

    cache = str(tmp_path / "cache")
    code = ("import sys, io\nfrom reportlint.cli import main\nsys.stdout = io.StringIO()\n"
            f"main(['check', {str(reports)!r}, '--cache-dir', {cache!r}])\n"
            "sys.stdout = sys.__stdout__\nprint('reportlint.parse' in sys.modules)\n")
    env = {k: v for k, v in os.environ.items() if k != "REPORTLINT_NO_CACHE"}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert (first.stdout.strip(), second.stdout.strip()) == ("True", "False")


from reportlint.cache import PackedLines, _dump, _entry_bytes, _load, _split_entry  # noqa: E402
from reportlint.engine import FileResult  # noqa: E402
from reportlint.source import Source  # noqa: E402


def _round_trip(result: FileResult, damage=lambda data: data) -> FileResult:
    entry, tail = _split_entry(damage(_entry_bytes(*_dump(result))))
    return _load(entry, result.path, "digest", tail)


@pytest.mark.parametrize("lines", [(), ("",), ("", ""), ("标题", "", "正文。"), ("标题", "正文。", ""),
                                   ("第一段\n软回车后", "第二段"), ("\n",), ("\udcff",)])
def test_an_entry_gives_back_the_lines_exactly(lines):
    source = Source("r.docx", lines, (), "utf-8", False, "\n", "docx")
    loaded = _round_trip(FileResult("r.docx", [], source, None, None, 2021, True)).source
    assert loaded.lines == lines and tuple(loaded.lines) == lines and len(loaded.lines) == len(lines)
    assert loaded == source


def test_lines_without_newlines_follow_the_json_and_are_decoded_only_when_read():
    source = Source("r.txt", ("标题", "正文。"), (), "utf-8", False, "\n", "paragraph")
    data = _entry_bytes(*_dump(FileResult("r.txt", [], source, None, None, 2021, True)))
    assert data.endswith("\n标题\n正文。".encode()) and json.loads(data.split(b"\n")[0])["source"]["packed"] == [2, 16]
    entry, tail = _split_entry(data)
    lines = _load(entry, "r.txt", "digest", tail).source.lines
    assert isinstance(lines, PackedLines) and lines._lines is None
    assert lines[1] == "正文。" and lines._lines == ("标题", "正文。")


def test_packed_lines_that_lost_a_line_are_a_corrupt_entry():
    source = Source("r.txt", ("标题", "正文。", "落款"), (), "utf-8", False, "\n", "paragraph")
    with pytest.raises(ValueError):
        _round_trip(FileResult("r.txt", [], source, None, None, 2021, True), lambda data: data[:-len("\n落款".encode())])


@pytest.mark.parametrize("damage, shown", [
    (lambda data: data[:-1] + b"\xff", ("标题", "正文\ufffd\ufffd")),  # the cut "。" and the stray byte
    (lambda data: data.replace("题".encode(), b"\n\n\n"), ("标", "")),  # bytes that became newlines
    (lambda data: data.replace("\n正".encode(), "正正".encode()[:4]), ("标题正\ufffd文。", "")),  # a lost newline
])
def test_packed_lines_damaged_on_disk_are_shown_replaced_never_raised(damage, shown):
    source = Source("r.txt", ("标题", "正文。"), (), "utf-8", False, "\n", "paragraph")
    loaded = _round_trip(FileResult("r.txt", [], source, None, None, 2021, True), damage)
    assert loaded.source.lines == shown and len(loaded.source.lines) == 2


def test_an_entry_whose_lines_are_not_strings_is_refused():
    source = Source("r.txt", ("a\nb", "c"), (), "utf-8", False, "\n", "text")
    entry, packed = _dump(FileResult("r.txt", [], source, None, None, 2021, True))
    assert packed is None
    entry = json.loads(json.dumps(entry))
    entry["source"]["lines"] = ["a", 3]
    with pytest.raises(TypeError):
        _load(entry, "r.txt", "digest")


@pytest.mark.parametrize("text, encoding", [
    ("一、总体情况\n本机关公开信息。\n", "utf-8"), ("一、总体情况\r\n\r\n正文。", "utf-8"), ("\ufeff标题\n正文\n", "utf-8"),
    ("一、总体情况\r正文。\r", "gb18030"), ("", "utf-8"), ("\n", "utf-8"), ("\ufeff第一行\r\n", "utf-16-le"),
])
def test_a_text_file_entry_takes_its_lines_from_the_file(text, encoding):
    from reportlint.readers.text import read_text

    data = text.encode(encoding)
    source = read_text("r.txt", data)
    entry, packed = _dump(FileResult("r.txt", [], source, None, None, 2021, True), data)
    assert packed is None and entry["source"]["from_file"] == len(source.lines) and "lines" not in entry["source"]
    entry, tail = _split_entry(_entry_bytes(entry, packed))
    assert _load(entry, "r.txt", "digest", tail, data).source.lines == source.lines


def test_lines_that_are_not_the_file_text_are_kept_in_the_entry():
    data = "一、总体情况\n正文。\n".encode()
    docx = Source("r.docx", ("一、总体情况", "正文。"), (), "docx", False, "\n", "docx")
    edited = Source("r.txt", ("一、总体情况", "别的正文。"), (), "utf-8", False, "\n", "paragraph")
    for source in (docx, edited):
        entry, packed = _dump(FileResult(source.path, [], source, None, None, 2021, True), data)
        assert "from_file" not in entry["source"] and packed is not None


def test_entries_of_text_reports_hold_no_report_text(reports, tmp_path, capsys):
    cache = str(tmp_path / "cache")
    fresh = _check(capsys, str(reports), "--format", "text", "--no-cache")
    _check(capsys, str(reports), "--cache-dir", cache)
    for entry in _entries(cache):
        with open(entry, "rb") as fh:
            assert json.loads(fh.readline())["source"]["from_file"] > 0 and fh.read() == b""
    assert _check(capsys, str(reports), "--format", "text", "--cache-dir", cache) == fresh


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_an_entry_that_is_a_named_pipe_is_a_miss_not_a_hang(reports, tmp_path, capsys):
    cache = str(tmp_path / "cache")
    expected = _check(capsys, str(reports), "--cache-dir", cache)
    for entry in _entries(cache):
        os.unlink(entry)
        os.mkfifo(entry)  # opening it for reading would wait for a writer
    assert _check(capsys, str(reports), "--cache-dir", cache) == expected


def test_the_source_file_of_rules_and_readers_is_what_inspect_says():
    """The cache key stats the file defining each rule and reader, found without importing inspect."""
    import inspect

    from reportlint.cache import _source_file

    from reportlint.engine import Linter

    registry = Linter().registry
    for obj in [type(rule) for rule in registry.rules.values()] + list(registry.readers.values()):
        assert _source_file(obj) == inspect.getfile(obj)
    assert _source_file(object()) is None
