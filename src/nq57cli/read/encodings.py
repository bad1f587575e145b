"""Legacy Vietnamese encodings, the code tables and the conversion: text typed in TCVN3 (ABC, ".VnTime"
fonts) or VNI ("VNI-Times") to and from Unicode, and the encoding a font name implies.

Excel keeps such text as the Windows-1252 characters of the font's bytes: "Uû ban nh©n d©n"
(TCVN3) and "UÛy ban nhaân daân" (VNI) are both "Uỷ ban nhân dân". TCVN3 has one byte per
lowercase letter but no capitals with tone marks: those are typed with the same bytes in the "H"
fonts (".VnTimeH"), which draw every letter as a capital. VNI writes a letter as a base letter
followed by a mark byte ("a" + "ø" = "à"), with upper- and lowercase marks.
"""

from __future__ import annotations

import re
import unicodedata

TCVN3 = "TCVN3"
VNI = "VNI"
NAMES = {TCVN3: "TCVN3/ABC", VNI: "VNI"}

GRAVE, HOOK, TILDE, ACUTE, DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
TONES = (GRAVE, HOOK, TILDE, ACUTE, DOT)  # the order of the TCVN3 table below

# ---------------------------------------------------------------------------------------------
# The tables (data). Bytes are given as in the published code charts; as text they are the
# Windows-1252 (= Latin-1 for 0xA0-0xFF) characters Excel stores.

