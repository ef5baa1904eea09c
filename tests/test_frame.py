"""The per-rule test frame (tests/helpers.report) must itself be clean, or every rule test lies."""

from helpers import codes_lines, report


def test_frame_is_clean():
    assert codes_lines(report()) == []


def test_frame_is_clean_with_body():
    assert codes_lines(report(body="我局还通过政务微博发布信息30条。")) == []
