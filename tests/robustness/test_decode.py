"""Bytes to text (generator/ingest/decode.py): every branch, with the exact message a user sees."""
from __future__ import annotations

import codecs

import pytest

from generator.exceptions import BinarySource, EmptySource, UndecodableSource
from generator.ingest.decode import decode, unmarked_utf16

PATH = "content/sources/x.txt"
TEXT = "Talks in Zürich — the ministers met at a café on Tuesday. “Progress”, they said.\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32"),
    (codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), "utf-32"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
    (TEXT.encode("utf-16-be"), "utf-16-be"),
])
def test_unicode_text_is_decoded_without_a_warning(data, encoding):
    decoded = decode(data, PATH)
    assert (decoded.text, decoded.encoding, decoded.warning) == (TEXT, encoding, None)


def test_windows_1252_is_decoded_right_with_a_warning():
    decoded = decode(TEXT.encode("cp1252"), PATH)
    assert decoded.text == TEXT
    assert decoded.warning == "not UTF-8; read as Windows-1252 (Latin-1). Hint: save the file as UTF-8"


def test_latin_1_is_decoded_right_with_a_warning():
    text = "Café in Zürich, Genève and Tórshavn: à bientôt.\n"
    assert decode(text.encode("latin-1"), PATH).text == text


def test_a_few_broken_utf8_bytes_are_replaced_and_counted():
    data = (TEXT * 20).encode("utf-8").replace(b"Tuesday", b"Tues\xffday", 2)
    decoded = decode(data, PATH)
    assert decoded.text.count("\ufffd") == 2 and "café" in decoded.text
    assert decoded.warning == "not valid UTF-8 in 2 place(s), shown as \ufffd. Hint: save the file as UTF-8"


def test_crlf_and_cr_line_ends_become_newlines():
    assert decode(b"Title\r\n\r\nBody one.\rBody two.\r\n", PATH).text == "Title\n\nBody one.\nBody two.\n"


@pytest.mark.parametrize(("data", "message"), [
    (b"", "content/sources/x.txt: E102 has no text (the file is empty). Hint: remove the file or fill it in"),
    (b" \n\t\r\n", "content/sources/x.txt: E102 has no text (only whitespace). Hint: remove the file or fill it in"),
    ("\ufeff  \n".encode("utf-8"), "content/sources/x.txt: E102 has no text (only whitespace). Hint: remove the file "
                                    "or fill it in"),
    (b"%PDF-1.4\n...", "content/sources/x.txt: E103 is not a text document (it looks like a PDF document). Hint: "
                       "sources are .txt, .md or saved .html pages; convert other files to text first"),
    (b"\x89PNG\r\n\x1a\n", "content/sources/x.txt: E103 is not a text document (it looks like a PNG image). Hint: "
                           "sources are .txt, .md or saved .html pages; convert other files to text first"),
    (b"PK\x03\x04\x14\x00", "content/sources/x.txt: E103 is not a text document (it looks like a zip archive (or a "
                            "Word/Excel file)). Hint: sources are .txt, .md or saved .html pages; convert other files "
                            "to text first"),
    (b"\x7fELF\x02\x01", "content/sources/x.txt: E103 is not a text document (it looks like a program). Hint: "
                         "sources are .txt, .md or saved .html pages; convert other files to text first"),
    (b"abc\x00\x01\x02\x03\xff\x00\x00\x10binary", "content/sources/x.txt: E103 is not a text document (it contains "
                                                   "NUL bytes). Hint: sources are .txt, .md or saved .html pages; "
                                                   "convert other files to text first"),
    (b"text" + bytes(range(1, 9)) * 10, "content/sources/x.txt: E103 is not a text document (80 control characters "
                                        "in the first 84). Hint: sources are .txt, .md or saved .html pages; convert "
                                        "other files to text first"),
    (codecs.BOM_UTF16_LE + b"a\x00b", "content/sources/x.txt: E104 is not valid text in UTF-8, UTF-16 or Latin-1 "
                                      "(byte 4 is not valid utf-16). Hint: save the file as UTF-8"),
])
def test_what_is_not_text_is_refused_with_its_reason(data, message):
    with pytest.raises((EmptySource, BinarySource, UndecodableSource)) as caught:
        decode(data, PATH)
    assert caught.value.format_message() == message


def test_unmarked_utf16_needs_regular_zeros():
    assert unmarked_utf16("plain words".encode("utf-16-le")) == "utf-16-le"
    assert unmarked_utf16("plain words".encode("utf-16-be")) == "utf-16-be"
    assert unmarked_utf16(b"\x00\x01\x02\x00\x00\x00\x05\x06") is None
    assert unmarked_utf16(b"ab") is None
