"""Machine-readable output: ``{"diagnostics": [...], "summary": {...}}``.

The shape is a promise to scripts, so it is written down as a JSON Schema shipped
in the package (reportlint/schemas/output.schema.json) and the tests validate the
output on the examples against it: change both together.
"""

from __future__ import annotations

import json

from reportlint.formatters import FormatOptions, summarize


def format_results(results, options: FormatOptions) -> str:
    diagnostics = [d.to_dict(options.lang) for r in results for d in r.diagnostics]
    summary = summarize(results)
    baselines = getattr(options, "baselines", ())  # reportlint.baseline.BaselineFormatOptions
    if baselines:
        from reportlint.baseline import summary_dict

        summary["baseline"] = summary_dict(baselines)
    return _layout(diagnostics, summary)


def _one_line_encoder():
    """``JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode``, its C encoder made once.

    ``JSONEncoder.encode`` makes a new C encoder at every call, which was most of the
    time of writing a thousand reports' findings. Where the standard library has no C
    encoder (another Python), the plain ``encode``.
    """
    from json import encoder as std

    plain = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
    make = getattr(std, "c_make_encoder", None)
    if make is None:
        return plain.encode
    try:
        chunks = make(None, plain.default, std.encode_basestring, None, ": ", ", ", False, False, True)
    except TypeError:  # another signature than Python 3.11's
        return plain.encode
    return lambda obj: "".join(chunks(obj, 0))


def _layout(diagnostics: list[dict], summary: dict) -> str:
    """The object indented, each diagnostic on one line of its own.

    ``json.dumps(..., indent=2)`` runs the pure-Python encoder, which took longer
    than reading a thousand cached results back; without ``indent`` the C encoder
    writes each diagnostic, and one per line is also the layout to grep.
    """
    encode = _one_line_encoder()
    listed = "[\n    " + ",\n    ".join(map(encode, diagnostics)) + "\n  ]" if diagnostics else "[]"
    totals = json.dumps(summary, ensure_ascii=False, indent=2).replace("\n", "\n  ")  # newlines in strings are escaped
    return '{\n  "diagnostics": ' + listed + ',\n  "summary": ' + totals + "\n}\n"
