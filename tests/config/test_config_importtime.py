"""A plain one-file check stays fast: no jsonschema (nor tomllib) unless a configuration file is found."""

from __future__ import annotations

from cfgutil import write
from helpers import report
from importprobe import probe


def test_plain_check_does_not_import_jsonschema(tmp_path):
    write(tmp_path / "r.txt", report())
    run = probe(["check", "r.txt"], cwd=tmp_path)
    assert run.code == 0, run.stderr[-2000:]
    assert "reportlint.config" in run.new  # the configuration path ran …
    assert not {m for m in run.new if m.split(".")[0] in ("jsonschema", "tomllib", "tomli", "referencing")}


def test_jsonschema_only_when_a_configuration_is_found(tmp_path):
    write(tmp_path / "r.txt", report())
    write(tmp_path / "reportlint.toml", 'lang = "zh"\n')
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}  # nothing remembered from other tests
    run = probe(["check", "r.txt"], cwd=tmp_path, env_extra=env)
    assert run.code == 0, run.stderr[-2000:]
    assert {"jsonschema", "tomllib"} <= run.new


def _run_imports(tmp_path, env) -> tuple[int, bool, str, set[str]]:
    run = probe(["check", "r.txt"], cwd=tmp_path, env_extra=env)
    return run.code, "jsonschema" in run.new, run.stderr, run.new


def test_an_unchanged_valid_configuration_is_not_validated_again(tmp_path):
    """Importing jsonschema is ~130 ms of every pre-commit run: a configuration that passed is remembered."""
    write(tmp_path / "r.txt", report())
    write(tmp_path / "reportlint.toml", 'lang = "zh"\n')
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    assert _run_imports(tmp_path, env)[:2] == (0, True)
    code, validated, _, imported = _run_imports(tmp_path, env)
    assert (code, validated) == (0, False)
    assert "importlib.resources" not in imported  # the schema is read as a file (~19 ms of imports)
    write(tmp_path / "reportlint.toml", 'lang = "en"\n')  # changed: validated again, then remembered too
    assert _run_imports(tmp_path, env)[:2] == (0, True)
    assert _run_imports(tmp_path, env)[:2] == (0, False)
    write(tmp_path / "reportlint.toml", 'lang = "zh"\n')  # the first one is still remembered
    assert _run_imports(tmp_path, env)[:2] == (0, False)


def test_an_invalid_configuration_is_validated_and_reported_every_time(tmp_path):
    write(tmp_path / "r.txt", report())
    write(tmp_path / "reportlint.toml", 'lang = "zh"\nfial-on = "warning"\n')
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    for _ in range(2):
        code, validated, stderr, _ = _run_imports(tmp_path, env)
        assert (code, validated) == (2, True)
        assert "fial-on" in stderr and "fail-on" in stderr  # the key and its did-you-mean


def test_a_damaged_memory_of_valid_configurations_is_ignored(tmp_path):
    write(tmp_path / "r.txt", report())
    write(tmp_path / "reportlint.toml", 'lang = "zh"\n')
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    assert _run_imports(tmp_path, env)[:2] == (0, True)
    memo = tmp_path / "cache" / "reportlint" / "valid-configurations.txt"
    memo.write_bytes(b"\xff\x00 not what was written\n" + memo.read_bytes()[::-1])
    assert _run_imports(tmp_path, env)[:2] == (0, True)  # validated again, and remembered again
    assert _run_imports(tmp_path, env)[:2] == (0, False)


def test_a_pyproject_without_our_name_is_not_parsed(tmp_path):
    write(tmp_path / "r.txt", report())
    write(tmp_path / "pyproject.toml", '[project]\nname = "other"\n')
    run = probe(["check", "r.txt"], cwd=tmp_path)
    assert run.code == 0
    assert "tomllib" not in run.new and "jsonschema" not in run.new
