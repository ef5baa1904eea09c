"""The plugin surface: hooks a plugin (built-in or an agency's) may implement.

A plugin is any module or object with functions decorated by
``reportlint.hookspecs.hookimpl``, registered through the ``reportlint``
entry-point group. Every hook returns a value; the engine collects the results
of all plugins. Hook names must be spelled exactly as here: an unknown
``reportlint_*`` hook is an error at load (``check_pending``), because a
misspelt hook would silently contribute nothing.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("reportlint")
hookimpl = pluggy.HookimplMarker("reportlint")


@hookspec
def reportlint_rules():
    """Return the plugin's rules: an iterable of :class:`reportlint.rule.Rule`
    subclasses or instances.

    Codes must be unique across all plugins (a clash is an error at load).
    Plugins use their own family letters or a prefix of two or more letters
    (``NX101``) so they never collide with the built-in catalogue.
    """


@hookspec
def reportlint_profiles():
    """Return :class:`reportlint.profiles.Profile` objects: a jurisdiction's
    deadlines (and, later, required content and table label sets). A
    provincial plugin tightens the national deadlines by contributing a
    profile that configuration then selects by name.
    """


@hookspec
def reportlint_readers():
    """Return a mapping from file suffix (``".txt"``) to a reader
    ``(path: str, data: bytes) -> reportlint.source.Source``. A reader raises
    :class:`reportlint.readers.ReadError` for a file it cannot use.
    """


@hookspec
def reportlint_formatters():
    """Return a mapping from format name (``"json"``) to a formatter
    ``(results, options) -> str``, where ``results`` is the list of
    :class:`reportlint.engine.FileResult` of a run.
    """


@hookspec
def reportlint_config_schema():
    """Return a JSON-schema fragment (a dict) describing the plugin's own
    configuration options, merged into the configuration schema so that
    typos in the plugin's options are caught like typos in the core options.
    """
