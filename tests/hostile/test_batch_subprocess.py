"""The whole hostile batch in real processes: one folder of bad files, no traceback, every
file named with its finding, the good report linted, the same output for --jobs 1 and 2;
and the memory and time a 50 MB text file costs."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers import report
from hostile.batch import GOOD, ROOT, good_alone


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
                REPORTLINT_NO_CACHE="1", PYTHONIOENCODING="utf-8")


def _run(args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True, text=True,
                          encoding="utf-8", env=_env(), cwd=str(cwd), timeout=300)


def _batch(folder: Path) -> dict[str, str]:
    """Write the hostile files; return {relative path: expected code (None: linted normally)}."""
    folder.mkdir()
    expect = {}

    def put(name, data, code):
        (folder / name).write_bytes(data)
        expect[name] = code

    put("empty.txt", b"", "E002")
    put("blank.txt", b" \n\t\r\n\n" * 100, "E002")
    put("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 32, "E001")
    good = GOOD.read_bytes()
    put("cut-utf8.txt", good[:len(good) // 2] + b"\xe6\x94" + good[len(good) // 2:], "E001")
    put("mixed-eol.txt", b"".join(ln + (b"\r\n" if i % 3 else b"\n") for i, ln in enumerate(good.split(b"\n"))), None)
    put("nested.txt", report(2017, "（" * 10_000 + "嵌套" + "）" * 10_000).encode(), None)
    put("fake.docx", b"not a zip at all " * 40, "E001")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("_rels/.rels", "<Relationships/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as m:
            for _ in range(80):
                m.write(b"\0" * (1 << 20))
    put("bomb.docx", bomb.getvalue(), "E001")
    put("deep.html", ("<html><body>" + "<div>" * 100_000 + "一、概述").encode(), "E001")
    put("big.txt", good * (5 * 1024 * 1024 // len(good) + 1), "E001")
    put("good.txt", good, None)
    if hasattr(os, "symlink"):
        os.symlink(folder, folder / "loop")
        os.symlink(folder / "missing.txt", folder / "dangling.txt")
        expect["dangling.txt"] = "E001"
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
        expect["pipe.txt"] = "E001"
    return expect


def test_the_whole_batch_in_a_subprocess(tmp_path):
    expect = _batch(tmp_path / "hostile")
    outputs = []
    for jobs in ("1", "2"):
        proc = _run(["check", "hostile", "--isolated", "--format", "json", "--lang", "en", "--jobs", jobs], tmp_path)
        assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
        assert proc.returncode == 1, proc.stderr
        outputs.append(proc.stdout)
        found: dict[str, list[dict]] = {}
        for d in json.loads(proc.stdout)["diagnostics"]:
            found.setdefault(d["path"], []).append(d)
        for name, code in expect.items():
            diags = found.get(f"hostile/{name}", [])
            if code is not None:
                assert [d["code"] for d in diags] == [code], (name, diags)
            assert not any(d["code"] == "E900" for d in diags), (name, diags)
        assert tuple(sorted((d["code"], d["line"]) for d in found["hostile/good.txt"])) == good_alone()
        assert tuple(sorted((d["code"], d["line"]) for d in found["hostile/mixed-eol.txt"])) == good_alone()
        assert not any(p.startswith("hostile/loop/") for p in found)
    assert outputs[0] == outputs[1]
    proc = _run(["check", "hostile", "--isolated"], tmp_path)  # the text output: one clear line per bad file
    assert "Traceback" not in proc.stderr + proc.stdout
    for name, code in expect.items():
        if code is not None:
            assert f"hostile/{name}:1:1: {code} " in proc.stdout, name


PROBE = """
import json, resource, sys, time
from reportlint.cli import main
main(["check", sys.argv[1], "--isolated", "--no-cache", "--jobs", "1", "--format", "json"])  # warm: rules, grammar
sys.stdout.flush()
def status_kb(key):  # Linux: VmRSS now, VmHWM the peak since clear_refs; elsewhere the peak so far
    try:
        with open("/proc/self/status") as fh:
            return next(int(ln.split()[1]) for ln in fh if ln.startswith(key + ":"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")  # reset the peak (VmHWM) to the current size, so the warm-up's peak does not count
    peak_key = "VmHWM"
except OSError:
    peak_key = "none"
before = status_kb("VmRSS")
start = time.perf_counter()
code = main(["check", sys.argv[2], "--isolated", "--no-cache", "--jobs", "1", "--format", "json"])
seconds = time.perf_counter() - start
after = status_kb(peak_key)
print(json.dumps({"code": code, "seconds": seconds, "grew_kb": max(after - before, 0)}), file=sys.stderr)
"""


@pytest.mark.skipif(sys.platform.startswith("win"), reason="resource module")
def test_fifty_megabyte_file_memory_and_time(tmp_path):
    """Peak RSS grows by at most the file's size (the bytes are read once, then refused before
    decoding; MAX_FILE_BYTES = 64 MB bounds that) and the refusal takes well under a second."""
    huge = tmp_path / "huge.txt"
    chunk = GOOD.read_bytes()
    with open(huge, "wb") as fh:
        fh.write(chunk * (50 * 1024 * 1024 // len(chunk) + 1))
    small = tmp_path / "small.txt"
    shutil.copyfile(GOOD, small)
    proc = subprocess.run([sys.executable, "-c", PROBE, str(small), str(huge)], capture_output=True, text=True,
                          encoding="utf-8", env=_env(), cwd=str(tmp_path), timeout=120)
    stats = json.loads(proc.stderr.strip().splitlines()[-1])
    diags = json.loads(proc.stdout[proc.stdout.index('{\n  "diagnostics"', 1):])["diagnostics"]
    assert [d["code"] for d in diags] == ["E001"] and "文本文件过大" in diags[0]["message"]
    assert stats["code"] == 1
    # Measured ~51 MB: the 50 MB of bytes, in one buffer sized by stat (read(64 MB) would cost ~100 MB).
    assert stats["grew_kb"] < 80 * 1024, stats
    assert stats["seconds"] < 5, stats
