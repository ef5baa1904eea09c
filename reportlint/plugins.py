"""Loading plugins: the entry-point group ``reportlint`` plus the engine's core plugin.

Loading is strict because a rule that silently fails to load means a report
that silently passes: a plugin that cannot be imported, implements an unknown
hook, or declares a rule code another plugin already uses stops the run with
exit code 2 and a message naming the plugin.

The built-in plugins (the core plugin and the built-in rules) are plain
modules whose ``reportlint_*`` functions are their hooks. When they are the
only plugins, which is every run without an agency's plugin, their hooks are
called by name, in registration order, without pluggy: importing pluggy
(with ``inspect`` and ``typing``) is ~20 ms of a one-file check that should
feel instant as a pre-commit hook. As soon as any other plugin is there,
every plugin, built-in ones included, goes through pluggy, which checks the
hook names and orders the calls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from reportlint import core_plugin, rx
from reportlint.entrypoints import EntryPoint, entry_points
from reportlint.profiles import Profile
from reportlint.rule import Rule, Severity
from reportlint.records import Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: ~15 M instructions of every start
if TYPE_CHECKING:
    from typing import Any


GROUP = "reportlint"
_CODE_RE = rx.compile(r"^[A-Z]{1,4}\d{3}$")


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


HOOKS = ("reportlint_rules", "reportlint_profiles", "reportlint_readers", "reportlint_formatters",
         "reportlint_config_schema")  # the hookspecs of reportlint.hookspecs, named without importing pluggy
CORE = "reportlint-core"
BUILTIN_RULES = "reportlint.rules"  # the module of the entry point ``builtin``


def _load(ep: EntryPoint) -> Any:
    try:
        return ep.load()
    except Exception as exc:  # any import failure of a third-party module
        raise PluginError(f"插件 {ep.name}（{ep.value}）无法加载 / plugin {ep.name} ({ep.value}) failed to load: "
                          f"{type(exc).__name__}: {exc}") from exc


def _is_builtin(ep: EntryPoint) -> bool:
    return ep.value.strip() == BUILTIN_RULES


def _builtin_hooks(eps: list[EntryPoint]) -> tuple[Callable, dict[str, str]] | None:
    """The hook lookup and versions of the built-in plugins when they are the only ones; None otherwise."""
    if len(eps) > 1 or eps and not _is_builtin(eps[0]):
        return None
    plugins = [(CORE, core_plugin)] + [(ep.name, _load(ep)) for ep in eps]

    def implementations(hook_name: str) -> list[tuple[str, Callable]]:
        return [(name, getattr(module, hook_name)) for name, module in plugins if hasattr(module, hook_name)]

    return implementations, {ep.name: ep.dist for ep in eps}


def _marked(module: Any) -> Any:
    """A built-in plugin module with its hooks marked as pluggy hook implementations."""
    from reportlint.hookspecs import hookimpl

    for name in HOOKS:
        function = getattr(module, name, None)
        if function is not None:
            hookimpl(function)
    return module


#: True once a plugin other than reportlint's own was loaded in this process. Its code may
#: leave work to the interpreter's exit (finalizers, objects it frees then …), so the
#: program then takes the usual exit (reportlint/program.py).
foreign_plugins_loaded = False


def _pluggy_hooks(eps: list[EntryPoint], extra: Iterable[tuple[str, Any]]) -> tuple[Callable, dict[str, str]]:
    """Register every plugin with pluggy; returns the hook lookup and the plugins' versions."""
    global foreign_plugins_loaded
    foreign_plugins_loaded = True  # set before loading: a plugin that fails half-way has run code too
    import pluggy

    from reportlint import hookspecs

    pm = pluggy.PluginManager(GROUP)
    pm.add_hookspecs(hookspecs)
    pm.register(_marked(core_plugin), name=CORE)
    versions: dict[str, str] = {}
    for ep in eps:
        if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
            continue
        plugin = _load(ep)
        pm.register(_marked(plugin) if _is_builtin(ep) else plugin, name=ep.name)
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

    def implementations(hook_name: str) -> list[tuple[str, Callable]]:
        # pluggy lists the last registered first (tryfirst/trylast permitting): reversed, registration order
        return [(pm.get_name(impl.plugin) or repr(impl.plugin), impl.function)
                for impl in reversed(getattr(pm.hook, hook_name).get_hookimpls())]

    return implementations, versions


def _per_plugin(implementations: Callable, hook_name: str) -> Iterable[tuple[str, Any]]:
    """Call a hook plugin by plugin, so every result can be traced to its plugin."""
    for name, function in implementations(hook_name):
        try:
            result = function()
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
    extra = list(extra)
    eps = entry_points(GROUP)
    implementations, versions = (None if extra else _builtin_hooks(eps)) or _pluggy_hooks(eps, extra)
    rules: dict[str, Rule] = {}
    owners: dict[str, str] = {}
    for plugin, result in _per_plugin(implementations, "reportlint_rules"):
        for obj in result:
            rule = _as_rule(obj, plugin)
            if rule.code in rules:
                raise PluginError(f"规则代码冲突：{rule.code} 同时由插件 {owners[rule.code]} 和 {plugin} 声明 / "
                                  f"rule code clash: {rule.code} is declared by plugin {owners[rule.code]} and by plugin {plugin}")
            rules[rule.code] = rule
            owners[rule.code] = plugin
    readers: dict[str, Callable] = {}
    for _, result in _per_plugin(implementations, "reportlint_readers"):
        readers.update({k.lower(): v for k, v in dict(result).items()})
    formatters: dict[str, Callable] = {}
    for _, result in _per_plugin(implementations, "reportlint_formatters"):
        formatters.update(dict(result))
    profiles: dict[str, Profile] = {}
    for _, result in _per_plugin(implementations, "reportlint_profiles"):
        for prof in result:
            profiles[prof.name] = prof
    schemas = {plugin: result for plugin, result in _per_plugin(implementations, "reportlint_config_schema")}
    return Registry(dict(sorted(rules.items())), owners, readers, formatters, profiles, versions, schemas)
