"""``reportlint extract``: facts and every table cell under its canonical id, as JSON or CSV.

The expected numbers are read from the example files by a deliberately naive
reader in this test (find the row label, take the numbers after it), not from
the extractor, so a test failure means the two disagree about the file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil

import jsonschema
import pytest

from reportlint.cli import main
from reportlint.config import load_schema
from reportlint.extract_cells import catalogue, markdown_table
from reportlint.extract_output import METADATA_COLUMNS, _safe, csv_columns

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")
SEEDS = os.path.join(ROOT, "tests", "fixtures")  # copies of /work/shared/seeds, shipped with the repository
TABLE_FIXTURES = os.path.join(ROOT, "tests", "fixtures", "tables")
CLEAN_2021 = os.path.join(EXAMPLES, "clean-2021-department.txt")
CLEAN_2019 = os.path.join(EXAMPLES, "clean-2019-government-pipes.txt")
FAULTY_2021 = os.path.join(EXAMPLES, "faulty-2021-tables.txt")
FAULTY_2017 = os.path.join(EXAMPLES, "faulty-2017-bureau.txt")
SEED_000 = os.path.join(SEEDS, "000_228735099014d1ff.txt")
SEED_003 = os.path.join(SEEDS, "003_6664134e4a26a987.txt")


def _validator():
    schema = load_schema("extract.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def extract(tmp_path, *args: str, fmt: str = "json", name: str = "out") -> tuple[int, object]:
    out = tmp_path / f"{name}.{fmt}"
    rc = main(["extract", *args, "--format", fmt, "-o", str(out)])
    if fmt == "json":
        return rc, json.loads(out.read_text(encoding="utf-8"))
    return rc, out.read_bytes()


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """examples/ and both seeds, extracted once: (exit code, document, records by file name)."""
    rc, doc = extract(tmp_path_factory.mktemp("extract"), EXAMPLES, SEED_000, SEED_003)
    return rc, doc, {os.path.basename(r["path"]): r for r in doc["reports"]}


def lines_of(path: str) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return fh.read().splitlines()


_VALUE_RE = re.compile(r"[+-]?\d+(?:\.\d+)?(?:万元|元)?|/|-")


def written_after(path: str, label: str, n: int, *, start: str = "二、主动公开政府信息情况") -> list[str]:
    """The first ``n`` value cells written after the line holding ``label`` (same line or the next ones).

    The search begins at the line holding ``start`` (the tables' section), so prose above is not read.
    """
    lines = lines_of(path)
    i = next(k for k, line in enumerate(lines) if start in line)
    i = next(k for k in range(i, len(lines)) if label in lines[k])
    rest, out = lines[i][lines[i].index(label) + len(label):], []
    while True:
        out += [t.strip() for t in re.split(r"[\t|]", rest) if _VALUE_RE.fullmatch(t.strip())]
        if len(out) >= n:
            return out[:n]
        i += 1
        rest = lines[i]


def num(text: str):
    t = text.replace("万元", "").replace("元", "")
    return float(t) if "." in t else int(t)


# --------------------------------------------------------------------------- the document
def test_the_batch_validates_against_the_shipped_schema(batch):
    rc, doc, _ = batch
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator().iter_errors(doc)]
    assert errors == []
    assert rc == 0
    assert doc["summary"] == {"reports": 8, "extracted": 8, "failed": 0}
    assert doc["version"] == 1


def test_every_record_has_every_key(batch):
    _, doc, _ = batch
    keys = {"path", "error", "title", "agency", "agency_kind", "year", "era", "period", "closing_date", "sections", "tables"}
    assert all(set(r) == keys for r in doc["reports"])


def test_directories_are_expanded_like_check(batch):
    _, _, by_name = batch
    assert sorted(n for n in by_name if not n[0].isdigit()) == sorted(
        n for n in os.listdir(EXAMPLES) if n.endswith(".txt"))


def test_schema_is_shipped_as_package_data():
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as fh:
        assert '"reportlint" = ["schemas/*.json"]' in fh.read()


def test_cell_id_patterns_of_the_schema_cover_the_whole_catalogue():
    tables = load_schema("extract.schema.json")["$defs"]["report"]["properties"]["tables"]["properties"]
    for spec in catalogue():
        pattern = tables[spec.table]["oneOf"][1]["properties"]["cells"]["propertyNames"]["pattern"]
        assert re.fullmatch(pattern, spec.id), spec.id
    assert len({c.id for c in catalogue()}) == len(catalogue())


# --------------------------------------------------------------------------- facts
def test_facts_of_each_example(batch):
    _, _, r = batch
    want = {
        "clean-2021-department.txt": ("安平市市场监督管理局", "department", 2022, "fmt2021", "2023-01-16"),
        "clean-2019-government-pipes.txt": ("安平市南湖区人民政府", "government", 2020, "fmt2019", "2021-03-19"),
        "faulty-2021-tables.txt": ("安平市住房和城乡建设局", "department", 2021, "fmt2021", "2022-01-21"),
        "clean-2017-department.txt": ("安平市河西区人力资源和社会保障局", "department", 2017, "reg2008", "2018-01-26"),
        "faulty-2017-bureau.txt": ("安平市东兴区国土资源局", "department", 2017, "reg2008", "2018-02-09"),
        "faulty-2018-township-wrapped.txt": ("安平市河西区柳泉镇人民政府", "township", 2018, "reg2008", "2019-04-15"),
        "000_228735099014d1ff.txt": ("吴忠市利通区机关事务管理局", "department", 2017, "reg2008", "2017-12-31"),
        "003_6664134e4a26a987.txt": ("吴忠市利通区安全生产监督管理局", "department", 2017, "reg2008", "2018-02-28"),
    }
    for name, (agency, kind, year, era, closing) in want.items():
        rec = r[name]
        assert (rec["agency"], rec["agency_kind"], rec["year"], rec["era"], rec["closing_date"]) == \
            (agency, kind, year, era, closing), name
        assert rec["error"] is None
        path = os.path.join(EXAMPLES if not name[0].isdigit() else SEEDS, name)
        first = next(line.strip() for line in lines_of(path) if line.strip())
        assert rec["title"].startswith(first) and f"{year}" in rec["title"]  # the township title is wrapped
    # The township report states a period that is not the whole year (its planted D403).
    assert r["faulty-2018-township-wrapped.txt"]["period"] == {"start": "2018-01-01", "end": "2018-11-30"}
    assert r["clean-2021-department.txt"]["period"] == {"start": "2022-01-01", "end": "2022-12-31"}


def test_sections_and_their_canonical_numbers(batch):
    _, _, r = batch
    rec = r["clean-2021-department.txt"]
    top = rec["sections"]
    assert [s["heading"] for s in top] == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                          "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    assert [s["canonical"] for s in top] == [1, 2, 3, 4, 5, 6]
    lines = lines_of(CLEAN_2021)
    assert all(lines[s["line"] - 1] == s["heading"] for s in top)
    assert [c["title"] for c in top[0]["subsections"]] == ["主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"]
    assert top[0]["subsections"][0]["level"] == 2 and top[0]["subsections"][0]["marker"] == "（一）"
    # reg2008: the content items of art. 32; the faulty bureau report has no 收费及减免 section (its planted S101).
    legacy = r["faulty-2017-bureau.txt"]["sections"]
    assert legacy[0]["heading"] == "一、概述" and legacy[0]["canonical"] is None
    assert [s["canonical"] for s in legacy if s["canonical"]] == [1, 2, 4, 5, 6]
    assert legacy[1]["canonical_heading"] == "（一）主动公开政府信息的情况"


def test_reg2008_reports_have_no_tables(batch):
    _, _, r = batch
    for name in ("clean-2017-department.txt", "faulty-2017-bureau.txt", "000_228735099014d1ff.txt"):
        assert r[name]["tables"] == {"t2": None, "t3": None, "t4": None}



def test_a_table_in_a_reg2008_report_is_read_not_a_crash(tmp_path):
    # A 2017 report (no national table format yet) that pastes a piece of table 三 anyway:
    # extraction reads it under the current labels instead of failing on the era.
    with open(os.path.join(EXAMPLES, "clean-2017-department.txt"), encoding="utf-8") as fh:
        text = fh.read()
    head, tail = text.split("\n四、", 1)
    row = "二、上年结转政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3"
    path = tmp_path / "reg2008-with-table.txt"
    path.write_text(f"{head}\n{row}\n\n四、{tail}", encoding="utf-8")
    rc, doc = extract(tmp_path, str(path))
    assert rc == 0 and not list(_validator().iter_errors(doc))
    t3 = doc["reports"][0]["tables"]["t3"]
    assert t3["cells"]["t3.carried.total"]["value"] == 3 and t3["cells"]["t3.new.total"]["status"] == "missing"

# --------------------------------------------------------------------------- cells against the files
T3_ROWS = {  # row id -> the label as the example files write it
    "t3.new": "一、本年新收政府信息公开申请数量",
    "t3.carried": "二、上年结转政府信息公开申请数量",
    "t3.granted": "（一）予以公开",
    "t3.refused_4": "4.保护第三方合法权益",
    "t3.unable_1": "1.本机关不掌握相关政府信息",
    "t3.rejected_2": "2.重复申请",
    "t3.total": "（七）总计",
    "t3.carry_next": "四、结转下年度继续办理",
}
T3_COLUMNS = ("natural", "business", "research", "public_interest", "legal_services", "other", "total")


@pytest.mark.parametrize("name", ["clean-2021-department.txt", "faulty-2021-tables.txt", "clean-2019-government-pipes.txt"])
def test_table_three_cells_are_the_numbers_written(batch, name):
    _, _, r = batch
    path = os.path.join(EXAMPLES, name)
    cells = r[name]["tables"]["t3"]["cells"]
    lines = lines_of(path)
    for row, label in T3_ROWS.items():
        written = written_after(path, label, 7, start="三、收到和处理")
        for col, text in zip(T3_COLUMNS, written):
            cell = cells[f"{row}.{col}"]
            assert (cell["text"], cell["value"], cell["status"]) == (text, int(text), "ok"), (name, row, col)
            assert text in lines[cell["line"] - 1]


def test_table_three_of_2021_has_three_other_rows_and_2019_one(batch):
    _, _, r = batch
    t21 = r["clean-2021-department.txt"]["tables"]["t3"]
    t19 = r["clean-2019-government-pipes.txt"]["tables"]["t3"]
    assert t21["format"] == "fmt2021" and t19["format"] == "fmt2019"
    assert "t3.other_3.total" in t21["cells"] and "t3.other.total" not in t21["cells"]
    assert "t3.other.total" in t19["cells"] and "t3.other_1.total" not in t19["cells"]
    # 2021: "3.其他  1 1 0 0 0 0 2"
    assert [t21["cells"][f"t3.other_3.{c}"]["value"] for c in T3_COLUMNS] == [1, 1, 0, 0, 0, 0, 2]
    assert t21["missing_rows"] == [] and t21["extra_cells"] == []
    assert len(t21["cells"]) == 25 * 7 and len(t19["cells"]) == 23 * 7


def test_table_four_cells(batch):
    _, _, r = batch
    for name in ("clean-2021-department.txt", "faulty-2021-tables.txt", "clean-2019-government-pipes.txt"):
        path = os.path.join(EXAMPLES, name)
        lines = [line for line in lines_of(path) if re.fullmatch(r"[\d\t| ]+", line) and len(re.findall(r"\d+", line)) == 15]
        written = re.findall(r"\d+", lines[-1])
        t4 = r[name]["tables"]["t4"]
        assert t4["format"] is None
        got = [c["text"] for c in t4["cells"].values()]
        assert got == written, name
    cells = r["clean-2021-department.txt"]["tables"]["t4"]["cells"]
    assert cells["t4.review.total"]["value"] == 4 and cells["t4.direct_suit.total"]["value"] == 2
    assert cells["t4.review.total"]["label"] == "表四 · 行政复议 · 总计"


def test_table_two_cells_keep_what_was_written(batch):
    _, _, r = batch
    t2 = r["clean-2021-department.txt"]["tables"]["t2"]["cells"]
    written = written_after(CLEAN_2021, "行政规范性文件", 3, start="第二十条第（一）项")
    assert [t2[f"t2.fmt2021.1.normative.{c}"]["value"] for c in ("issued", "repealed", "in_force")] == [int(w) for w in written]
    fee = t2["t2.fmt2021.8.fees.amount"]
    assert (fee["text"], fee["value"], fee["unit"]) == (written_after(CLEAN_2021, "行政事业性收费", 1)[0], 3.42, "万元")
    assert t2["t2.fmt2021.6.penalty.decisions"]["value"] == num(written_after(CLEAN_2021, "行政处罚", 1)[0])
    # The faulty report writes "/" for 行政强制: kept as written, no number.
    bad = r["faulty-2021-tables.txt"]["tables"]["t2"]["cells"]["t2.fmt2021.6.coercion.decisions"]
    assert written_after(FAULTY_2021, "行政强制", 1) == ["/"]
    assert (bad["text"], bad["value"], bad["status"]) == ("/", None, "placeholder")
    # fmt2019: signed changes and an amount with its unit in the cell.
    t19 = r["clean-2019-government-pipes.txt"]["tables"]["t2"]["cells"]
    prior, change, decisions = written_after(CLEAN_2019, "其他对外管理服务事项", 3)
    assert [t19[f"t2.fmt2019.5.other_services.{c}"]["text"] for c in ("items_last_year", "change", "decisions")] == \
        [prior, change, decisions]
    assert t19["t2.fmt2019.5.other_services.change"]["value"] == int(change) < 0
    assert t19["t2.fmt2019.5.licensing.change"]["text"] == "+5" and t19["t2.fmt2019.5.licensing.change"]["value"] == 5
    projects, amount = written_after(CLEAN_2019, "政府集中采购", 2)
    buy = t19["t2.fmt2019.9.procurement.amount"]
    assert (buy["text"], buy["value"], buy["unit"]) == (amount, num(amount), "万元")
    assert t19["t2.fmt2019.9.procurement.projects"]["value"] == int(projects)


def test_every_layout_of_table_three_gives_the_same_cells(tmp_path):
    with open(os.path.join(TABLE_FIXTURES, "t3-values.json"), encoding="utf-8") as fh:
        want = json.load(fh)
    names = ["t3-tabs.txt", "t3-pipes.txt", "t3-markdown.txt", "t3-cell-per-line.txt", "t3-label-then-numbers.txt"]
    rc, doc = extract(tmp_path, *(os.path.join(TABLE_FIXTURES, n) for n in names))
    assert rc == 0
    for rec in doc["reports"]:
        cells = rec["tables"]["t3"]["cells"]
        for key, values in want.items():
            row = "t3." + key.replace(".", "_")
            assert [cells[f"{row}.{c}"]["value"] for c in T3_COLUMNS] == values, (rec["path"], key)


def test_a_cut_off_table_lists_its_missing_rows(tmp_path):
    rc, doc = extract(tmp_path, os.path.join(TABLE_FIXTURES, "t3-cut-off.txt"))
    t3 = doc["reports"][0]["tables"]["t3"]
    assert "t3.carry_next" in t3["missing_rows"] and "t3.new" not in t3["missing_rows"]
    cell = t3["cells"]["t3.carry_next.total"]
    assert (cell["text"], cell["value"], cell["status"], cell["line"]) == (None, None, "missing", None)
    assert t3["cells"]["t3.new.total"]["status"] == "ok"
    assert not list(_validator().iter_errors(doc))


def test_word_document_gives_the_same_cells_with_locators(tmp_path):
    from readers.generate import docx_from_text

    with open(CLEAN_2021, encoding="utf-8") as fh:
        text = fh.read()
    path = tmp_path / "clean-2021-department.docx"
    docx_from_text(text, str(path))
    _, doc = extract(tmp_path, str(path), CLEAN_2021)
    word, plain = doc["reports"]
    assert not list(_validator().iter_errors(doc))
    for key in ("agency", "year", "era", "period", "closing_date"):
        assert word[key] == plain[key]
    for table in ("t2", "t3", "t4"):
        assert {k: c["value"] for k, c in word["tables"][table]["cells"].items()} == \
            {k: c["value"] for k, c in plain["tables"][table]["cells"].items()}
    cell = word["tables"]["t3"]["cells"]["t3.new.total"]
    assert re.fullmatch(r"t\d+r\d+c\d+", cell["locator"])
    assert plain["tables"]["t3"]["cells"]["t3.new.total"]["locator"] is None
    assert re.fullmatch(r"p\d+", word["sections"][0]["locator"])


# --------------------------------------------------------------------------- configuration
def test_configured_era_and_agency_kind_apply(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(CLEAN_2021, folder)
    (folder / "reportlint.toml").write_text('era = "fmt2019"\nagency-kind = "government"\n', encoding="utf-8")
    _, doc = extract(tmp_path, str(folder))
    (rec,) = doc["reports"]
    assert (rec["era"], rec["agency_kind"]) == ("fmt2019", "government")
    # The table's own labels still show the 2021 format.
    assert rec["tables"]["t3"]["format"] == "fmt2021" and rec["tables"]["t3"]["format_from_labels"]
    _, doc = extract(tmp_path, str(folder), "--isolated", name="isolated")
    assert (doc["reports"][0]["era"], doc["reports"][0]["agency_kind"]) == ("fmt2021", "department")


# --------------------------------------------------------------------------- failures
def test_unreadable_and_unstructured_files_become_error_entries(tmp_path):
    prose = tmp_path / "notes.txt"
    prose.write_text("这只是一段说明文字，没有任何章节标题。\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    rc, doc = extract(tmp_path, str(prose), str(missing), CLEAN_2021)
    assert rc == 1
    assert not list(_validator().iter_errors(doc))
    bad, gone, good = doc["reports"]
    assert bad["error"]["code"] == "E002" and gone["error"]["code"] == "E001"
    assert "无法" in gone["error"]["message"]
    assert bad["sections"] == [] and bad["tables"] == {"t2": None, "t3": None, "t4": None} and bad["agency"] is None
    assert good["error"] is None
    assert doc["summary"] == {"reports": 3, "extracted": 1, "failed": 2}
    rc, doc = extract(tmp_path, str(missing), "--lang", "en", name="en")
    assert rc == 1 and doc["reports"][0]["error"]["message"].startswith("cannot read file")


def test_error_entry_even_when_the_configuration_switches_e002_off(tmp_path):
    (tmp_path / "reportlint.toml").write_text('ignore = ["E002"]\n', encoding="utf-8")
    prose = tmp_path / "notes.txt"
    prose.write_text("没有章节标题的文字。\n", encoding="utf-8")
    rc, doc = extract(tmp_path, str(prose))
    assert rc == 1 and doc["reports"][0]["error"]["code"] == "E002"


def test_stderr_names_the_failures_in_the_chosen_language(tmp_path, capsys):
    rc = main(["extract", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.json"), "--lang", "en"])
    err = capsys.readouterr().err
    assert rc == 1 and "E001" in err and "could not be extracted" in err


def test_usage_errors_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract", CLEAN_2021, "--format", "xml"])
    assert exc.value.code == 2
    assert main(["extract", CLEAN_2021, "-o", str(tmp_path)]) == 2
    assert main(["extract", CLEAN_2021, "-o", str(tmp_path / "no" / "such" / "dir.json")]) == 2


def test_json_goes_to_stdout_by_default(capsys):
    assert main(["extract", CLEAN_2021, "--lang", "en"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["reports"][0]["tables"]["t3"]["cells"]["t3.new.total"]["label"] == "Table III · I. new applications this year · total"


# --------------------------------------------------------------------------- csv
def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for Excel"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_one_row_per_report_with_a_fixed_header(tmp_path):
    missing = str(tmp_path / "missing.txt")
    rc, data = extract(tmp_path, EXAMPLES, SEED_000, SEED_003, missing, fmt="csv")
    assert rc == 1
    rows = read_csv(data)
    header, body = rows[0], rows[1:]
    assert header == list(csv_columns())
    assert header[: len(METADATA_COLUMNS)] == list(METADATA_COLUMNS)
    assert len(header) == len(METADATA_COLUMNS) + len(catalogue()) == len(set(header))
    assert len(body) == 9 and all(len(row) == len(header) for row in body)
    by = {os.path.basename(row[0]): dict(zip(header, row)) for row in body}
    clean = by["clean-2021-department.txt"]
    assert (clean["agency"], clean["year"], clean["era"], clean["closing_date"]) == ("安平市市场监督管理局", "2022", "fmt2021", "2023-01-16")
    assert clean["sections"] == "1 2 3 4 5 6" and clean["tables"] == "t2 t3 t4"
    assert clean["t3.new.total"] == written_after(CLEAN_2021, "一、本年新收政府信息公开申请数量", 7)[-1]
    assert clean["t2.fmt2021.8.fees.amount"] == "3.42"
    assert clean["t2.fmt2019.5.licensing.change"] == "" and clean["t3.other.total"] == ""
    assert by["faulty-2021-tables.txt"]["t2.fmt2021.6.coercion.decisions"] == "/"
    pipes = by["clean-2019-government-pipes.txt"]
    assert pipes["t2.fmt2019.5.licensing.change"] == "+5" and pipes["t2.fmt2019.9.procurement.amount"] == "3427.65万元"
    assert by["faulty-2017-bureau.txt"]["sections"] == "1 2 4 5 6" and by["faulty-2017-bureau.txt"]["tables"] == ""
    assert by["missing.txt"]["error_code"] == "E001" and by["missing.txt"]["agency"] == ""
    assert data.count(b"\r\n") == len(rows)


def test_csv_header_does_not_depend_on_the_batch(tmp_path):
    _, one = extract(tmp_path, FAULTY_2017, fmt="csv", name="one")
    _, other = extract(tmp_path, CLEAN_2019, "--lang", "en", fmt="csv", name="two")
    assert read_csv(one)[0] == read_csv(other)[0]


def test_csv_neutralises_spreadsheet_formulas():
    assert _safe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert _safe("@SUM(A1)") == "'@SUM(A1)" and _safe("-1+2") == "'-1+2"
    assert _safe("+3") == "+3" and _safe("-8") == "-8" and _safe("-") == "-" and _safe("3.42") == "3.42"
    assert _safe("安平市") == "安平市"


# --------------------------------------------------------------------------- docs
def test_docs_list_every_cell_id():
    with open(os.path.join(ROOT, "docs", "extract.md"), encoding="utf-8") as fh:
        text = fh.read()
    block = text.split("<!-- cells:start -->\n", 1)[1].split("\n<!-- cells:end -->", 1)[0]
    assert block == markdown_table(), "regenerate with: python -c 'from reportlint.extract_cells import markdown_table; print(markdown_table())'"
    for column in METADATA_COLUMNS:
        assert f"`{column}`" in text
