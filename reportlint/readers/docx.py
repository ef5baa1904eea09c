"""Word documents (.docx): paragraphs and tables in document order, places as paragraph or cell.

The package is checked before anything is decompressed: it must be a zip (an
old binary .doc or an encrypted document is an OLE file and is named as
such), hold the parts a Word document needs, and declare uncompressed sizes
within bounds in its zip directory — a zip bomb is refused from the directory
alone, and :mod:`zipfile` never inflates a member past its declared size. No
XML part may carry a document type declaration (OOXML never has one), so an
entity-expansion file is refused before it is parsed; python-docx's own parser
does not resolve entities either.

The document is then rendered one line per paragraph and one line per table
row, each with a locator (:attr:`reportlint.source.Source.locators`):

* a paragraph is ``p<N>``, N counting the body's non-empty paragraphs; text
  comes from the runs as Word shows it (insertions kept, deletions, field
  codes and hidden text left out, a soft line break starts a new line of the
  same paragraph). A heading numbered by Word's automatic numbering gets its
  label rendered from numbering.xml (``chineseCounting`` → 一, ``ideographTraditional``
  → 甲, ``decimal`` …, through the level's ``lvlText`` such as "%1、" or
  "（%1）"), so the structure rules see "一、" where the reader sees it.
* a table row is ``t<T>r<R>``, its cells joined by tabs, with ``gridSpan`` and
  ``vMerge`` expanded so a merged cell keeps its text in its first grid cell
  and leaves the others empty — the grid the text reader gets from the same
  table typed with tabs. A finding in a row reads as "表格 T 第 R 行第 C 列".

The lines then go through the same repair as a text file.
"""

from __future__ import annotations

import io
import re
import zipfile

from reportlint.readers import ReadError, check_text_chars
from reportlint.readers.repair import VALUE_RE, repair
from reportlint.source import Source
from reportlint.records import Record

MAX_PART_BYTES = 64 * 1024 * 1024  # uncompressed size of one member
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # uncompressed size of all members
MAX_MEMBERS = 10_000
_MAX_SPAN = 64

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD_MARKS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"),
              "<!ENTITY".encode("utf-16-le"), "<!ENTITY".encode("utf-16-be"))

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _mb(n: int) -> str:
    return f"{n / 1048576:.0f} MB"


def check_package(data: bytes) -> None:
    """Refuse what is not a safe .docx package, from the zip directory alone."""
    if data.startswith(_OLE_MAGIC):
        raise ReadError("不是 .docx（zip）文件，而是旧版 Word .doc 或加密文档：请在 Word 中另存为未加密的 .docx",
                        "not a .docx (zip) file but an old binary Word .doc or an encrypted document: "
                        "save it as an unencrypted .docx in Word")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise ReadError(f"不是有效的 .docx 文件：不是 zip 压缩包（{exc}）",
                        f"not a valid .docx file: not a zip archive ({exc})") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ReadError(f".docx 压缩包内文件过多（{len(infos)} 个，上限 {MAX_MEMBERS}）",
                            f".docx archive holds too many members ({len(infos)}, limit {MAX_MEMBERS})")
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise ReadError(f".docx 中的部件 {info.filename} 已加密", f"part {info.filename} of the .docx is encrypted")
            if info.file_size > MAX_PART_BYTES:
                raise ReadError(f".docx 中的部件 {info.filename} 解压后为 {_mb(info.file_size)}，超过上限 {_mb(MAX_PART_BYTES)}"
                                "（疑似压缩炸弹），拒绝读取",
                                f"part {info.filename} of the .docx unpacks to {_mb(info.file_size)}, over the "
                                f"{_mb(MAX_PART_BYTES)} limit (a zip bomb?): refused")
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise ReadError(f".docx 解压后共 {_mb(total)}，超过上限 {_mb(MAX_TOTAL_BYTES)}（疑似压缩炸弹），拒绝读取",
                            f".docx unpacks to {_mb(total)} in all, over the {_mb(MAX_TOTAL_BYTES)} limit "
                            "(a zip bomb?): refused")
        names = {i.filename for i in infos}
        for required in ("[Content_Types].xml", "_rels/.rels", "word/document.xml"):
            if required not in names:
                raise ReadError(f"不是完整的 Word 文档：缺少部件 {required}",
                                f"not a complete Word document: part {required} is missing")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                try:
                    content = zf.read(info)
                except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
                        NotImplementedError) as exc:
                    raise ReadError(f".docx 中的部件 {info.filename} 已损坏（{exc}）",
                                    f"part {info.filename} of the .docx is damaged ({exc})") from None
                if any(mark in content for mark in _DTD_MARKS):
                    raise ReadError(f".docx 中的部件 {info.filename} 含有 DTD/实体声明（Word 文档从不含有，"
                                    "可能是实体膨胀攻击），拒绝读取",
                                    f"part {info.filename} of the .docx carries a DTD/entity declaration (Word "
                                    "never writes one; an entity-expansion attack?): refused")


