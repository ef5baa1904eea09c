"""The pre-commit hook, end to end: ``pre-commit try-repo <this checkout> reportlint``.

A temporary git repository of reports (one faulty, one clean example) runs the
hook the way a user's repository would: pre-commit builds a virtual
environment, installs this checkout into it from the package index (about a
minute) and runs ``reportlint check`` on the reports.

Why a snapshot of the checkout rather than the checkout itself: ``try-repo``
takes HEAD plus the *tracked* files' uncommitted changes (``git add -u`` into a
shadow clone); a file not yet committed — a new module, or
``.pre-commit-hooks.yaml`` itself — would be left out, and the test would
install a different tree from the one under test. So the test copies what
``git ls-files --cached --others --exclude-standard`` lists (tracked and new
files, without ignored build products) into a fresh repository, commits it,
and points ``try-repo`` there. From a fresh clone that is exactly HEAD.

Nothing is skipped: without git or pre-commit the test fails and says why.
PRE_COMMIT_HOME points into the test's temporary folder so the user's cache
is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")
FAULTY = "faulty-2017-bureau.txt"
CLEAN = "clean-2021-department.txt"
# The planted defects of the faulty example (tests/test_examples.py checks them in detail).
FAULTY_CODES = ("S101", "S103", "S106", "C501", "D402", "N301", "W601", "W604")

pytestmark = pytest.mark.slow


def _git() -> str:
    git = shutil.which("git")
    if git is None:
        pytest.fail("git is required for the pre-commit test (pre-commit works on git repositories) and was not found on PATH")
    return git


def run(args: list[str], cwd, env=None, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, cwd=str(cwd), env=env, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if check and proc.returncode != 0:
        pytest.fail(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def new_repo(path, git: str) -> None:
    """A git repository with a local identity (no global configuration needed)."""
    path.mkdir(parents=True, exist_ok=True)
    run([git, "init", "-q"], path)
    run([git, "config", "user.name", "reportlint tests"], path)
    run([git, "config", "user.email", "tests@reportlint.invalid"], path)
    run([git, "config", "commit.gpgsign", "false"], path)


def commit(path, git: str, message: str) -> None:
    run([git, "add", "-A"], path)
    run([git, "-c", "core.hooksPath=/dev/null", "commit", "-q", "--allow-empty", "-m", message], path)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    import importlib.util

    if importlib.util.find_spec("pre_commit") is None:
        pytest.fail("pre-commit is not installed: python -m pip install -e '.[dev]'")
    home = tmp_path_factory.mktemp("pre-commit-home")
    e = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", NO_COLOR="1")
    # `language: system` hooks run the reportlint of this environment.
    e["PATH"] = os.path.dirname(sys.executable) + os.pathsep + e.get("PATH", "")
    e.pop("PYTHONPATH", None)
    return e


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory):
    """This checkout's working tree (tracked and new files) committed in a fresh repository."""
    git = _git()
    inside = run([git, "rev-parse", "--is-inside-work-tree"], ROOT, check=False)
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        pytest.fail(f"{ROOT} is not a git checkout: pre-commit try-repo needs one (run the tests from a clone)")
    listed = run([git, "ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT).stdout
    dest = tmp_path_factory.mktemp("checkout") / "reportlint"
    new_repo(dest, git)
    for rel in filter(None, listed.split("\0")):
        src = os.path.join(ROOT, rel)
        if os.path.isfile(src) and not os.path.islink(src):  # a deleted tracked file is simply gone
            os.makedirs(os.path.join(dest, os.path.dirname(rel)), exist_ok=True)
            shutil.copy2(src, os.path.join(dest, rel))
    assert (dest / ".pre-commit-hooks.yaml").is_file(), ".pre-commit-hooks.yaml must be at the repository root"
    commit(dest, git, "snapshot of the checkout under test")
    return dest


def try_repo(snapshot, cwd, env) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    proc = run([sys.executable, "-m", "pre_commit", "try-repo", str(snapshot), "reportlint", "--all-files",
                "--color", "never"], cwd, env, check=False)
    return proc, time.monotonic() - start


def test_try_repo_fails_on_the_faulty_report_and_passes_on_the_clean_one(snapshot, env, tmp_path):
    git = _git()
    reports = tmp_path / "reports-repo"
    new_repo(reports, git)
    (reports / "reports").mkdir()
    shutil.copy(os.path.join(EXAMPLES, FAULTY), reports / "reports" / FAULTY)
    shutil.copy(os.path.join(EXAMPLES, CLEAN), reports / "reports" / CLEAN)
    (reports / "notes.py").write_text("print('not a report')\n", encoding="utf-8")  # not selected by `files`
    commit(reports, git, "two reports")

    proc, seconds = try_repo(snapshot, reports, env)
    out = proc.stdout + proc.stderr
    print(f"pre-commit try-repo (faulty + clean): {seconds:.1f} s")
    assert proc.returncode == 1, out
    assert "reportlint" in out and "Failed" in out, out
    for code in FAULTY_CODES:
        assert f"reports/{FAULTY}:" in out and f" {code} " in out, (code, out)
    assert f"reports/{CLEAN}:" not in out, out  # the clean report has no findings
    assert "notes.py" not in out

    run([git, "rm", "-q", f"reports/{FAULTY}"], reports)
    commit(reports, git, "only the clean report")
    proc, seconds = try_repo(snapshot, reports, env)
    out = proc.stdout + proc.stderr
    print(f"pre-commit try-repo (clean only): {seconds:.1f} s")
    assert proc.returncode == 0, out
    assert "Passed" in out, out


def test_the_projects_own_hook_runs_offline_on_the_examples(snapshot, env):
    """The local hook of .pre-commit-config.yaml: examples pass against their baseline; a new defect fails."""
    proc = run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"], snapshot, env, check=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out + "\n(refresh with: reportlint check examples/ --write-baseline examples/planted-defects.baseline.json)"
    assert "Passed" in out, out

    # A defect that is not a planted one makes the hook fail.
    extra = snapshot / "examples" / "clean-2021-new-defect.txt"
    text = (snapshot / "examples" / CLEAN).read_text(encoding="utf-8")
    extra.write_text(text.replace("截至2022年底", "截止2022年底", 1), encoding="utf-8")
    try:
        proc = run([sys.executable, "-m", "pre_commit", "run", "--files", str(extra.relative_to(snapshot)),
                    "--color", "never"], snapshot, env, check=False)
    finally:
        extra.unlink()
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "W601" in out, out
