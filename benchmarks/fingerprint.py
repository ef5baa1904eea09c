"""Prove that a speed-up changed nothing a user can see.

    python benchmarks/fingerprint.py record before.json      # on the old code
    python benchmarks/fingerprint.py record after.json       # on the new code
    python benchmarks/fingerprint.py compare before.json after.json

A performance change must leave every finding, every position and every
extracted number exactly as it was. The per-rule tests pin the cases someone
thought of; this pins thousands more: the benchmark corpus (all eras and
layouts), the bundled examples, the seeds, the table fixtures, and
deterministic mutations of all of them — lines dropped, doubled, swapped and
spliced in from the faulty examples and the rule documentation's examples,
digits changed, brackets removed, fragments that trip rules inserted,
paragraphs wrapped, CRLF and GB18030 copies.

For each input it records the findings in full (code, span, both messages,
evidence, fixes) and digests of the reader's logical lines, the parsed
structure and the ``extract`` record; a batch of all inputs is also linted
together, so the cross-report rules (X7xx) see their pairs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

from benchmarks.corpus import generate  # noqa: E402

# Pieces that trip (or nearly trip) a rule, inserted into lines at random.
TRIGGERS = [
    "截止目前", "截止到", "截至", "〔2019〕", "[2019]", "【2019】", "(2019)", "第012号", "《《", "《关于<通知>》", "〈",
    "XX", "××", "贵办", "年 月 日", "2019年 月 日", "12月31止", "2月30日", "13月", "09月", "17年", "二〇二〇年",
    "共", "共计15条", "其中：", "其他3条", "占45.5%", "，", ",", "；", "。。", "，，", "（", "）", "“", "”", "(", ")",
    "\t", "12 条", "电话：0951-1234567", "邮箱：a@b.cn", "一、", "（一）", "1.", "（1）", "一.", "（一）、", "1、",
    "本年新收政府信息公开申请", "件", "予以公开", "行政复议", "收费及减免", "概述", "人民政府", "试行", "第三十一条",
]

SHARED_SEEDS = os.path.join(ROOT, "..", "shared", "seeds")


def _texts_in(folder: str) -> list[tuple[str, str]]:
    if not os.path.isdir(folder):
        return []
    out = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                out.append((name, fh.read()))
    return out


def _doc_examples() -> list[list[str]]:
    """The lines of each rule's wrong and right examples (report text that trips a rule, or nearly)."""
    from reportlint.plugins import load_registry

    blocks: list[list[str]] = []
    for rule in load_registry().rules.values():
        current = None
        for line in (rule.__doc__ or "").splitlines():
            stripped = line.strip()
            if stripped in ("示例（错误）", "示例（正确）"):
                current = []
                blocks.append(current)
            elif stripped in ("作用", "为什么", "选项"):
                current = None
            elif current is not None and stripped:
                current.append(stripped)
    return [b for b in blocks if b]


def _mutate(rng: random.Random, text: str, pool: list[str]) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 8)):
        if not lines:
            lines = [""]
        k = rng.randrange(len(lines))
        op = rng.randrange(12)
        line = lines[k]
        if op == 0:
            lines.insert(k, rng.choice(pool))
        elif op == 1:
            del lines[k]
        elif op == 2:
            lines.insert(k, line)
        elif op == 3 and k + 1 < len(lines):
            lines[k], lines[k + 1] = lines[k + 1], line
        elif op == 4:
            digits = [i for i, c in enumerate(line) if c.isdigit()]
            if digits:
                i = rng.choice(digits)
                lines[k] = line[:i] + str(rng.randrange(10)) + line[i + 1:]
        elif op == 5:
            marks = [i for i, c in enumerate(line) if c in "（）《》“”〔〕【】()"]
            if marks:
                i = rng.choice(marks)
                lines[k] = line[:i] + line[i + 1:]
        elif op == 6:
            i = rng.randint(0, len(line))
            lines[k] = line[:i] + rng.choice(TRIGGERS) + line[i:]
        elif op == 7 and len(line) > 30:
            width = rng.randint(18, 40)
            lines[k] = "\n\n".join(line[i:i + width] for i in range(0, len(line), width))
        elif op == 8 and k + 1 < len(lines):
            lines[k] = line + lines.pop(k + 1)
        elif op == 9:
            lines[k] = rng.choice(["  ", "\u3000\u3000", "\t"]) + line
        elif op == 10 and "\t" in line:
            lines[k] = line.replace("\t", " | ")
        elif op == 11:
            lines[k] = line.replace("〔", "[").replace("〕", "]").replace("截至", "截止")
    return "\n".join(lines)


