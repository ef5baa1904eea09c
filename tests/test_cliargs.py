"""The quick reader of ``check`` command lines agrees with argparse whenever it answers."""

from __future__ import annotations

import contextlib
import io

from hypothesis import example, given
from hypothesis import strategies as st

from helpers import report
from importprobe import probe

from reportlint.cliargs import CHECK, quick_check_args
from reportlint.cliparser import parser_for


def _argparse(argv: list[str]):
    """argparse's values for ``argv``, or None when it refuses the line (exit 2) or prints help."""
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            return vars(parser_for(argv).parse_args(argv))
        except SystemExit:
            return None


_FLAGS = [f for option in CHECK for f in option.flags]
_TOKENS = st.sampled_from(
    _FLAGS + ["--form", "--no", "-h", "--help", "--", "-", "-1", "-x", "-vj2", "-j2", "-o=out.txt", "--format=json",
              "--format=", "--lang=en", "--lang=fr", "--fix=yes", "--jobs=auto", "--version",
              "json", "text", "zh", "en", "fr", "warning", "auto", "0", "2", "a.txt", "dir/b.txt", "", "报告.txt",
              "check", "with space.txt", "-with dash.txt"])


_VALUES = {"--format": ["json", "text"], "--lang": ["zh", "en"], "--fail-on": ["warning", "info"], "-j": ["2", "auto"],
           "--jobs": ["1", "auto"]}


@st.composite
def _plausible(draw):
    """Lines a user would write: known options with good values, and one run of paths somewhere."""
    parts: list[list[str]] = []
    for option in draw(st.lists(st.sampled_from(CHECK), max_size=5)):
        flag = draw(st.sampled_from(option.flags))
        if option.kind == "flag":
            parts.append([flag])
        else:
            value = draw(st.sampled_from(_VALUES.get(flag, ["x.txt", "W6,D4", "c"])))
            parts.append([f"{flag}={value}"] if flag.startswith("--") and draw(st.booleans()) else [flag, value])
    paths = draw(st.lists(st.sampled_from(["a.txt", "b.txt", "报告.txt", "docs/"]), min_size=1, max_size=3))
    parts.insert(draw(st.integers(0, len(parts))), paths)
    return [token for part in parts for token in part]


@given(st.one_of(st.lists(_TOKENS, max_size=8), _plausible()))
@example(["a.txt", "--no-cache", "b.txt"])  # paths on both sides of an option: argparse refuses
@example(["--config", "c.toml", "--isolated", "a.txt"])  # mutually exclusive
@example(["--config", "c.toml", "--config", "d.toml", "a.txt"])  # the same one twice: the last wins
@example(["-j", "0", "a.txt"])
@example(["--select", "W6", "--select", "D4,E1", "a.txt"])
def test_the_quick_reader_answers_only_as_argparse_would(tokens):
    argv = ["check", *tokens]
    quick = quick_check_args(argv)
    if quick is not None:
        assert vars(quick) == _argparse(argv)


def test_a_pre_commit_command_line_is_read_quickly():
    for argv in (["check", "r.txt"], ["check", "a.txt", "b.txt", "c.txt"],
                 ["check", "--no-cache", "--format", "json", "r.txt"], ["check", "--format=concise", "-j", "2", "r.txt"],
                 ["check", "--fail-on", "warning", "--select", "W6", "--select", "D4", "--lang", "en", "docs/"],
                 ["check", "--fix", "--isolated", "-v", "-o", "out.txt", "r.txt"],
                 ["check", "--config", "ci.toml", "--baseline", "b.json", "--jobs", "auto", "--cache-dir", "c", "r.txt"]):
        quick = quick_check_args(argv)
        assert quick is not None, argv
        assert vars(quick) == _argparse(argv)


def test_everything_else_is_left_to_argparse():
    for argv in ([], ["--help"], ["check"], ["check", "--help"], ["check", "--form", "json", "r.txt"],
                 ["check", "--lang", "fr", "r.txt"], ["check", "-j", "0", "r.txt"], ["check", "--", "-r.txt"],
                 ["check", "r.txt", "--fix", "s.txt"], ["check", "--isolated", "--config", "c.toml", "r.txt"],
                 ["rules"], ["explain", "W601"], ["extract", "r.txt"], ["check", "--format"]):
        assert quick_check_args(argv) is None, argv


def test_a_plain_check_does_not_import_argparse(tmp_path):
    (tmp_path / "r.txt").write_text(report(body="截止目前，我局共召开会议3次。"), encoding="utf-8")
    plain = probe(["check", "--no-cache", "r.txt"], cwd=tmp_path)
    assert plain.code == 0 and "W601" in plain.stdout  # a warning: below the default --fail-on
    assert "argparse" not in plain.new and "reportlint.cliparser" not in plain.new
    refused = probe(["check", "--no-cache", "--jobs", "none", "r.txt"], cwd=tmp_path)
    assert refused.code == 2 and "argparse" in refused.new
    assert "argument -j/--jobs: 应为正整数或 auto / expected a positive number or auto, got 'none'" in refused.stderr
