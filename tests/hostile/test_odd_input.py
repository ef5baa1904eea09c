"""Hostile and odd input: each case gives a clear finding (code + message in zh and en),
never a traceback, and the other file of the same run is still linted.

Limits exercised here (docs/SECURITY.md lists them all): text files over 4 MB are
refused before decoding (E001); any file over 64 MB before reading; a .docx whose
zip directory declares more than 64 MB for a part or 256 MB in all before
decompressing; XML with a DTD in a .docx; HTML nested deeper than libxml2's 256
levels; anything that is not a regular file.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import time
import zipfile
from pathlib import Path

import pytest

from helpers import report
from hostile.batch import GOOD, by_path, check_hostile, good_alone, run


# ------------------------------------------------------------------------------ plain text
def test_empty_file(tmp_path, capsys):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    check_hostile(tmp_path, capsys, f, "E002", "文件为空", "the file is empty")


def test_only_whitespace(tmp_path, capsys):
    f = tmp_path / "blank.txt"
    f.write_text(" \n\t\n\u3000\u3000\r\n\n" * 50, encoding="utf-8")
    check_hostile(tmp_path, capsys, f, "E002", "只有空白字符", "only whitespace")


def test_binary_data(tmp_path, capsys):
    f = tmp_path / "image.txt"  # a PNG renamed to .txt
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64)
    check_hostile(tmp_path, capsys, f, "E001", "二进制文件", "binary data")


def test_binary_data_without_nul_bytes(tmp_path, capsys):
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes(b for b in range(1, 32) if b not in (9, 10, 12, 13)) * 400)
    check_hostile(tmp_path, capsys, f, "E001", "控制字符", "control characters")


def test_fifty_megabyte_text_file_is_refused_quickly(tmp_path, capsys):
    f = tmp_path / "huge.txt"
    chunk = GOOD.read_bytes()
    with open(f, "wb") as fh:
        fh.write(chunk * (50 * 1024 * 1024 // len(chunk) + 1))
    assert f.stat().st_size > 50 * 1024 * 1024
    start = time.perf_counter()
    check_hostile(tmp_path, capsys, f, "E001", "文本文件过大（50.0 MB，上限 4 MB）", "text file too large (50.0 MB, limit 4 MB)")
    assert time.perf_counter() - start < 10  # two runs; each reads 50 MB and refuses it before decoding


def test_seventy_megabyte_file_is_refused_without_reading(tmp_path, capsys):
    f = tmp_path / "sparse.txt"
    with open(f, "wb") as fh:
        fh.truncate(70 * 1024 * 1024)  # sparse: costs no disk
    check_hostile(tmp_path, capsys, f, "E001", "文件过大（70 MB，上限 64 MB）", "file too large (70 MB, limit 64 MB)")


def test_single_one_megabyte_line(tmp_path, capsys):
    line = "我局" + "依法公开政府信息，" * (1024 * 1024 // 27) + "截止目前共3条。"
    text = report(2017, line)
    f = tmp_path / "oneline.txt"
    f.write_text(text, encoding="utf-8")
    assert max(len(ln.encode()) for ln in text.splitlines()) > 1024 * 1024
    good = tmp_path / "good-companion.txt"
    shutil.copyfile(GOOD, good)
    start = time.perf_counter()
    rc, out, err = run(capsys, str(f), str(good), "--format", "json", "--lang", "en")
    assert time.perf_counter() - start < 20
    found = by_path(out)
    row = next(i for i, ln in enumerate(text.splitlines(), 1) if len(ln) > 1000)
    assert [(d["code"], d["line"]) for d in found[str(f)]] == [("W601", row)]
    assert found[str(f)][0]["column"] == len(line) - len("截止目前共3条。") + 1
    assert tuple(sorted((d["code"], d["line"]) for d in found[str(good)])) == good_alone()
    rc, out, err = run(capsys, str(f))  # the text output shows an excerpt, not the megabyte
    assert len(out) < 5000


def test_invalid_utf8_in_the_middle_is_refused_with_its_place(tmp_path, capsys):
    data = GOOD.read_bytes()
    lines = data.split(b"\n")
    lines[24] = lines[24][:6] + "（公开".encode("gb18030") + lines[24][6:]  # a GBK fragment pasted into UTF-8
    f = tmp_path / "pasted.txt"
    f.write_bytes(b"\n".join(lines))
    check_hostile(tmp_path, capsys, f, "E001", "有 1 处无效字节（第一处在第 25 行第 3 列）",
                  "invalid byte sequence(s), the first at line 25, column 3")


def test_truncated_last_character_is_refused(tmp_path, capsys):
    f = tmp_path / "cut.txt"
    f.write_bytes(GOOD.read_bytes().rstrip()[:-1])
    check_hostile(tmp_path, capsys, f, "E001", "文件被截断", "truncated")


def test_gbk_file_is_still_read_as_gbk():
    from reportlint.readers.decode import decode

    d = decode(GOOD.read_text(encoding="utf-8").encode("gb18030"))
    assert d.encoding == "gb18030" and "政府信息公开" in d.text


def test_mixed_crlf_and_lf_line_endings(tmp_path, capsys):
    lines = GOOD.read_bytes().split(b"\n")
    f = tmp_path / "mixed.txt"
    f.write_bytes(b"".join(ln + (b"\r\n" if i % 2 else b"\n") for i, ln in enumerate(lines)))
    rc, out, err = run(capsys, str(f), "--format", "json")
    assert tuple(sorted((d["code"], d["line"]) for d in by_path(out)[str(f)])) == good_alone()


def test_ten_thousand_nested_brackets(tmp_path, capsys):
    balanced = "（" * 10_000 + "嵌套" + "）" * 10_000
    unbalanced = "（" * 10_000 + "未闭合"
    f = tmp_path / "nested.txt"
    text = report(2017, f"{balanced}\n\n{unbalanced}")
    f.write_text(text, encoding="utf-8")
    good = tmp_path / "good-companion.txt"
    shutil.copyfile(GOOD, good)
    start = time.perf_counter()
    rc, out, err = run(capsys, str(f), str(good), "--format", "json", "--lang", "en")
    assert time.perf_counter() - start < 20
    found = by_path(out)
    b_line = text.splitlines().index(balanced) + 1
    u_line = text.splitlines().index(unbalanced) + 1
    codes = {(d["code"], d["line"]) for d in found[str(f)]}
    assert codes == {("C504", u_line)}  # the balanced line is silent, the unbalanced one reported
    assert not any(d["line"] == b_line for d in found[str(f)])
    assert tuple(sorted((d["code"], d["line"]) for d in found[str(good)])) == good_alone()


# ------------------------------------------------------------------------------ Word
def _docx_bytes(tmp_path: Path, text: str) -> bytes:
    pytest.importorskip("docx")
    from readers.generate import docx_from_text

    path = tmp_path / "base.docx"
    docx_from_text(text, str(path))
    return path.read_bytes()


def _rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info)))
    return out.getvalue()


def test_docx_that_is_not_a_zip(tmp_path, capsys):
    f = tmp_path / "fake.docx"
    f.write_text("这不是 Word 文档，只是改了扩展名的文本。\n" * 20, encoding="utf-8")
    check_hostile(tmp_path, capsys, f, "E001", "不是 zip 压缩包", "not a zip archive")


def _no_decompression(monkeypatch):
    """From now on opening any zip member fails: limits must be decided from the zip directory alone."""
    def refuse(self, name, *a, **kw):
        raise AssertionError(f"zip member {name!r} opened before the size check")
    monkeypatch.setattr(zipfile.ZipFile, "open", refuse)


def _bomb(size: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("_rels/.rels", "<Relationships/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            block = b" " * (1 << 20)
            for _ in range(size >> 20):
                member.write(block)
    return out.getvalue()


def test_zip_bomb_disguised_as_docx_is_refused_before_decompressing(tmp_path, capsys, monkeypatch):
    f = tmp_path / "bomb.docx"
    f.write_bytes(_bomb(100 * 1024 * 1024))
    assert f.stat().st_size < 1024 * 1024  # a few hundred KB that would unpack to 100 MB
    _no_decompression(monkeypatch)
    check_hostile(tmp_path, capsys, f, "E001", "疑似压缩炸弹", "zip bomb")


def test_zip_bomb_that_lies_about_its_size_is_cut_at_the_declared_size(tmp_path, capsys):
    data = bytearray(_bomb(8 * 1024 * 1024))
    name = b"word/document.xml"
    for sig, field in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (i := data.find(sig, start)) >= 0:
            start = i + 4
            name_at = i + (30 if sig == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                if data[i + field:i + field + 4] == b"\xff\xff\xff\xff":  # zip64: size in the extra field
                    ext = data.find(b"\x01\x00", name_at + len(name))
                    struct.pack_into("<Q", data, ext + 4, 4096)
                else:
                    struct.pack_into("<I", data, i + field, 4096)
    f = tmp_path / "liar.docx"
    f.write_bytes(bytes(data))
    mine = check_hostile(tmp_path, capsys, f, "E001", ".docx", ".docx")
    print(mine["message"])
    assert "unpacks to" not in mine["message"]  # not the directory check: zipfile stopped at 4 KB and the CRC failed


def _secret(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-MARKER-7F3A", encoding="utf-8")
    return secret


LAUGHS = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))


def test_docx_with_entity_tricks_is_refused(tmp_path, capsys):
    secret = _secret(tmp_path)
    base = _docx_bytes(tmp_path, report(2017))
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    head, _, rest = xml.partition("?>")
    dtd = (f'<!DOCTYPE w:document [<!ENTITY lol0 "lol">{LAUGHS}'
           f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>')
    xml = head + "?>" + dtd + rest.replace("主动公开", "&lol9;&xxe;主动公开", 1)
    f = tmp_path / "laughs.docx"
    f.write_bytes(_rezip(base, {"word/document.xml": xml.encode("utf-8")}))
    check_hostile(tmp_path, capsys, f, "E001", "DTD/实体声明", "DTD/entity declaration")


def test_html_with_entity_tricks_is_read_without_expanding_anything(tmp_path, capsys):
    secret = _secret(tmp_path)
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY ext SYSTEM "{secret.as_uri()}">', encoding="utf-8")
    body = "".join(f"<p>{ln}</p>\n" for ln in report(2017, "截止目前共3条。&lol9;&xxe;&ext;").splitlines() if ln)
    page = (f'<!DOCTYPE html SYSTEM "{dtd.as_uri()}" [<!ENTITY lol0 "lol">{LAUGHS}'
            f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n<html><head><meta charset="utf-8"></head><body>\n{body}</body></html>\n')
    f = tmp_path / "laughs.html"
    f.write_text(page, encoding="utf-8")
    start = time.perf_counter()
    rc, out, err = run(capsys, str(f), "--format", "json", "--lang", "en")
    assert time.perf_counter() - start < 10
    assert "SECRET-MARKER" not in out + err and "lollollol" not in out
    assert [d["code"] for d in by_path(out)[str(f)]] == ["W601"]  # the page is linted as a report


def test_html_with_100000_nested_tags(tmp_path, capsys):
    f = tmp_path / "deep.html"
    f.write_text("<html><body><h1>某局2017年政府信息公开工作年度报告</h1>" + "<div>" * 100_000 + "一、概述"
                 + "</div>" * 100_000 + "</body></html>", encoding="utf-8")
    check_hostile(tmp_path, capsys, f, "E001", "嵌套超过 256 层", "nested more than 256 deep")


def test_html_with_100000_unclosed_inline_tags(tmp_path, capsys):
    f = tmp_path / "unclosed.html"
    f.write_text("<html><body>" + "<span><b>" * 50_000 + "一、概述", encoding="utf-8")
    check_hostile(tmp_path, capsys, f, "E001", "嵌套超过 256 层", "nested more than 256 deep")


# ------------------------------------------------------------------------------ file system
@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_folder_with_a_symlink_loop(tmp_path, capsys):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    shutil.copyfile(GOOD, folder / "sub" / "r.txt")
    os.symlink(folder, folder / "sub" / "loop")  # reports/sub/loop -> reports
    os.symlink("..", folder / "sub" / "up")
    os.symlink(folder / "sub" / "r.txt", folder / "self-link.txt")  # a link to a file inside
    rc, out, err = run(capsys, str(folder), "--format", "json")
    found = by_path(out)
    assert sorted(found) == sorted([str(folder / "sub" / "r.txt"), str(folder / "self-link.txt")])
    for diags in found.values():
        assert tuple(sorted((d["code"], d["line"]) for d in diags)) == good_alone()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_link_to_a_missing_file(tmp_path, capsys):
    f = tmp_path / "dangling.txt"
    os.symlink(tmp_path / "nowhere.txt", f)
    check_hostile(tmp_path, capsys, f, "E001", "无法读取文件：文件不存在", "No such file")


def test_unreadable_file(tmp_path, capsys, monkeypatch):
    f = tmp_path / "locked.txt"
    shutil.copyfile(GOOD, f)
    f.chmod(0)
    try:
        if os.access(f, os.R_OK):  # root (as in many CI containers) reads anything: simulate the refusal
            real_open = os.open

            def guarded(file, *a, **kw):
                if os.fspath(file) == str(f):
                    raise PermissionError(13, "Permission denied", str(f))
                return real_open(file, *a, **kw)

            monkeypatch.setattr(os, "open", guarded)
        check_hostile(tmp_path, capsys, f, "E001", "无法读取文件：没有读取权限", "cannot read file: Permission denied")
    finally:
        f.chmod(0o644)


def test_file_that_vanishes_between_discovery_and_reading(tmp_path, capsys, monkeypatch):
    import reportlint.engine as engine

    folder = tmp_path / "reports"
    folder.mkdir()
    f = folder / "gone.txt"
    shutil.copyfile(GOOD, f)
    real = engine.read_input

    def vanish(path):
        if path == str(f):
            os.unlink(path)  # deleted after the folder was listed, just before it is read
        return real(path)

    monkeypatch.setattr(engine, "read_input", vanish)
    check_hostile(tmp_path, capsys, f, "E001", "无法读取文件：文件不存在", "No such file or directory")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_named_pipe_is_not_read(tmp_path, capsys):
    f = tmp_path / "pipe.txt"
    os.mkfifo(f)  # opening it would block until someone writes
    check_hostile(tmp_path, capsys, f, "E001", "不是普通文件", "not a regular file")


@pytest.mark.skipif(not os.path.exists("/dev/zero") or not hasattr(os, "symlink"), reason="POSIX devices")
def test_link_to_an_endless_device_is_not_read(tmp_path, capsys):
    f = tmp_path / "zero.txt"
    os.symlink("/dev/zero", f)  # size 0, and reading never ends
    check_hostile(tmp_path, capsys, f, "E001", "不是普通文件", "not a regular file")
