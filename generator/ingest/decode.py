"""Bytes to text: refuse what is not text, decode what is, say how it was decoded."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from generator.exceptions import BinarySource, EmptySource, UndecodableSource

# Leading bytes of file types that people drop into a sources folder by mistake.
_MAGIC_NUMBERS: dict[bytes, str] = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a zip archive (or a Word/Excel file)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"{\\rtf": "an RTF document",
    b"\x7fELF": "a program",
    b"RIFF": "a media file",
}
_MAX_CONTROL_SHARE = 0.01
_MAX_REPLACED_SHARE = 0.01
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def decode(data: bytes, path: str) -> Decoded:
    """The text in `data`; raises a SourceError naming `path` when there is none."""
    if not data.strip():
        raise EmptySource(path, "the file is empty" if not data else "only whitespace")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _checked(_decode_strict(data, encoding, path), encoding, path)
    for magic, what in _MAGIC_NUMBERS.items():
        if data.startswith(magic):
            raise BinarySource(path, f"it looks like {what}")
    if b"\x00" in data[:4096]:
        raise BinarySource(path, "it contains NUL bytes")
    try:
        return _checked(data.decode("utf-8"), "utf-8", path)
    except UnicodeDecodeError:
        pass
    utf8 = data.decode("utf-8", errors="replace")
    replaced = utf8.count("\ufffd")
    if _has_utf8_sequences(data) and replaced / max(len(utf8), 1) <= _MAX_REPLACED_SHARE:
        return _checked(utf8, "utf-8", path, f"{replaced} invalid UTF-8 byte(s) replaced with \ufffd")
    return _checked(data.decode("cp1252", errors="replace"), "cp1252", path,
                    "not UTF-8; decoded as Windows-1252 (Latin-1)")


def _decode_strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UndecodableSource(path, f"byte {error.start} is not valid {encoding}") from error


def _checked(text: str, encoding: str, path: str, warning: str | None = None) -> Decoded:
    if not text.strip():
        raise EmptySource(path, "only whitespace")
    sample = text[:20000]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control / len(sample) > _MAX_CONTROL_SHARE:
        raise BinarySource(path, f"{control} control characters in the first {len(sample)}")
    return Decoded(text=text.replace("\r\n", "\n").replace("\r", "\n"), encoding=encoding, warning=warning)


def _has_utf8_sequences(data: bytes) -> bool:
    """True when `data` holds at least one well-formed two-byte-or-longer UTF-8 character."""
    return _UTF8_MULTIBYTE.search(data) is not None
