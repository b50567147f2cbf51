"""Bytes to text: the encodings Arabic news comes in, detected so that Arabic never comes out as mojibake.

Order of decisions:
1. Known binary signatures (PNG, ZIP, PDF, …) are refused.
2. A byte-order mark decides (UTF-8, UTF-16, UTF-32).
3. Valid UTF-8 is UTF-8 (random bytes are practically never valid UTF-8). UTF-8 cut inside its last
   character (a truncated download) loses the incomplete bytes; UTF-8 text with a few damaged bytes
   among many good characters gets U+FFFD for them. Both come with a warning.
4. UTF-16 without a BOM is recognised by its pattern of zero bytes.
5. Otherwise charset-normalizer proposes an encoding among the Arabic legacy code pages (and Latin ones
   for Latin text), and the result must look like text: almost no control characters, real spaces
   between words, and — when the candidate is an Arabic code page — a clear majority of Arabic letters
   among the letters. Anything else is `undecodable` rather than a guess.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..errors import InputError


class Decoded(NamedTuple):
    text: str
    encoding: str
    warnings: list[dict]   # [{"code", "message"}] for a damaged but readable input

_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"PK\x03\x04": "ZIP archive",
    b"%PDF-": "PDF document",
    b"\x1f\x8b": "gzip archive",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"\x7fELF": "executable",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ\x00": "xz archive",
    b"7z\xbc\xaf\x27\x1c": "7z archive",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "Office document",
    b"SQLite format 3\x00": "SQLite database",
}
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)
_ARABIC_CODEPAGES = ("cp1256", "iso8859_6", "cp864", "cp720")
_LATIN_CODEPAGES = ("cp1252", "latin_1", "iso8859_15")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LETTER = re.compile(r"[^\W\d_]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _label(codec: str) -> str:
    return {"utf_8": "utf-8", "cp1256": "cp1256", "iso8859_6": "iso-8859-6", "latin_1": "latin-1",
            "cp1252": "cp1252", "iso8859_15": "iso-8859-15", "cp864": "cp864", "cp720": "cp720",
            "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}.get(codec, codec.replace("_", "-"))


def arabic_share(text: str) -> float:
    """Share of Arabic letters among all letters (0 when there are no letters)."""
    letters = len(_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return True
    if len(_CONTROL.findall(text)) > max(2, len(text) // 1000):
        return False
    words = text.split()
    # Real prose has spaces: the mean "word" is short. Random high bytes decode to one endless word.
    return len(words) > 0 and len(text) / len(words) < 25


def _refuse_binary(data: bytes, path: str) -> None:
    for signature, kind in _SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"{path}: binary input ({kind}), not text", "binary_input")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) // 2
    # Arabic in UTF-16 has the high byte 0x06, Latin and spaces 0x00: one byte column is that regular.
    for codec, column in (("utf_16_le", data[1::2]), ("utf_16_be", data[0::2])):
        if column.count(0) + column.count(6) >= 0.9 * half:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text, codec
    return None


def decode(data: bytes, path: str = "<bytes>") -> Decoded:
    """The text, its encoding label and any warnings; or InputError with code binary_input/undecodable."""
    _refuse_binary(data, path)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: starts with a {label} byte-order mark but is not valid {label} "
                                 f"(byte {exc.start})", "undecodable") from None
            return Decoded(text.lstrip("\ufeff"), label, [])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        damaged = _damaged_utf8(data, exc)
        if damaged is not None:
            return damaged
    else:
        if "\x00" in text:
            found = _utf16_without_bom(data)
            if found:
                return Decoded(found[0], _label(found[1]), [])
            raise InputError(f"{path}: binary input (contains NUL bytes), not text", "binary_input")
        return Decoded(text, "utf-8", [])
    found = _utf16_without_bom(data)
    if found:
        return Decoded(found[0], _label(found[1]), [])
    if b"\x00" in data:
        raise InputError(f"{path}: binary input (contains NUL bytes), not text", "binary_input")
    return _legacy(data, path)


def _damaged_utf8(data: bytes, error: UnicodeDecodeError) -> Decoded | None:
    """UTF-8 with its last character cut off, or with a few bad bytes among many good non-ASCII
    characters (a legacy code page has no valid multi-byte sequences at all, so it is not taken for this)."""
    if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
        text = data[:error.start].decode("utf-8")
        if any(ord(ch) > 127 for ch in text) and "\x00" not in text:
            return Decoded(text, "utf-8", [{"code": "truncated_utf8", "message":
                           f"the input ends inside a UTF-8 character: its last {len(data) - error.start} "
                           "byte(s) were dropped"}])
        return None
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if "\x00" in text or good < 10 or good < 10 * bad:
        return None
    return Decoded(text, "utf-8", [{"code": "invalid_utf8", "message":
                   f"{bad} invalid UTF-8 sequence(s) were replaced by U+FFFD"}])


def _legacy(data: bytes, path: str) -> Decoded:
    from charset_normalizer import from_bytes  # imported only for the rare non-UTF-8 input

    best = from_bytes(data, cp_isolation=list(_ARABIC_CODEPAGES + _LATIN_CODEPAGES)).best()
    candidates = ([best.encoding] if best is not None else []) + ["cp1256"]
    for codec in dict.fromkeys(candidates):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _looks_like_text(text):
            continue
        share = arabic_share(text)
        if codec in _ARABIC_CODEPAGES and share >= 0.6:
            return Decoded(text, _label(codec), [])
        if codec in _LATIN_CODEPAGES and share == 0.0:
            return Decoded(text, _label(codec), [])
    raise InputError(f"{path}: not text in a supported encoding (UTF-8, UTF-16, cp1256, ISO-8859-6)",
                     "undecodable")
