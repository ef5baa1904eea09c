"""Building .docx files from WordprocessingML fragments, for tests that need exact XML."""

from __future__ import annotations

import html
import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f'xmlns:w="{W_NS}"'


def p(text: str = "", *, ppr: str = "") -> str:
    run = f'<w:r><w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>' if text else ""
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{run}</w:p>"


def num(num_id: int, ilvl: int | None = None) -> str:
    lvl = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return f'<w:numPr>{lvl}<w:numId w:val="{num_id}"/></w:numPr>'


def tc(text: str = "", *, span: int = 1, vmerge: str | None = None) -> str:
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{p(text)}</w:tc>"


def table(rows: list[list[str]], cols: int, *, tr_props: list[str] | None = None) -> str:
    grid = "<w:tblGrid>" + '<w:gridCol w:w="800"/>' * cols + "</w:tblGrid>"
    trs = []
    for k, cells in enumerate(rows):
        props = f"<w:trPr>{tr_props[k]}</w:trPr>" if tr_props and tr_props[k] else ""
        trs.append(f"<w:tr>{props}{''.join(cells)}</w:tr>")
    return f"<w:tbl><w:tblPr/>{grid}{''.join(trs)}</w:tbl>"


def lvl(ilvl: int, fmt: str, text: str, *, start: int = 1, suff: str | None = "nothing", extra: str = "") -> str:
    s = f'<w:suff w:val="{suff}"/>' if suff else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{s}'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def abstract(aid: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>'


def num_def(num_id: int, aid: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def make_docx(path: str, body: str, *, numbering: str | None = None, styles: str = "") -> bytes:
    """Save a .docx whose body is ``body`` (and numbering.xml holds ``numbering``); returns its bytes."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    doc = docx.Document()
    el = doc.element.body
    sect = el.find(qn("w:sectPr"))
    for child in list(el):
        if child is not sect:
            el.remove(child)
    for child in list(parse_xml(f"<w:body {W}>{body}</w:body>")):
        sect.addprevious(child)
    if numbering is not None:
        numbering_el = doc.part.numbering_part.element
        for child in list(numbering_el):
            numbering_el.remove(child)
        for child in list(parse_xml(f"<w:numbering {W}>{numbering}</w:numbering>")):
            numbering_el.append(child)
    if styles:
        styles_el = doc.styles.element
        for child in list(parse_xml(f"<w:styles {W}>{styles}</w:styles>")):
            styles_el.append(child)
    doc.save(path)
    with open(path, "rb") as fh:
        return fh.read()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def docx_members(path: str) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}
