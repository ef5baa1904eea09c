"""Loading plugins: the entry-point group ``reportlint`` plus the engine's core plugin.

Loading is strict because a rule that silently fails to load means a report
that silently passes: a plugin that cannot be imported, implements an unknown
hook, or declares a rule code another plugin already uses stops the run with
exit code 2 and a message naming the plugin.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable

import pluggy

from reportlint import core_plugin, hookspecs
from reportlint.entrypoints import entry_points
from reportlint.profiles import Profile
from reportlint.rule import Rule, Severity
from reportlint.records import Record

GROUP = "reportlint"
_CODE_RE = re.compile(r"^[A-Z]{1,4}\d{3}$")


class PluginError(Exception):
    """A plugin could not be loaded or conflicts with another (exit code 2)."""


class Registry(Record):
    """Everything the plugins contributed, keyed and validated.

    ``config_schemas`` maps a plugin's name to its reportlint_config_schema
    fragment (merged by reportlint.config).
    """

    __slots__ = ("rules", "rule_plugins", "readers", "formatters", "profiles", "plugin_versions", "config_schemas")

    def __init__(self, rules: dict[str, Rule], rule_plugins: dict[str, str], readers: dict[str, Callable],
                 formatters: dict[str, Callable], profiles: dict[str, Profile], plugin_versions: dict[str, str],
                 config_schemas: dict[str, dict] | None = None) -> None:
        self.rules = rules
        self.rule_plugins = rule_plugins
        self.readers = readers
        self.formatters = formatters
        self.profiles = profiles
        self.plugin_versions = plugin_versions
        self.config_schemas = {} if config_schemas is None else config_schemas


def _plugin_manager(extra: Iterable[tuple[str, Any]] = ()) -> tuple[pluggy.PluginManager, dict[str, str]]:
    pm = pluggy.PluginManager(GROUP)
    pm.add_hookspecs(hookspecs)
    pm.register(core_plugin, name="reportlint-core")
    versions: dict[str, str] = {}
    for ep in entry_points(GROUP):
        if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
            continue
        try:
            plugin = ep.load()
        except Exception as exc:  # any import failure of a third-party module
            raise PluginError(f"插件 {ep.name}（{ep.value}）无法加载 / plugin {ep.name} ({ep.value}) failed to load: "
                              f"{type(exc).__name__}: {exc}") from exc
        pm.register(plugin, name=ep.name)
        versions[ep.name] = ep.dist
    for name, plugin in extra:
        try:
            pm.register(plugin, name=name)
        except ValueError as exc:  # the same module twice, e.g. installed and also named in the configuration
            raise PluginError(f"插件 {name} 重复加载 / plugin {name} is loaded twice: {exc}") from exc
        versions[name] = "local"
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"插件 {exc.plugin!r} 实现了未知的钩子 / plugin {exc.plugin!r} implements an unknown hook: {exc}") from exc
    return pm, versions


def _per_plugin(pm: pluggy.PluginManager, hook_name: str) -> Iterable[tuple[str, Any]]:
    """Call a hook plugin by plugin, so every result can be traced to its plugin."""
    hook = getattr(pm.hook, hook_name)
    for impl in reversed(hook.get_hookimpls()):
        name = pm.get_name(impl.plugin) or repr(impl.plugin)
        try:
            result = impl.function()
        except Exception as exc:
            raise PluginError(f"插件 {name} 的 {hook_name} 出错 / plugin {name} failed in {hook_name}: "
                              f"{type(exc).__name__}: {exc}") from exc
        if result is not None:
            yield name, result


def _as_rule(obj: Any, plugin: str) -> Rule:
    rule = obj() if isinstance(obj, type) else obj
    if not isinstance(rule, Rule):
        raise PluginError(f"插件 {plugin} 返回的规则不是 Rule / plugin {plugin} returned a rule that is not a reportlint Rule: {obj!r}")
    if not _CODE_RE.match(rule.code or ""):
        raise PluginError(f"插件 {plugin} 的规则代码 {rule.code!r} 无效 / plugin {plugin}: invalid rule code {rule.code!r} "
                          "(letters then three digits, e.g. NX101)")
    if not rule.name or not isinstance(rule.severity, Severity):
        raise PluginError(f"插件 {plugin} 的规则 {rule.code} 缺少名称或严重级别 / plugin {plugin}: rule {rule.code} lacks a name or severity")
    return rule


def load_registry(extra: Iterable[tuple[str, Any]] = ()) -> Registry:
    pm, versions = _plugin_manager(extra)
    rules: dict[str, Rule] = {}
    owners: dict[str, str] = {}
    for plugin, result in _per_plugin(pm, "reportlint_rules"):
        for obj in result:
            rule = _as_rule(obj, plugin)
            if rule.code in rules:
                raise PluginError(f"规则代码冲突：{rule.code} 同时由插件 {owners[rule.code]} 和 {plugin} 声明 / "
                                  f"rule code clash: {rule.code} is declared by plugin {owners[rule.code]} and by plugin {plugin}")
            rules[rule.code] = rule
            owners[rule.code] = plugin
    readers: dict[str, Callable] = {}
    for _, result in _per_plugin(pm, "reportlint_readers"):
        readers.update({k.lower(): v for k, v in dict(result).items()})
    formatters: dict[str, Callable] = {}
    for _, result in _per_plugin(pm, "reportlint_formatters"):
        formatters.update(dict(result))
    profiles: dict[str, Profile] = {}
    for _, result in _per_plugin(pm, "reportlint_profiles"):
        for prof in result:
            profiles[prof.name] = prof
    schemas = {plugin: result for plugin, result in _per_plugin(pm, "reportlint_config_schema")}
    return Registry(dict(sorted(rules.items())), owners, readers, formatters, profiles, versions, schemas)
