"""Decoding report bytes: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

Order matters. A BOM is authoritative. Strict UTF-8 is tried before GB18030
because valid UTF-8 Chinese text is almost never valid GB18030 of the same
meaning, while GBK bytes are almost never valid UTF-8. Only when both strict
decodes fail do we ask charset-normalizer, and binary data is refused rather
than decoded into noise that rules would then "lint".
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from reportlint.readers import ReadError


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    bom: bool


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


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
            return _checked(Decoded(text, enc, True))
    if b"\x00" in data[:4096]:
        raise ReadError("文件含有空字节，看起来是二进制文件（或无字节顺序标记的 UTF-16），无法作为文本读取",
                        "file contains NUL bytes: binary data (or UTF-16 without a byte-order mark), not a text report")
    for enc in ("utf-8", "gb18030"):
        try:
            return _checked(Decoded(data.decode(enc), enc, False))
        except UnicodeDecodeError:
            continue
    return _checked(_detect(data))


def _detect(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadError("无法识别文件的字符编码（不是 UTF-8、GB18030/GBK 或 UTF-16）",
                        "cannot detect the file's character encoding (not UTF-8, GB18030/GBK or UTF-16)")
    return Decoded(str(best), best.encoding, False)


def _checked(decoded: Decoded) -> Decoded:
    if _looks_binary(decoded.text):
        raise ReadError("文件含有大量控制字符，看起来是二进制文件而不是文本报告",
                        "file is full of control characters: binary data, not a text report")
    return decoded