def inputs(corpus: int = 300, mutants: int = 1500, seed: int = 5) -> list[tuple[str, bytes]]:
    """(name, bytes) of every input, the same on every run."""
    bases = [(f"corpus-{n}", t) for n, t in generate(corpus)]
    bases += [(f"small-{n}", t) for n, t in generate(corpus // 3, seed=11, min_kb=3, max_kb=9)]
    fixed = (_texts_in(os.path.join(ROOT, "examples")) + _texts_in(SHARED_SEEDS)
             + _texts_in(os.path.join(ROOT, "tests", "fixtures"))
             + _texts_in(os.path.join(ROOT, "tests", "fixtures", "tables")))
    bases += fixed
    lines = [line for _, t in fixed for line in t.split("\n") if line.strip()]
    examples = _doc_examples()
    example_lines = [line for block in examples for line in block]
    pool = lines + example_lines * max(1, len(lines) // max(len(example_lines), 1))  # as many example lines as others
    rng = random.Random(seed)
    out = [(f"{name}.txt" if not name.endswith(".txt") else name, t.encode("utf-8")) for name, t in bases]
    # Each documented example inside a report of each era, in its first section.
    by_era = [next(t for n, t in bases if f"{year}年政府信息公开" in t.split("\n", 1)[0])
              for year in ("2017", "2020", "2022")]
    for k, block in enumerate(examples):
        for e, base in enumerate(by_era):
            head, rest = base.split("\n\n（一）", 1)
            text = head + "\n\n" + "\n".join(block) + "\n\n（一）" + rest
            out.append((f"example-{k:03d}-{e}.txt", text.encode("utf-8")))
    for i in range(mutants):
        name, text = rng.choice(bases)
        text = _mutate(rng, text, pool)
        if i % 17 == 0:
            data = text.replace("\n", "\r\n").encode("utf-8")
        elif i % 23 == 0:
            data = text.encode("gb18030")
        else:
            data = text.encode("utf-8")
        out.append((f"mutant-{i:04d}-{name.replace('.txt', '')}.txt", data))
    return out


def _digest(value) -> str:
    from reportlint.engine import content_hash

    return content_hash(json.dumps(value, ensure_ascii=False, default=str).encode("utf-8"))


def _logical(source) -> list:
    def one(line):
        return [line.text, line.kind, [(s.offset, s.line, s.column) for s in line.segments], [one(c) for c in line.cells]]

    return [source.layout, sorted(source.roles.items()), [one(line) for line in source.logical]]


def _structure(report) -> list:
    from reportlint.model import Heading, Paragraph, Table

    def block(b):
        if isinstance(b, Heading):
            return ["H", b.lineno, b.text, b.level, b.number, b.marker, b.separator, b.title]
        if isinstance(b, Paragraph):
            return ["P", b.lineno, b.text, b.role]
        if isinstance(b, Table):
            return ["T", b.lineno, [r.texts for r in b.rows]]
        return [type(b).__name__]

    def section(s):
        return [s.heading.lineno, len(s.items), [section(c) for c in s.children]]

    return [report.year, report.era, report.agency, report.agency_kind,
            [(p.start, p.end, p.span) for p in report.periods], report.closing_date,
            [block(b) for b in report.blocks], [section(s) for s in report.sections]]


def _finding(d) -> list:
    return [d.code, d.severity.value, d.span.line, d.span.column, d.span.end_line, d.span.end_column,
            d.message.zh, d.message.en, json.dumps(d.to_dict("en")["evidence"], ensure_ascii=False, sort_keys=True),
            [[e.span.line, e.span.column, e.span.end_line, e.span.end_column, e.replacement] for e in d.fix]]


def record(path: str, corpus: int, mutants: int) -> int:
    from reportlint.engine import Linter
    from reportlint.extract import report_record

    linter = Linter()
    data = inputs(corpus, mutants)
    out: dict = {"inputs": len(data), "files": {}}
    for name, raw in data:
        result = linter.lint_bytes(name, raw)
        entry = {"findings": [_finding(d) for d in result.diagnostics]}
        if result.source is not None:
            entry["logical"] = _digest(_logical(result.source))
        if result.report is not None:
            entry["structure"] = _digest(_structure(result.report))
            entry["extract"] = _digest(report_record(result.report, result.source))
        out["files"][name] = entry
    # The batch, linted together: the cross-report rules pair reports of one agency.
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # relative paths: the findings name files, and must not name the temporary folder
        os.mkdir("batch")
        tmp = "batch"
        for name, raw in data:
            with open(os.path.join(tmp, name), "wb") as fh:
                fh.write(raw)
        # One report per agency and year: with two for last year, which one counts is unknown (no pair).
        seen, paths = set(), []
        for name, raw in data:
            r = linter.lint_bytes(name, raw, rules=False)
            key = (r.agency, r.year)
            if r.report is not None and r.year and key not in seen:
                seen.add(key)
                paths.append(os.path.join(tmp, name))
        results = linter.lint_paths(paths, jobs=1)
        out["batch"] = {os.path.basename(r.path): [_finding(d) for d in r.diagnostics if d.code.startswith("X")]
                        for r in results}
        out["batch"] = {k: v for k, v in out["batch"].items() if v}
        os.chdir(here)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=0, sort_keys=True)
    n = sum(len(e["findings"]) for e in out["files"].values())
    print(f"{len(data)} inputs, {n} findings, {sum(map(len, out['batch'].values()))} cross-report findings -> {path}")
    return 0


def compare(a_path: str, b_path: str) -> int:
    with open(a_path, encoding="utf-8") as fh:
        a = json.load(fh)
    with open(b_path, encoding="utf-8") as fh:
        b = json.load(fh)
    diffs = 0
    for name in sorted(set(a["files"]) | set(b["files"])):
        ea, eb = a["files"].get(name), b["files"].get(name)
        if ea == eb:
            continue
        diffs += 1
        if diffs > 25:
            continue
        print(f"== {name}")
        if ea is None or eb is None:
            print("   only in", a_path if eb is None else b_path)
            continue
        for key in ("logical", "structure", "extract"):
            if ea.get(key) != eb.get(key):
                print(f"   {key} differs")
        fa = [tuple(map(str, f)) for f in ea["findings"]]
        fb = [tuple(map(str, f)) for f in eb["findings"]]
        for f in fa:
            if f not in fb:
                print("   - " + " ".join(f[:8]))
        for f in fb:
            if f not in fa:
                print("   + " + " ".join(f[:8]))
        if sorted(fa) == sorted(fb) and fa != fb:
            print("   findings in another order")
    if a.get("batch") != b.get("batch"):
        diffs += 1
        print("== cross-report findings of the batch differ")
    print(f"{a['inputs']} inputs: {'identical' if not diffs else f'{diffs} differ'}")
    return 1 if diffs else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    rec = sub.add_parser("record", help="lint every input and write the fingerprints")
    rec.add_argument("path")
    rec.add_argument("--corpus", type=int, default=300, help="generated reports (plus a third as many small ones)")
    rec.add_argument("--mutants", type=int, default=1500)
    cmp_ = sub.add_parser("compare", help="exit 1 when two records differ, naming the inputs")
    cmp_.add_argument("a")
    cmp_.add_argument("b")
    args = ap.parse_args(argv)
    if args.cmd == "record":
        return record(args.path, args.corpus, args.mutants)
    return compare(args.a, args.b)


if __name__ == "__main__":
    raise SystemExit(main())