# TCVN3: letter → (its own byte or None when it is ASCII, then with grave, hook, tilde, acute, dot below)
_TCVN3_BYTES: dict[str, tuple[int | None, ...]] = {
    "a": (None, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (None, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (None, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (None, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (None, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (None, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
    "đ": (0xAE,),
    # the only capitals of the plain fonts: without tone marks
    "Ă": (0xA1,), "Â": (0xA2,), "Ê": (0xA3,), "Ô": (0xA4,), "Ơ": (0xA5,), "Ư": (0xA6,), "Đ": (0xA7,),
}

# VNI Windows: a mark byte follows the base letter (lowercase byte, uppercase byte).
_VNI_TONE = {GRAVE: (0xF8, 0xD8), ACUTE: (0xF9, 0xD9), HOOK: (0xFB, 0xDB), TILDE: (0xF5, 0xD5),
             DOT: (0xEF, 0xCF)}
_VNI_CIRCUMFLEX = {None: (0xE2, 0xC2), GRAVE: (0xE0, 0xC0), ACUTE: (0xE1, 0xC1), HOOK: (0xE5, 0xC5),
                   TILDE: (0xE3, 0xC3), DOT: (0xE4, 0xC4)}  # â ê ô with their tones
_VNI_BREVE = {None: (0xEA, 0xCA), GRAVE: (0xE8, 0xC8), ACUTE: (0xE9, 0xC9), HOOK: (0xFA, 0xDA),
              TILDE: (0xFC, 0xDC), DOT: (0xEB, 0xCB)}  # ă with its tones
# Letters of one byte: ơ and ư (then followed by a tone byte), đ, the toned i, and ỵ.
_VNI_SINGLE = {"ơ": (0xF4, 0xD4), "ư": (0xF6, 0xD6), "đ": (0xF1, 0xD1), "ì": (0xEC, 0xCC), "í": (0xED, 0xCD),
               "ỉ": (0xE6, 0xC6), "ĩ": (0xF3, 0xD3), "ị": (0xF2, 0xD2), "ỵ": (0xEE, 0xCE)}

# ---------------------------------------------------------------------------------------------
# The conversion maps, built from the tables.

VIETNAMESE_LETTERS = "".join(
    unicodedata.normalize("NFC", base + quality + tone)
    for base, qualities in (("a", ("", "\u0306", "\u0302")), ("e", ("", "\u0302")), ("i", ("",)),
                            ("o", ("", "\u0302", "\u031b")), ("u", ("", "\u031b")), ("y", ("",)))
    for quality in qualities for tone in ("",) + TONES
) + "đ"
VIETNAMESE_LETTERS += VIETNAMESE_LETTERS.upper()  # every vowel with its marks, and đ: 134 non-ASCII, both cases


def _tcvn3_maps() -> tuple[dict[str, str], dict[str, str]]:
    decode: dict[str, str] = {}
    for letter, codes in _TCVN3_BYTES.items():
        forms = [letter] + [unicodedata.normalize("NFC", letter + tone) for tone in TONES]
        for form, code in zip(forms, codes):
            if code is not None:
                decode[chr(code)] = form
    return decode, {v: k for k, v in decode.items()}


def _vni_maps() -> tuple[dict[str, str], dict[str, str]]:
    encode: dict[str, str] = {}
    for letter in VIETNAMESE_LETTERS:
        lower = letter.lower()
        upper = letter.isupper()
        pick = 1 if upper else 0
        if lower in _VNI_SINGLE:
            encode[letter] = chr(_VNI_SINGLE[lower][pick])
            continue
        parts = unicodedata.normalize("NFD", lower)
        base, marks = parts[0], parts[1:]
        tone = next((m for m in marks if m in TONES), None)
        quality = next((m for m in marks if m not in TONES), None)
        head = base.upper() if upper else base
        if quality == "\u031b":  # horn: ơ, ư are one byte, then the tone
            head = chr(_VNI_SINGLE[unicodedata.normalize("NFC", base + quality)][pick])
            mark = chr(_VNI_TONE[tone][pick]) if tone else ""
        elif quality == "\u0302":
            mark = chr(_VNI_CIRCUMFLEX[tone][pick])
        elif quality == "\u0306":
            mark = chr(_VNI_BREVE[tone][pick])
        else:
            mark = chr(_VNI_TONE[tone][pick]) if tone else ""
        encode[letter] = head + mark
    decode = {v: k for k, v in encode.items() if len(v) > 1 or not v.isascii()}
    # Tolerate a mark of the other case (Caps Lock, or a capital then small marks): the base decides.
    for text, letter in list(decode.items()):
        if len(text) == 2:
            for mark in (text[1].lower(), text[1].upper()):
                decode.setdefault(text[0] + mark, letter)
    return decode, encode


_TCVN3_DECODE, _TCVN3_ENCODE = _tcvn3_maps()
_VNI_DECODE, _VNI_ENCODE = _vni_maps()
_VNI_PAIRS = {k for k in _VNI_DECODE if len(k) == 2}
_VNI_ONE = {k: v for k, v in _VNI_DECODE.items() if len(k) == 1}
_VNI_CHARS = {ch for k in _VNI_DECODE for ch in k if not ch.isascii()}
CODE_CHARS = {TCVN3: frozenset(_TCVN3_DECODE), VNI: frozenset(_VNI_CHARS)}  # what legacy text is made of
# Letters in a text (no digits, no underscore).
WORD = re.compile(r"[^\W\d_]+")


# ---------------------------------------------------------------------------------------------
# Conversion


def decode(text: str, encoding: str, capitals: bool = False) -> str:
    """Legacy text (as Excel stores it) → Unicode NFC. `capitals`: typed in a TCVN3 "H" font."""
    if encoding == TCVN3:
        out = "".join(_TCVN3_DECODE.get(ch, ch) for ch in text)
        return out.upper() if capitals else out
    if encoding == VNI:
        return _decode_vni(text)
    raise ValueError(f"unknown encoding {encoding!r}")


def _decode_vni(text: str) -> str:
    out = []
    i, n = 0, len(text)
    while i < n:
        pair = text[i:i + 2]
        if len(pair) == 2 and pair in _VNI_PAIRS:
            out.append(_VNI_DECODE[pair])
            i += 2
        else:
            out.append(_VNI_ONE.get(text[i], text[i]))
            i += 1
    return "".join(out)


def encode(text: str, encoding: str, capitals: bool = False) -> str:
    """Unicode → legacy text, the inverse of decode() (for tests and fixtures).

    TCVN3 has no capitals with tone marks: with `capitals` the text is written for an "H" font
    (its lowercase bytes, drawn as capitals); without, such a capital raises ValueError.
    """
    text = unicodedata.normalize("NFC", text)
    if encoding == TCVN3:
        if capitals:
            text = text.lower()
        out = []
        for ch in text:
            if ch in _TCVN3_ENCODE:
                out.append(_TCVN3_ENCODE[ch])
            elif ch in VIETNAMESE_LETTERS and not ch.isascii():
                raise ValueError(f"{ch!r} has no TCVN3 byte outside the capital (H) fonts")
            else:
                out.append(ch)
        return "".join(out)
    if encoding == VNI:
        return "".join(_VNI_ENCODE.get(ch, ch) for ch in text)
    raise ValueError(f"unknown encoding {encoding!r}")


def font_encoding(name: str | None) -> tuple[str, bool] | None:
    """(encoding, capitals) a font name implies: ".VnTime" → TCVN3, ".VnTimeH" → TCVN3 capitals,
    "VNI-Times" → VNI; None for Unicode fonts."""
    name = (name or "").strip()
    if name[:3].lower() == ".vn":
        return TCVN3, name.endswith("H")
    if name[:4].lower() in ("vni-", "vni "):
        return VNI, False
    return None


def _fix_capitals(text: str) -> str:
    """A word typed in capitals with TCVN3 bytes read through a plain font ("TØNH" → "TỉNH"):
    its ASCII letters are all capitals, so the whole word is ("TỈNH")."""
    def fix(match: re.Match) -> str:
        word = match.group(0)
        ascii_letters = [ch for ch in word if ch.isascii()]
        if len(ascii_letters) >= 2 and all(ch.isupper() for ch in ascii_letters) and not word.isupper():
            return word.upper()
        return word

    return WORD.sub(fix, text)


def convert(text: str, encoding: str, capitals: bool = False) -> str:
    """decode(), plus TCVN3 words typed in capitals made all capitals: what a cell shows."""
    out = decode(text, encoding, capitals)
    return _fix_capitals(out) if encoding == TCVN3 and not capitals else out
