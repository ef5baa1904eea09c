"""The import probe counts what reportlint imports, not what the interpreter's start-up imported."""

from __future__ import annotations

from helpers import report
from importprobe import probe


def test_a_module_imported_at_start_up_is_not_counted(tmp_path):
    # CI's Python imports certifi (hence typing and importlib.resources) from a .pth file at start-up.
    site = tmp_path / "site"
    site.mkdir()
    ran = tmp_path / "sitecustomize-ran"
    (site / "sitecustomize.py").write_text(f"import typing, importlib.resources\nopen({str(ran)!r}, 'w').close()\n",
                                           encoding="utf-8")
    (tmp_path / "r.txt").write_text(report(), encoding="utf-8")
    started = probe(["check", "--no-cache", "r.txt"], cwd=tmp_path, env_extra={"PYTHONPATH": str(site)})
    assert started.code == 0, started.stderr[-2000:]
    assert ran.exists()  # start-up did import them …
    assert "typing" not in started.new and "importlib.resources" not in started.new  # … so they are not counted
    assert "reportlint.engine" in started.new  # what the run imported is
