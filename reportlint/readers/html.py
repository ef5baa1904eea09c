"""Web pages (.html, .htm): the article body of a portal page, with places in the HTML source.

Government portals publish the report inside a page full of other things:
navigation, a breadcrumb ("当前位置：首页 > …"), an info bar ("发布时间 … 浏览次数"),
"【打印本页】【关闭窗口】", a footer with 版权所有 and the ICP number. The reader

1. decodes the bytes: a byte-order mark, else the ``<meta charset>`` /
   ``http-equiv`` / XML declaration (GB2312 and GBK are read as their superset
   GB18030), else detection as for text files;
2. parses with lxml's HTML parser (never the network, no entity expansion,
   libxml2's default size limits) and, independently, scans the source once
   to learn the offset of every visible character — entities decoded, tags,
   comments, scripts and styles skipped — so each text node of the tree is
   placed back in the source;
3. picks the article: semantic and class/id-named chrome (``nav``, ``footer``,
   ``class="breadcrumb"`` …) is dropped, then it walks down from ``<body>``
   into the child holding most (≥ 80 %) of the remaining non-link text,
   passing through layout tables but never into a data table; a title element
   just before the article (``<h1>``, ``class="title"``) containing 报告 is
   put back in front;
4. renders it into lines: block elements and ``<br>`` break lines, white
   space collapses as a browser does it (a line break between Chinese
   characters vanishes), data tables become one tab-separated line per row
   with rowspan/colspan expanded into empty cells — the grid the text reader
   gets from the same table typed with tabs — and chrome lines left inside the
   article ("浏览次数：", "打印本页") are dropped;
5. repairs the lines exactly as a text file and maps every character back to
   its line and column in the HTML source.

``<!-- reportlint-disable CODE … -->`` / ``<!-- reportlint-enable -->`` comments
are honoured as in Markdown.
"""

from __future__ import annotations

import bisect
import codecs
import html as html_lib
import re

from reportlint import rx
from array import array

from reportlint.readers import ReadError, check_text_chars
from reportlint.readers.decode import decode
from reportlint.readers.mapped import RenderedLine, find_suppressions, source_from_rendered
from reportlint.readers.text import newline_style
from reportlint.source import Source

# A report page is tens of kilobytes; anything past this is not one.
MAX_HTML_BYTES = 16 * 1024 * 1024
_MAX_COLSPAN = 100
_MAX_CELLS = 200_000
_MAX_DEPTH = 200

# ---------------------------------------------------------------------------- decoding
_META_CHARSET_RE = rx.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL_RE = rx.compile(rb"""^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_GB = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312", "gb18030"}
_LATIN = {"iso8859-1", "cp1252", "ascii"}  # codec names after codecs.lookup()


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (meta tag or XML declaration), normalised."""
    head = data[:4096]
    m = _XML_DECL_RE.match(head) or _META_CHARSET_RE.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    if name in _GB:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes) -> tuple[str, str, bool]:
    """(text, encoding, bom): the declared charset when the bytes agree with it, else detection.

    A page declaring Latin-1 but holding non-ASCII bytes is a GBK/UTF-8 page
    with a wrong template header (common on old portals): it is detected
    instead; a page whose bytes are valid UTF-8 is read as UTF-8 whatever it declares.
    """
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = declared_charset(data)
        if enc and enc != "utf-8" and not data.isascii():
            # A page saved as UTF-8 under an old GB2312/Latin-1 template header: valid UTF-8
            # multi-byte text is practically never meant as anything else.
            try:
                return data.decode("utf-8"), "utf-8", False
            except UnicodeDecodeError:
                pass
        if enc and not (enc in _LATIN and not data.isascii()):
            try:
                return data.decode(enc), enc, False
            except (UnicodeDecodeError, LookupError):
                pass
    d = decode(data)
    return d.text, d.encoding, d.bom


# ---------------------------------------------------------------------------- scanning the source
# Tags, comments, declarations and character references; everything else is text.
_TOKEN_RE = rx.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<[!?][^>]*>?"
    r"|<(/?)([A-Za-z][^\s/>]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>?"
    r"|&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)",
    re.S,
)
_INTERNAL_SUBSET_RE = rx.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.I | re.S)
_RAW_TEXT = {"script": rx.compile(r"</script\s*>", re.I), "style": rx.compile(r"</style\s*>", re.I)}