# ---------------------------------------------------------------------------- numbering
_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def chinese_counting(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, 110 → 一百一十."""
    if n <= 0:
        return digits[0]
    if n >= 10000:
        return str(n)
    out = ""
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d:
            if zero and out:
                out += "零"
            out += digits[d] + unit
            zero = False
        elif out:
            zero = True
    if n < 20 and out.startswith(digits[1] + units[0]):
        out = out[1:]  # 十二, not 一十二
    return out


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """Word's ``w:numFmt`` applied to ``n``."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "japaneseDigitalTenThousand"):
        return chinese_counting(n)
    if fmt == "chineseLegalSimplified":
        return chinese_counting(n, _CN_LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)


class _Level(Record):
    __slots__ = ("start", "fmt", "text", "suff", "legal", "style")

    def __init__(self, start: int = 1, fmt: str = "decimal", text: str = "", suff: str = "tab", legal: bool = False,
                 style: str | None = None) -> None:
        self.start = start
        self.fmt = fmt
        self.text = text
        self.suff = suff
        self.legal = legal
        self.style = style


def _val(parent, name: str) -> str | None:
    if parent is None:
        return None
    el = parent.find(_W + name)
    return None if el is None else el.get(_W + "val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Numbering:
    """Renders automatic-numbering labels in document order, counting as Word does."""

    def __init__(self, numbering_el, styles_el) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        if numbering_el is not None:
            for an in numbering_el.findall(_W + "abstractNum"):
                self.abstract[an.get(_W + "abstractNumId")] = {
                    _int(lvl.get(_W + "ilvl"), 0): self._level(lvl) for lvl in an.findall(_W + "lvl")}
            for num in numbering_el.findall(_W + "num"):
                starts, levels = {}, {}
                for ov in num.findall(_W + "lvlOverride"):
                    ilvl = _int(ov.get(_W + "ilvl"), 0)
                    if _val(ov, "startOverride") is not None:
                        starts[ilvl] = _int(_val(ov, "startOverride"), 1)
                    if ov.find(_W + "lvl") is not None:
                        levels[ilvl] = self._level(ov.find(_W + "lvl"))
                self.nums[num.get(_W + "numId")] = (_val(num, "abstractNumId") or "", starts, levels)
        if styles_el is not None:
            self._styles(styles_el)

    @staticmethod
    def _level(lvl) -> _Level:
        return _Level(start=_int(_val(lvl, "start"), 1), fmt=_val(lvl, "numFmt") or "decimal",
                      text=_val(lvl, "lvlText") or "", suff=_val(lvl, "suff") or "tab",
                      legal=lvl.find(_W + "isLgl") is not None, style=_val(lvl, "pStyle"))

    def _styles(self, styles_el) -> None:
        raw: dict[str, tuple[str | None, str | None, str | None]] = {}
        self.default_style = None
        for st in styles_el.findall(_W + "style"):
            sid = st.get(_W + "styleId")
            if st.get(_W + "type") == "paragraph" and st.get(_W + "default") in ("1", "true", "on"):
                self.default_style = sid
            numpr = st.find(f"{_W}pPr/{_W}numPr")
            raw[sid] = (_val(numpr, "numId"), _val(numpr, "ilvl"), _val(st, "basedOn"))
        for sid in raw:
            num_id = ilvl = None
            seen, cur = set(), sid
            while cur in raw and cur not in seen:  # the basedOn chain
                seen.add(cur)
                n, i, based = raw[cur]
                num_id = num_id if num_id is not None else n
                ilvl = ilvl if ilvl is not None else i
                cur = based
            self.style_num[sid] = (num_id, _int(ilvl, 0) if ilvl is not None else None)

    def label(self, p) -> str | None:
        """The label of paragraph ``p`` ("一、", "（二）"), or None when it is not numbered."""
        if not self.nums:
            return None
        ppr = p.find(_W + "pPr")
        numpr = ppr.find(_W + "numPr") if ppr is not None else None
        style = _val(ppr, "pStyle") or getattr(self, "default_style", None)
        s_num, s_ilvl = self.style_num.get(style, (None, None)) if style else (None, None)
        num_id = _val(numpr, "numId") or s_num
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        aid, starts, overrides = self.nums[num_id]
        levels = {**self.abstract.get(aid, {}), **overrides}
        if _val(numpr, "ilvl") is not None:
            ilvl = _int(_val(numpr, "ilvl"), 0)
        elif s_ilvl is not None:
            ilvl = s_ilvl
        else:
            ilvl = next((k for k, lv in levels.items() if lv.style and lv.style == style), 0)
        level = levels.get(ilvl)
        if level is None:
            return None
        key = f"n{num_id}" if starts else f"a{aid}"
        counters = self.counters.setdefault(key, [None] * 10)
        start = starts.get(ilvl, level.start)
        counters[ilvl] = start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = None
        if level.fmt == "bullet":
            return None

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, _Level())
            value = counters[k] if k < len(counters) and counters[k] is not None else starts.get(k, lv.start)
            return format_number(value, "decimal" if level.legal and k != ilvl else lv.fmt)

        text = re.sub(r"%([1-9])", sub, level.text)
        if not text:
            return None
        if level.suff in ("tab", "space") and text[-1] not in "、.．)）:：，,":
            text += " "
        return text


# ---------------------------------------------------------------------------- text of runs
_TEXT_SKIP = {_W + n for n in ("pPr", "rPr", "del", "moveFrom", "delText", "delInstrText", "instrText", "drawing",
                               "pict", "object", "fldChar", "commentReference", "footnoteReference",
                               "endnoteReference", "annotationRef", "lastRenderedPageBreak", "bookmarkStart",
                               "bookmarkEnd", "proofErr", "softHyphen", "sectPr")}
_OFF = ("0", "false", "off")


def _hidden(run) -> bool:
    rpr = run.find(_W + "rPr")
    if rpr is None:
        return False
    vanish = rpr.find(_W + "vanish")
    return vanish is not None and vanish.get(_W + "val") not in _OFF


def _runs_text(el, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _TEXT_SKIP or tag.startswith(_MC):
            continue
        if tag == _W + "t":
            out.append(child.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            out.append("\t")
        elif tag == _W + "br":
            if child.get(_W + "type") in (None, "textWrapping"):
                out.append("\n")
        elif tag == _W + "cr":
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        elif tag == _W + "sym":
            pass
        elif tag == _W + "r":
            if not _hidden(child):
                _runs_text(child, out)
        else:  # hyperlink, ins, smartTag, fldSimple, sdt, sdtContent, customXml, moveTo …
            _runs_text(child, out)


def _tabs(text: str) -> str:
    """Tabs in a paragraph: kept when the paragraph is a table row typed with tabs, else spaces."""
    core = text.strip("\t")
    if "\t" not in core:
        return core
    parts = [p.strip() for p in core.split("\t") if p.strip()]
    if len(parts) >= 3 or (len(parts) >= 2 and any(VALUE_RE.match(p) for p in parts[1:])):
        return core
    return re.sub(r"\t+", " ", core)


# ---------------------------------------------------------------------------- the document
_CONTAINERS = {_W + n for n in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")}


def _children(parent, tags: frozenset[str]):
    """Children of ``parent`` with one of ``tags``, in document order, also inside content
    controls, custom XML and tracked insertions (which wrap paragraphs, rows and cells alike)."""
    for child in parent:
        if child.tag in tags:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, tags)


_BLOCK_TAGS = frozenset({_W + "p", _W + "tbl"})
_ROW_TAGS = frozenset({_W + "tr"})
_CELL_TAGS = frozenset({_W + "tc"})


def _blocks(parent):
    """Paragraphs and tables of ``parent`` in document order."""
    return _children(parent, _BLOCK_TAGS)


def _rows(tbl):
    return _children(tbl, _ROW_TAGS)


def _cells(tr):
    return _children(tr, _CELL_TAGS)


class _Renderer:
    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.lines: list[str] = []
        self.locators: list[str] = []
        self.paragraphs = 0
        self.tables = 0

    def paragraph_text(self, p) -> str:
        out: list[str] = []
        _runs_text(p, out)
        label = self.numbering.label(p)
        return (label or "") + "".join(out).replace("\r", "")

    def paragraph(self, p) -> None:
        text = self.paragraph_text(p)
        if not text.strip():
            return
        self.paragraphs += 1
        for part in text.split("\n"):
            self.lines.append(_tabs(part))
            self.locators.append(f"p{self.paragraphs}")

    def cell_text(self, tc) -> str:
        pieces: list[str] = []
        for block in _blocks(tc):
            if block.tag == _W + "p":
                pieces.append(self.paragraph_text(block))
            else:  # a nested table: its cells' text in reading order
                for row in self.grid(block):
                    pieces.extend(row)
        text = ""
        for piece in pieces:
            piece = re.sub(r"[\t\n]+", " ", piece).strip()
            if not piece:
                continue
            if text and text[-1].isascii() and text[-1].isalnum() and piece[0].isascii() and piece[0].isalnum():
                text += " "
            text += piece
        return text

    def grid(self, tbl) -> list[list[str]]:
        rows: list[list[str]] = []
        for tr in _rows(tbl):
            trpr = tr.find(_W + "trPr")
            cells = [""] * min(_int(_val(trpr, "gridBefore"), 0), _MAX_SPAN)
            for tc in _cells(tr):
                tcpr = tc.find(_W + "tcPr")
                span = min(max(_int(_val(tcpr, "gridSpan"), 1), 1), _MAX_SPAN)
                merged = False
                for name in ("vMerge", "hMerge"):
                    el = tcpr.find(_W + name) if tcpr is not None else None
                    if el is not None and el.get(_W + "val") in (None, "continue"):
                        merged = True
                cells.append("" if merged else self.cell_text(tc))
                cells.extend([""] * (span - 1))
            cells.extend([""] * min(_int(_val(trpr, "gridAfter"), 0), _MAX_SPAN))
            rows.append(cells)
        grid_cols = tbl.find(_W + "tblGrid")
        width = max([len(r) for r in rows] + [len(grid_cols) if grid_cols is not None else 0])
        return [r + [""] * (width - len(r)) for r in rows]

    def table(self, tbl) -> None:
        self.tables += 1
        for r, cells in enumerate(self.grid(tbl), 1):
            self.lines.append("\t".join(cells))
            self.locators.append(f"t{self.tables}r{r}")


def render_docx(document) -> tuple[list[str], list[str]]:
    """(lines, locators) of a python-docx ``Document``."""
    part = document.part
    try:
        numbering_el = part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering_el = None
    try:
        styles_el = part.styles.element if hasattr(part, "styles") else None
    except (KeyError, NotImplementedError, AttributeError):
        styles_el = None
    renderer = _Renderer(Numbering(numbering_el, styles_el))
    for block in _blocks(document.element.body):
        if block.tag == _W + "p":
            renderer.paragraph(block)
        else:
            renderer.table(block)
    return renderer.lines, renderer.locators


def read_docx(path: str, data: bytes) -> Source:
    """Reader for Word documents."""
    check_package(data)
    import docx  # heavy: only when a Word file is read

    try:
        document = docx.Document(io.BytesIO(data))
    except KeyError as exc:
        raise ReadError(f"不是完整的 Word 文档：缺少部件 {exc}", f"not a complete Word document: missing part {exc}") from None
    except ValueError as exc:
        raise ReadError(f"不是 Word 文档：{exc}", f"not a Word document: {exc}") from None
    except Exception as exc:  # python-docx / lxml errors on a damaged package
        raise ReadError(f"无法打开 .docx 文件：{type(exc).__name__}: {exc}",
                        f"cannot open the .docx file: {type(exc).__name__}: {exc}") from None
    lines, locators = render_docx(document)
    check_text_chars(lines)
    logical, layout, roles = repair(lines)
    return Source(path=path, lines=tuple(lines), logical=logical, encoding="docx", layout=layout, roles=roles,
                  locators=tuple(locators))
