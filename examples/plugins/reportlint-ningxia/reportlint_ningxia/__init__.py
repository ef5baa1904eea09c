"""reportlint-ningxia: an example provincial plugin for reportlint.

It contributes, through the hooks of ``reportlint.hookspecs``:

- a profile ``ningxia`` with stricter publication deadlines (chosen in the
  configuration with ``profile = "ningxia"`` or on the command line with
  ``--profile ningxia``);
- the rule NX101 (``contact-area-code``) with the option ``area-codes``;
- a configuration-schema fragment, so a typo in NX101's options is caught like
  a typo in reportlint's own options.

The deadlines are illustrative: they show how a plugin tightens the national
ones and are not a statement of any region's actual rules.
"""

from reportlint.hookspecs import hookimpl

__version__ = "0.1.0"


@hookimpl
def reportlint_rules():
    from reportlint_ningxia.rules import ContactAreaCode

    return [ContactAreaCode]


@hookimpl
def reportlint_profiles():
    from reportlint_ningxia.profile import NINGXIA

    return [NINGXIA]


@hookimpl
def reportlint_config_schema():
    # Merged into reportlint's configuration schema: [tool.reportlint.rules.NX101].
    return {
        "properties": {
            "rules": {
                "properties": {
                    "NX101": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "area-codes": {
                                "type": "array",
                                "minItems": 1,
                                "items": {"type": "string", "pattern": "^0[0-9]{2,3}$",
                                          "x-message": "应为以 0 开头的区号，如 \"0951\" / expected an area code such as \"0951\""},
                            },
                        },
                    },
                },
            },
        },
    }
