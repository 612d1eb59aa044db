"""Bytes to text: refuse what is not text, decode what is, say how it was decoded.

Order of the checks (the first that applies decides):

1. empty or whitespace-only bytes: E102;
2. a byte-order mark: UTF-32, UTF-8 or UTF-16, decoded strictly (E104 if the bytes
   do not follow the mark);
3. the leading bytes of a known binary format (PDF, PNG, zip, ...): E103;
4. UTF-16 without a mark (every other byte zero, as Windows editors write it);
5. NUL bytes anywhere else: E103;
6. valid UTF-8;
7. UTF-8 with a few broken bytes: decoded with U+FFFD in their place, with a warning;
8. anything else is read as Windows-1252, the superset of Latin-1 that Western
   European text uses, with a warning.

Text with many control characters is refused (E103): it is a binary file
without a known signature, and showing it would be nonsense.
"""
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
    b"PK\x05\x06": "an empty zip archive",
    b"\x1f\x8b": "a gzip archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"{\\rtf": "an RTF document",
    b"\x7fELF": "a program",
    b"RIFF": "a media file",
    b"OggS": "an Ogg media file",
    b"\x00\x00\x00\x18ftyp": "an MP4 video",
    b"\x00\x00\x00\x20ftyp": "an MP4 video",
    b"SQLite format 3\x00": "an SQLite database",
}
# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 4096
_MAX_CONTROL_SHARE = 0.01
_MAX_REPLACED_SHARE = 0.01
_MIN_UTF16_ZERO_SHARE = 0.9
"""Share of the high bytes that are zero for a file to be read as unmarked UTF-16 (ASCII-range text)."""
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_SAVE_AS_UTF8 = "Hint: save the file as UTF-8"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def decode(data: bytes, path: str) -> Decoded:
    """The text in `data`; raises a SourceError naming `path` when there is none."""
    if not data.strip():
        raise EmptySource(path, "the file is empty" if not data else "only whitespace")
    for bom, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(bom):
            return _checked(_decode_strict(data, encoding, path), encoding, path)
    for magic, what in _MAGIC_NUMBERS.items():
        if data.startswith(magic):
            raise BinarySource(path, f"it looks like {what}")
    if b"\x00" in data[:_SNIFF_BYTES]:
        encoding = unmarked_utf16(data[:_SNIFF_BYTES])
        if encoding is None:
            raise BinarySource(path, "it contains NUL bytes")
        return _checked(_decode_strict(data, encoding, path), encoding, path)
    try:
        return _checked(data.decode("utf-8"), "utf-8", path)
    except UnicodeDecodeError:
        pass
    utf8 = data.decode("utf-8", errors="replace")
    replaced = utf8.count("\ufffd")
    if _has_utf8_sequences(data) and replaced / max(len(utf8), 1) <= _MAX_REPLACED_SHARE:
        return _checked(utf8, "utf-8", path,
                        f"not valid UTF-8 in {replaced} place(s), shown as \ufffd. {_SAVE_AS_UTF8}")
    return _checked(data.decode("cp1252", errors="replace"), "cp1252", path,
                    f"not UTF-8; read as Windows-1252 (Latin-1). {_SAVE_AS_UTF8}")


def unmarked_utf16(sample: bytes) -> str | None:
    """The codec ("utf-16-le" or "utf-16-be") when `sample` is UTF-16 text without a byte-order mark, else None.

    Text in the ASCII range written as UTF-16 has a zero in every second byte;
    binary data has zeros anywhere.
    """
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) / len(zeros) >= _MIN_UTF16_ZERO_SHARE and other.count(0) == 0:
            return encoding
    return None


def _decode_strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UndecodableSource(path, f"byte {error.start} is not valid {encoding.removesuffix('-sig')}") from error


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
