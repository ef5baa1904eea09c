"""The digest of a validation names everything its outcome depends on (reportlint/validated.py)."""

from __future__ import annotations

import datetime

from reportlint import validated

SCHEMA = {"type": "object", "properties": {"lang": {"enum": ["zh", "en"]}}}


def test_the_digest_tells_apart_what_json_would_not():
    base = validated.digest({"date": "2021-01-01"}, SCHEMA)
    assert validated.digest({"date": "2021-01-01"}, SCHEMA) == base
    assert validated.digest({"date": datetime.date(2021, 1, 1)}, SCHEMA) != base
    assert validated.digest({"n": 1}, SCHEMA) != validated.digest({"n": 1.0}, SCHEMA)
    assert validated.digest({"n": 1}, SCHEMA) != validated.digest({"n": True}, SCHEMA)


def test_a_plugins_schema_fragment_changes_the_digest():
    widened = {**SCHEMA, "properties": {**SCHEMA["properties"], "x-agency": {"type": "string"}}}
    assert validated.digest({"lang": "zh"}, widened) != validated.digest({"lang": "zh"}, SCHEMA)


def test_known_after_remember_and_only_the_last_ones_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    keys = [validated.digest({"i": i}, SCHEMA) for i in range(validated.KEEP + 1)]
    assert not validated.known(keys[0])
    for key in keys:
        validated.remember(key)
    assert not validated.known(keys[0]) and validated.known(keys[1]) and validated.known(keys[-1])
    validated.remember(keys[1])  # remembering again moves it to the end, kept longest
    validated.remember(validated.digest({"i": "new"}, SCHEMA))
    assert validated.known(keys[1]) and not validated.known(keys[2])


def test_another_jsonschema_validates_again(monkeypatch):
    before = validated.digest({"lang": "zh"}, SCHEMA)
    monkeypatch.setattr(validated, "_validator_stamp", lambda: "jsonschema /elsewhere/__init__.py 1 2")
    assert validated.digest({"lang": "zh"}, SCHEMA) != before
