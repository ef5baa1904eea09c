"""The JSON schemas ship in the wheel (package data), so validation works after `pip install`."""

from __future__ import annotations

import glob
import subprocess
import sys
import zipfile

import pytest

from cfgutil import ROOT


@pytest.mark.slow
def test_schemas_are_in_the_wheel(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), ROOT],
                   check=True, capture_output=True, text=True)
    (wheel,) = glob.glob(str(tmp_path / "reportlint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert {"reportlint/schemas/config.schema.json", "reportlint/schemas/pack.schema.json",
            "reportlint/config.py", "reportlint/baseline.py", "reportlint/packs.py"} <= set(names)
    meta = next(n for n in names if n.endswith("METADATA"))
    text = zipfile.ZipFile(wheel).read(meta).decode()
    assert "Requires-Dist: jsonschema>=4.18" in text and "Requires-Dist: regex" in text
    assert 'Requires-Dist: tomli>=2.0; python_version < "3.11"' in text
