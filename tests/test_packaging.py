"""The wheel installs into a clean virtual environment and runs from anywhere.

``rules/`` and ``grammars/`` sit at the top of the repository but must install
inside the package (``reportlint.rules``, ``reportlint.grammars``): a top-level
``rules`` module in site-packages would clash with other projects.
"""

from __future__ import annotations

import glob
import os
import subprocess
import sys
import venv
import zipfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "tests", "fixtures", "000_228735099014d1ff.txt")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), ROOT],
                   check=True, capture_output=True, text=True)
    (path,) = glob.glob(str(out / "reportlint-*.whl"))
    return path


def test_wheel_layout(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert "rules" not in tops and "grammars" not in tops
    assert "reportlint/rules/__init__.py" in names
    assert "reportlint/rules/structure.py" in names
    assert "reportlint/grammars/report.lark" in names
    assert "reportlint/grammars/report_lalr.py" in names  # the tables: without them every check imports lark
    ep = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(ep).decode()
    assert "[reportlint]" in text and "builtin = reportlint.rules" in text
    assert "reportlint = reportlint.program:run" in text


def test_wheel_runs_in_a_clean_venv_from_another_directory(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    pip = subprocess.run([str(bindir / "python"), "-m", "pip", "install", "-q", wheel], capture_output=True, text=True)
    assert pip.returncode == 0, pip.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    proc = subprocess.run([str(bindir / "reportlint"), "check", SEED], cwd=elsewhere, capture_output=True,
                          text=True, env=env, encoding="utf-8")
    assert proc.returncode == 1, proc.stderr
    assert "C501" in proc.stdout and "S104" in proc.stdout
    site = subprocess.run([str(bindir / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    assert not os.path.exists(os.path.join(site, "rules")) and not os.path.exists(os.path.join(site, "grammars"))
    assert os.path.exists(os.path.join(site, "reportlint", "grammars", "report.lark"))