def scan(text: str) -> tuple[str, array, list[int]]:
    """The visible character stream of ``text``, each character's offset, and ``<td>/<th>`` offsets."""
    parts: list[str] = []
    offs = array("l")
    cells: list[int] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _TOKEN_RE.search(text, pos)
        stop = m.start() if m else n
        if stop > pos:
            parts.append(text[pos:stop])
            offs.extend(range(pos, stop))
        if not m:
            break
        pos = m.end()
        token = m.group(0)
        if token[0] == "&":
            value = html_lib.unescape(token)
            parts.append(value)
            offs.extend([m.start()] * len(value))
        elif m.group(2) and not m.group(1):
            name = m.group(2).lower()
            if name in ("td", "th"):
                cells.append(m.start())
            elif name in _RAW_TEXT and not token.endswith("/>"):
                end = _RAW_TEXT[name].search(text, pos)
                pos = end.end() if end else n
    return "".join(parts), offs, cells


# ---------------------------------------------------------------------------- the tree
_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "nav", "aside",
              "select", "option", "button", "iframe", "frame", "frameset", "object", "embed", "svg", "canvas",
              "input", "textarea", "map", "area", "audio", "video", "img"}
_CHROME_CLASS_RE = rx.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|header|footer|foot|breadcrumbs?|crumbs?|sidebar|share|fenxiang|bdshare|"
    r"copyright|banner|location|position|weizhi|dqwz|toolbar|tools|topbar|top|bottom|links|friendlinks?|yqlj|"
    r"search|login|print|qrcode|ewm|related|xgwz|pager|pagination)(?:$|[\s_-]|\d)",
    re.I,
)
_HIDDEN_RE = rx.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BLOCK_TAGS = {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
               "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
               "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol", "p",
               "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
_NO_DESCENT = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "pre", "blockquote", "dl", "a", "span",
               "font", "strong", "b", "em", "i", "u", "table"}
_TITLE_CLASS_RE = rx.compile(r"title|biaoti|(?:^|[\s_-])(?:bt|tit|headline)(?:$|[\s_-]|\d)", re.I)
# Page chrome left inside the article, recognised line by line (only short lines).
_CHROME_LINE_RE = rx.compile(
    r"浏览次数|浏览量|访问次数|访问量|阅读次数|阅读量|点击数|点击量|点击率|打印本页|关闭窗口|"
    r"【\s*打印\s*】|【\s*关闭\s*】|字号\s*[:：]|【\s*大\s*中\s*小\s*】|分享到|扫一扫|"
    r"发布(?:时间|日期)\s*[:：]|信息来源\s*[:：]|^来源\s*[:：]|^(?:上一篇|下一篇)\s*[:：]|"
    r"^(?:[【\[]?(?:打印|关闭|返回顶部|返回|收藏|保存)[】\]]?[\s|｜/]*)+$"
)
_CHROME_LINE_MAX = 120


