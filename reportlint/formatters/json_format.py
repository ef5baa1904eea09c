"""Machine-readable output: ``{"diagnostics": [...], "summary": {...}}``.

The shape is a promise to scripts, so it is written down as a JSON Schema shipped
in the package (reportlint/schemas/output.schema.json) and the tests validate the
output on the examples against it: change both together.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C version where there is one (ensure_ascii=False)

from reportlint.engine import JsonEvidence, jsonable_evidence
from reportlint.formatters import FormatOptions, summarize


def format_results(results, options: FormatOptions) -> str:
    summary = summarize(results)
    baselines = getattr(options, "baselines", ())  # reportlint.baseline.BaselineFormatOptions
    if baselines:
        from reportlint.baseline import summary_dict

        summary["baseline"] = summary_dict(baselines)
    return _layout(_diagnostic_lines(results, options.lang), summary)


def _diagnostic_lines(results, lang: str) -> list[str]:
    """Each diagnostic as the line of JSON that encoding ``d.to_dict(lang)`` gives, from a template.

    Building a dict per finding and encoding it was a fifth of a re-run answered
    from the cache (thousands of findings, ~5 µs each); here only the strings and
    the evidence go through the C encoder, the file's path once per file.
    tests/formatters/test_output_json.py holds the template to ``to_dict``.
    """
    encode = _one_line_encoder()
    string = encode_basestring
    out = []
    for r in results:
        path = r.path
        head = '{"path": ' + string(path) + ', "code": '
        for d in r.diagnostics:
            if d.path != path:  # never made so by reportlint itself, but a finding says which file it is in
                path = d.path
                head = '{"path": ' + string(path) + ', "code": '
            s = d.span
            evidence = d.evidence
            if evidence.__class__ is not JsonEvidence:
                evidence = jsonable_evidence(evidence)
            out.append(f'{head}{string(d.code)}, "name": {string(d.name)}, "severity": {string(d.severity._value_)}, '
                       f'"line": {int(s.line)}, "column": {int(s.column)}, "end_line": {int(s.end_line)}, '
                       f'"end_column": {int(s.end_column)}, "message": {string(d.message.get(lang))}, '
                       f'"evidence": {encode(evidence) if evidence else "{}"}, "fixable": {"true" if d.fix else "false"}, '
                       f'"locator": {"null" if d.locator is None else string(d.locator)}}}')
    return out


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


def _layout(diagnostics: list[str], summary: dict) -> str:
    """The object indented, each diagnostic (already encoded) on one line of its own.

    ``json.dumps(..., indent=2)`` runs the pure-Python encoder, which took longer
    than reading a thousand cached results back; one diagnostic per line is also
    the layout to grep.
    """
    listed = "[\n    " + ",\n    ".join(diagnostics) + "\n  ]" if diagnostics else "[]"
    totals = json.dumps(summary, ensure_ascii=False, indent=2).replace("\n", "\n  ")  # newlines in strings are escaped
    return '{\n  "diagnostics": ' + listed + ',\n  "summary": ' + totals + "\n}\n"
