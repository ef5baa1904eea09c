"""Rule listings generated from the rules themselves (README table, ``reportlint rules``)."""

from __future__ import annotations

from reportlint.plugins import Registry

_ERA_ORDER = ("reg2008", "fmt2019", "fmt2021")


def _eras(rule) -> str:
    values = [e for e in _ERA_ORDER if any(x.value == e for x in rule.eras)]
    return "all" if len(values) == 3 else ", ".join(values)


def rules_json(registry: Registry, lang: str = "zh") -> list[dict]:
    return [{"code": r.code, "name": r.name, "severity": r.severity.value, "eras": _eras(r),
             "fixable": r.fixable, "plugin": registry.rule_plugins[r.code], "summary": r.summary(lang)}
            for r in registry.rules.values()]


def rules_table(registry: Registry, *, markdown: bool = False, lang: str = "zh") -> str:
    rows = rules_json(registry, lang)
    if markdown:
        lines = ["| code | name | severity | eras | fixable | 作用 |", "|---|---|---|---|---|---|"]
        lines += [f"| {r['code']} | {r['name']} | {r['severity']} | {r['eras']} | {'yes' if r['fixable'] else ''} | {r['summary']} |"
                  for r in rows]
        return "\n".join(lines)
    return "\n".join(f"{r['code']}  {r['name']:<28} {r['severity']:<8} {r['eras']:<18} {'fixable' if r['fixable'] else '':<8} {r['summary']}"
                     for r in rows)
