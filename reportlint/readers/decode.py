"""Decoding report bytes: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

Order matters. A BOM is authoritative. Strict UTF-8 is tried before GB18030
because valid UTF-8 Chinese text is almost never valid GB18030 of the same
meaning, while GBK bytes are almost never valid UTF-8. A file that is UTF-8
apart from a few invalid bytes (a GBK fragment pasted in, a cut-off last
character) is refused with the place of the first one instead of being read as
GB18030 mojibake. Only when both strict decodes fail do we ask
charset-normalizer, and binary data is refused rather than decoded into noise
that rules would then "lint".
"""

from __future__ import annotations

import codecs

from reportlint import rx

from reportlint.readers import ReadError
from reportlint.records import Record


class Decoded(Record):
    __slots__ = ("text", "encoding", "bom")

    def __init__(self, text: str, encoding: str, bom: bool) -> None:
        self.text = text
        self.encoding = encoding
        self.bom = bom


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL_RE = rx.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:20000]
    return len(_CONTROL_RE.findall(sample)) > max(2, len(sample) // 200)


def decode(data: bytes) -> Decoded:
    """Decode report bytes or raise :class:`ReadError` explaining why not."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise ReadError(f"文件以 {enc} 字节顺序标记开头，但内容无法按该编码解码（{exc.reason}）",
                                f"file starts with a {enc} byte-order mark but does not decode as {enc} ({exc.reason})") from None
            return _checked(Decoded(text, enc, True), data if enc == "utf-8" else None)
    if b"\x00" in data[:4096]:
        raise ReadError("文件含有空字节，看起来是二进制文件（或无字节顺序标记的 UTF-16），无法作为文本读取",
                        "file contains NUL bytes: binary data (or UTF-16 without a byte-order mark), not a text report")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8", False), data)
    except UnicodeDecodeError:
        pass
    _refuse_damaged_utf8(data)
    try:
        return _checked(Decoded(data.decode("gb18030"), "gb18030", False))
    except UnicodeDecodeError:
        pass
    return _checked(_detect(data))


_INVALID_RUN_RE = rx.compile("[\udc80-\udcff]+")


def _refuse_damaged_utf8(data: bytes) -> None:
    """A UTF-8 file with a few invalid bytes (a GBK fragment pasted in, a truncated last
    character) is refused with the place of the first bad byte, rather than decoded
    as GB18030 or by guesswork into text that is wrong everywhere else.

    It counts as UTF-8 when its valid multi-byte characters outnumber its invalid bytes
    four to one; GBK text read as UTF-8 has almost no valid multi-byte sequences.
    """
    text = data.decode("utf-8", "surrogateescape")  # each invalid byte becomes U+DC80..U+DCFF
    runs = _INVALID_RUN_RE.findall(text)
    bad = sum(len(r) for r in runs)
    valid = len(text) - len(text.encode("ascii", "ignore")) - bad  # non-ASCII characters decoded fine
    if not runs or valid < 4 * bad or valid < 2:
        return
    first = _INVALID_RUN_RE.search(text).start()
    line = text.count("\n", 0, first) + 1
    column = first - (text.rfind("\n", 0, first) + 1) + 1
    raise ReadError(
        f"文件是 UTF-8 编码，但有 {len(runs)} 处无效字节（第一处在第 {line} 行第 {column} 列）：可能混入了其他编码"
        "（如 GBK）的文字，或文件被截断、损坏；为免误读，未检查。请把整个文件另存为 UTF-8 后再检查",
        f"the file is UTF-8 but has {len(runs)} invalid byte sequence(s), the first at line {line}, column {column}: "
        "part of it may be in another encoding (GBK?), or the file is truncated or damaged; not checked, to avoid "
        "misreading it. Save the whole file as UTF-8 and check again")


def _detect(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadError("无法识别文件的字符编码（不是 UTF-8、GB18030/GBK 或 UTF-16）",
                        "cannot detect the file's character encoding (not UTF-8, GB18030/GBK or UTF-16)")
    return Decoded(str(best), best.encoding, False)


# The control characters of _CONTROL_RE as bytes. UTF-8 encodes each of them as
# itself, and no other character's encoding contains such a byte.
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b" + bytes(range(0x0e, 0x20)) + b"\x7f"


def _checked(decoded: Decoded, utf8: bytes | None = None) -> Decoded:
    """Refuse binary data; ``utf8`` are the bytes ``decoded`` was decoded from as UTF-8.

    A file with at most two control characters is never binary. In UTF-8 they can
    be counted in the bytes (deleting bytes is several times faster than searching
    text for a class of characters), which answers for nearly every report.
    """
    if utf8 is not None and len(utf8) - len(utf8.translate(None, _CONTROL_BYTES)) <= 2:
        return decoded
    if _looks_binary(decoded.text):
        raise ReadError("文件含有大量控制字符，看起来是二进制文件而不是文本报告",
                        "file is full of control characters: binary data, not a text report")
    return decoded