def _tag(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _text_nodes(root):
    """(element, is_tail, text) for every text node in document order (script/style/comment bodies left out)."""
    stack = [(root, False)]
    while stack:
        el, done = stack.pop()
        if done:
            if el.tail:
                yield el, True, el.tail
            continue
        stack.append((el, True))
        tag = _tag(el)
        if tag and tag not in _RAW_TEXT and el.text:
            yield el, False, el.text
        if tag:
            for child in reversed(el):
                stack.append((child, False))


class _Placer:
    """Where each text node of the tree starts in the visible stream (and so in the source)."""

    _WINDOW = 65536

    def __init__(self, root, stream: str, offs: array, starts: list[int]) -> None:
        self.offs = offs
        self.where: dict = {}
        self.starts = starts
        cursor = 0
        for el, tail, s in _text_nodes(root):
            if not s.strip():
                continue
            idx = stream.find(s, cursor, cursor + len(s) + self._WINDOW)
            if idx >= 0:
                self.where[(el, tail)] = (idx, 0)
                cursor = idx + len(s)
                continue
            core = s.strip()
            idx = stream.find(core, cursor, cursor + len(s) + self._WINDOW)
            if idx >= 0:
                self.where[(el, tail)] = (idx, len(s) - len(s.lstrip()))
                cursor = idx + len(core)

    def offsets(self, el, tail: bool, s: str) -> list[int]:
        found = self.where.get((el, tail))
        if found is None:  # not placed: the line the parser saw it on
            line = getattr(el, "sourceline", None) or 1
            at = self.starts[min(line, len(self.starts)) - 1]
            return [at] * len(s)
        idx, lead = found
        last = len(self.offs) - 1
        return [self.offs[max(0, min(idx + i - lead, last))] for i in range(len(s))]


# ---------------------------------------------------------------------------- choosing the article
def _is_chrome(el, lengths: dict, body_len: int) -> bool:
    tag = _tag(el)
    if not tag:
        return False
    if tag in _SKIP_TAGS:
        return True
    if tag in ("header", "footer") and not any(_tag(a) in ("article", "main") for a in el.iterancestors()):
        return True
    if _HIDDEN_RE.search(el.get("style") or ""):
        return True
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    # A container named like chrome but holding most of the page's text is the article after
    # all, and one holding the report's title heading ("article-header") is not chrome either.
    return (bool(_CHROME_CLASS_RE.search(names)) and lengths.get(el, 0) < 0.25 * body_len
            and not any("报告" in "".join(h.itertext()) for h in el.iter("h1", "h2", "h3")))


def _text_lengths(root, skip) -> dict:
    """Visible non-link text per element (whitespace not counted), bottom-up."""
    lengths: dict = {}

    def visit(el, depth: int, in_link: bool) -> int:
        if not _tag(el) or skip(el):
            return 0
        link = in_link or _tag(el) == "a"
        total = 0 if link else _visible_len(el.text)
        for child in el:
            if depth < _MAX_DEPTH:
                total += visit(child, depth + 1, link)
            if not link:
                total += _visible_len(child.tail)
        lengths[el] = total
        return total

    visit(root, 0, False)
    return lengths


def _visible_len(s: str | None) -> int:
    return len(s) - sum(1 for ch in s if ch.isspace()) if s else 0


def _is_layout_table(table) -> bool:
    """A table used for page layout: it holds another table or a cell of running prose."""
    for el in table.iterdescendants():
        tag = _tag(el)
        if tag == "table":
            return True
        if tag in ("td", "th") and _visible_len("".join(el.itertext())) > 300:
            return True
    return False


def _choose_article(body, lengths: dict, skip):
    current = body
    while True:
        children = [c for c in current if _tag(c) and not skip(c)]
        if not children:
            return current
        best = max(children, key=lambda c: lengths.get(c, 0))
        tag = _tag(best)
        if lengths.get(best, 0) < 0.8 * lengths.get(current, 0) or lengths.get(best, 0) == 0:
            return current
        if tag in _NO_DESCENT and not (tag == "table" and _is_layout_table(best)):
            return current
        current = best


def _title_before(root, article, skip):
    """The last title-like element before ``article`` whose text names a report."""
    found = None
    for el in root.iter():
        if el is article:
            break
        tag = _tag(el)
        if not tag or skip(el):
            continue
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if tag in ("h1", "h2", "h3", "h4") or _TITLE_CLASS_RE.search(names):
            text = "".join(el.itertext()).strip()
            if "报告" in text and len(text) <= 120:
                found = el
    if found is not None and any(a is found for a in article.iterancestors()):
        return None
    return found


# ---------------------------------------------------------------------------- rendering
_HTML_SPACE = " \t\n\f\r"
Chars = list  # of (character, offset or None)


def _wide(ch: str) -> bool:
    o = ord(ch)
    return (0x2E80 <= o <= 0xA4CF or 0xF900 <= o <= 0xFAFF or 0xFE30 <= o <= 0xFE4F
            or 0xFF00 <= o <= 0xFF60 or 0xFFE0 <= o <= 0xFFE6 or 0x20000 <= o <= 0x3FFFD)


def _collapse(chars: Chars) -> Chars:
    """White space as a browser renders it: runs become one space, none at the ends,
    and a run holding a line break next to a Chinese character disappears."""
    out: Chars = []
    i, n = 0, len(chars)
    while i < n:
        ch, off = chars[i]
        if ch not in _HTML_SPACE:
            out.append((ch, off))
            i += 1
            continue
        j, newline = i, False
        while j < n and chars[j][0] in _HTML_SPACE:
            newline = newline or chars[j][0] == "\n"
            j += 1
        if out and j < n and not (newline and (_wide(out[-1][0]) or _wide(chars[j][0]))):
            out.append((" ", off))
        i = j
    return out


class _Renderer:
    def __init__(self, placer: _Placer, skip, cell_offsets: dict) -> None:
        self.placer = placer
        self.skip = skip
        self.cell_offsets = cell_offsets
        self.lines: list[tuple] = []  # ("text", chars) | ("row", chars, offset of an empty last cell's tag)
        self.cur: Chars = []

    def _add(self, el, tail: bool, s: str | None) -> None:
        if s:
            self.cur.extend(zip(s, self.placer.offsets(el, tail, s)))

    def flush(self) -> None:
        chars = _collapse(self.cur)
        self.cur = []
        if chars:
            self.lines.append(("text", chars))

    def render(self, el, depth: int = 0) -> None:
        tag = _tag(el)
        if not tag or self.skip(el):
            return
        if tag == "br":
            self.flush()
            return
        if depth > _MAX_DEPTH:
            self._add(el, False, "".join(el.itertext()))
            return
        if tag == "table" and not _is_layout_table(el):
            self.flush()
            self.table(el, depth)
            return
        block = tag in _BLOCK_TAGS
        if block:
            self.flush()
        self._add(el, False, el.text)
        for child in el:
            self.render(child, depth + 1)
            self._add(child, True, child.tail)
        if block:
            self.flush()

    def cell_chars(self, cell, depth: int) -> Chars:
        """A cell's content on one line: its own lines joined (with a space only between Latin words)."""
        sub = _Renderer(self.placer, self.skip, self.cell_offsets)
        sub._add(cell, False, cell.text)
        for child in cell:
            sub.render(child, depth + 1)
            sub._add(child, True, child.tail)
        sub.flush()
        out: Chars = []
        for _, chars, *_ in sub.lines:
            chars = [(" " if c == "\t" else c, o) for c, o in chars]
            if out and chars and out[-1][0].isascii() and out[-1][0].isalnum() and chars[0][0].isascii() and chars[0][0].isalnum():
                out.append((" ", chars[0][1]))
            out.extend(chars)
        return out

    def table(self, table, depth: int) -> None:
        caption = [c for c in table if _tag(c) == "caption"]
        for c in caption:
            self.render(c, depth + 1)
        rows = [tr for tr in table.iter("tr") if _nearest_table(tr) is table]
        grid: dict[tuple[int, int], tuple[Chars, int | None]] = {}
        covered: dict[tuple[int, int], int | None] = {}
        width = 0
        for r, tr in enumerate(rows):
            c = 0
            for cell in tr:
                if _tag(cell) not in ("td", "th"):
                    continue
                while (r, c) in covered or (r, c) in grid:
                    c += 1
                cs = min(max(_span(cell.get("colspan")), 1), _MAX_COLSPAN)
                rs = _span(cell.get("rowspan"))
                rs = len(rows) - r if rs == 0 else min(max(rs, 1), len(rows) - r)
                if (width + cs) * len(rows) > _MAX_CELLS:
                    raise ReadError("网页中的表格过大（单元格数超过上限）", "a table in the page is too large (too many cells)")
                tag_at = self.cell_offsets.get(cell)
                grid[(r, c)] = (self.cell_chars(cell, depth), tag_at)
                for i in range(rs):
                    for j in range(cs):
                        if i or j:
                            covered[(r + i, c + j)] = tag_at
                c += cs
                width = max(width, c)
        for r in range(len(rows)):
            cells = [grid.get((r, c), ([], covered.get((r, c)))) for c in range(width)]
            row: Chars = []
            for c, (chars, at) in enumerate(cells):
                row.extend(chars)
                if c + 1 < width:
                    # An empty cell starts where the tab after it stands: that tab points at the
                    # cell's own tag (or the tag of the cell covering it); other tabs at the next cell's.
                    row.append(("\t", at if not chars else cells[c + 1][1]))
            if any(ch != "\t" for ch, _ in row):
                self.lines.append(("row", row, cells[-1][1] if cells and not cells[-1][0] else None))


def _nearest_table(el):
    for a in el.iterancestors():
        if _tag(a) == "table":
            return a
    return None


def _span(value: str | None) -> int:
    m = re.match(r"\s*(\d{1,6})", value or "")
    return int(m.group(1)) if m else 1


# ---------------------------------------------------------------------------- the reader
def _to_rendered(lines: list[tuple[str, Chars]], position) -> list[RenderedLine]:
    out = []
    for kind, chars, *end in lines:
        if kind == "text":
            text = "".join(ch for ch, _ in chars)
            if len(text) <= _CHROME_LINE_MAX and _CHROME_LINE_RE.search(text.strip()):
                continue
        known = [o for _, o in chars if o is not None]
        r = RenderedLine(fallback=position(known[0]) if known else (1, 1),
                         end=position(end[0]) if end and end[0] is not None else None)
        last = known[0] if known else None
        for i, (ch, off) in enumerate(chars):
            if off is None:
                off = last if last is not None else next((o for _, o in chars[i:] if o is not None), None)
            else:
                last = off
            r.add(ch, position(off) if off is not None else r.fallback)
        out.append(r)
    return out


def render_html(text: str) -> list[RenderedLine]:
    """The article of the page ``text`` (newlines already normalised to \\n) as rendered lines."""
    from lxml import etree  # heavy: only when a web page is read

    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1

    # HTML has no internal DTD subset; one (an entity-expansion attempt) is blanked out, newlines kept.
    text = _INTERNAL_SUBSET_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    stream, offs, td_offsets = scan(text)
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=False, remove_pis=True, no_network=True,
                              recover=True, huge_tree=False, default_doctype=False, collect_ids=False)
    try:
        root = etree.fromstring(text.encode("utf-8", "surrogatepass"), parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"无法解析网页：{exc}", f"cannot parse the web page: {exc}") from None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" or "XML_PARSE_HUGE" in e.message for e in parser.error_log):
        # huge_tree=False: libxml2 stops at 256 nested elements (or a 10 MB text node) and drops the rest.
        raise ReadError("网页超出 HTML 解析器的安全上限（元素嵌套超过 256 层，或单个文字节点超过 10 MB），"
                        "其后的内容无法读取；未检查",
                        "the web page exceeds the HTML parser's safety limits (elements nested more than 256 deep, "
                        "or a single text node over 10 MB): what follows cannot be read; not checked")
    if root is None:
        return []
    placer = _Placer(root, stream, offs, starts)
    cells = [el for el in root.iter("td", "th")]
    cell_offsets = dict(zip(cells, td_offsets)) if len(cells) == len(td_offsets) else {}

    body = next(root.iter("body"), None)
    if body is None:
        body = root
    raw = _text_lengths(body, lambda el: _tag(el) in _SKIP_TAGS)
    body_len = raw.get(body, 0)
    chrome: dict = {}

    def skip(el) -> bool:
        hit = chrome.get(el)
        if hit is None:
            hit = chrome[el] = _is_chrome(el, raw, body_len)
        return hit

    lengths = _text_lengths(body, skip)
    article = _choose_article(body, lengths, skip)
    renderer = _Renderer(placer, skip, cell_offsets)
    renderer.render(article)
    renderer.flush()
    title = _title_before(root, article, skip)
    if title is not None:
        head = _Renderer(placer, skip, cell_offsets)
        head.render(title)
        head.flush()
        # Many pages show the title above the article and again as its first paragraph.
        said = "".join(ch for _, chars, *_ in head.lines for ch, _ in chars if not ch.isspace())
        first = ["".join(ch for ch, _ in chars if not ch.isspace()) for _, chars, *_ in renderer.lines[:3]]
        if said and not any(said in f or (f and f in said and len(f) > 4) for f in first):
            renderer.lines[:0] = head.lines
    return _to_rendered(_drop_repeated_title(renderer.lines), position)


def _drop_repeated_title(lines: list[tuple]) -> list[tuple]:
    """The title heading of the page and the same title as the article's first paragraph: keep one."""
    seen: list[str] = []
    out = []
    for k, line in enumerate(lines):
        text = "".join(ch for ch, _ in line[1] if not ch.isspace())
        if k < 4 and line[0] == "text" and "报告" in text and text in seen:
            continue
        seen.append(text)
        out.append(line)
    return out


def read_html(path: str, data: bytes) -> Source:
    """Reader for web pages."""
    if len(data) > MAX_HTML_BYTES:
        raise ReadError(f"网页文件过大（超过 {MAX_HTML_BYTES // 1048576} MB）",
                        f"web page too large (over {MAX_HTML_BYTES // 1048576} MB)")
    text, encoding, bom = decode_html(data)
    newline = newline_style(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rendered = render_html(text)
    check_text_chars(r.text for r in rendered)
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position_of(offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1

    return source_from_rendered(path, rendered, lines, encoding=encoding, bom=bom, newline=newline,
                                suppressions=find_suppressions(text, position_of))
