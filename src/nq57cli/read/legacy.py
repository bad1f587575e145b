"""Legacy Vietnamese encodings: text typed in TCVN3 (ABC, ".VnTime" fonts) or VNI ("VNI-Times"),
found by the cell's font where the file says it, else by the text, and converted to Unicode.

Excel keeps such text as the Windows-1252 characters of the font's bytes: "Uû ban nh©n d©n"
(TCVN3) and "UÛy ban nhaân daân" (VNI) are both "Uỷ ban nhân dân". TCVN3 has one byte per
lowercase letter but no capitals with tone marks: those are typed with the same bytes in the "H"
fonts (".VnTimeH"), which draw every letter as a capital. VNI writes a letter as a base letter
followed by a mark byte ("a" + "ø" = "à"), with upper- and lowercase marks.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from nq57cli.core.cells import cell_ref, parse_cell_ref
from nq57cli.read.guards import Archive, sheet_part
from nq57cli.domain.models import Finding

TCVN3 = "TCVN3"
VNI = "VNI"
NAMES = {TCVN3: "TCVN3/ABC", VNI: "VNI"}

_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
_TONES = (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)  # the order of the TCVN3 table below

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
_VNI_TONE = {_GRAVE: (0xF8, 0xD8), _ACUTE: (0xF9, 0xD9), _HOOK: (0xFB, 0xDB), _TILDE: (0xF5, 0xD5),
             _DOT: (0xEF, 0xCF)}
_VNI_CIRCUMFLEX = {None: (0xE2, 0xC2), _GRAVE: (0xE0, 0xC0), _ACUTE: (0xE1, 0xC1), _HOOK: (0xE5, 0xC5),
                   _TILDE: (0xE3, 0xC3), _DOT: (0xE4, 0xC4)}  # â ê ô with their tones
_VNI_BREVE = {None: (0xEA, 0xCA), _GRAVE: (0xE8, 0xC8), _ACUTE: (0xE9, 0xC9), _HOOK: (0xFA, 0xDA),
              _TILDE: (0xFC, 0xDC), _DOT: (0xEB, 0xCB)}  # ă with its tones
# Letters of one byte: ơ and ư (then followed by a tone byte), đ, the toned i, and ỵ.
_VNI_SINGLE = {"ơ": (0xF4, 0xD4), "ư": (0xF6, 0xD6), "đ": (0xF1, 0xD1), "ì": (0xEC, 0xCC), "í": (0xED, 0xCD),
               "ỉ": (0xE6, 0xC6), "ĩ": (0xF3, 0xD3), "ị": (0xF2, 0xD2), "ỵ": (0xEE, 0xCE)}

# ---------------------------------------------------------------------------------------------
# The conversion maps, built from the tables.

VIETNAMESE_LETTERS = "".join(
    unicodedata.normalize("NFC", base + quality + tone)
    for base, qualities in (("a", ("", "\u0306", "\u0302")), ("e", ("", "\u0302")), ("i", ("",)),
                            ("o", ("", "\u0302", "\u031b")), ("u", ("", "\u031b")), ("y", ("",)))
    for quality in qualities for tone in ("",) + _TONES
) + "đ"
VIETNAMESE_LETTERS += VIETNAMESE_LETTERS.upper()  # every vowel with its marks, and đ: 134 non-ASCII, both cases


def _tcvn3_maps() -> tuple[dict[str, str], dict[str, str]]:
    decode: dict[str, str] = {}
    for letter, codes in _TCVN3_BYTES.items():
        forms = [letter] + [unicodedata.normalize("NFC", letter + tone) for tone in _TONES]
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
        tone = next((m for m in marks if m in _TONES), None)
        quality = next((m for m in marks if m not in _TONES), None)
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

# Characters of Unicode Vietnamese outside Latin-1 (ă, đ, ơ, ư, ĩ, ũ, the U+1Exx letters, combining
# marks): text holding one is Unicode, never legacy.
_UNICODE_ONLY = re.compile("[" + "".join(sorted({ch for ch in VIETNAMESE_LETTERS if ord(ch) > 0xFF}))
                           + "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b]")
_LATIN1_VIETNAMESE = {ch for ch in VIETNAMESE_LETTERS if 0x80 <= ord(ch) <= 0xFF}
# Characters a legacy text shows and Unicode Vietnamese never has (©, ¸, µ, ø, ï, ...). The TCVN3
# capitals ¡¢£¤¥¦ (Ă Â Ê Ô Ơ Ư) are left out: OCR makes them of "ở", "ỹ" ("S¢", "k¥" in the seeds).
_MARKERS = {
    TCVN3: frozenset(_TCVN3_DECODE) - _LATIN1_VIETNAMESE - set("¡¢£¤¥¦"),
    VNI: frozenset(_VNI_CHARS) - _LATIN1_VIETNAMESE,
}
# VNI pairs Unicode never has: a base letter then a mark that is itself a Vietnamese letter ("oâ", "aù").
_VNI_PAIR_MARKER = re.compile(r"[aeoAEO][âÂ]|[aA][êÊéÉèÈúÚ]|[aeAE][áÁàÀãÃ]|[aeiouyôöAEIOUYÔÖ][ùÙõÕ]")
_ANY_MARKER = re.compile("[" + re.escape("".join(sorted(_MARKERS[TCVN3] | _MARKERS[VNI]))) + "]")
_ANY_LEGACY = re.compile("[" + re.escape("".join(sorted(set(_TCVN3_DECODE) | _VNI_CHARS))) + "]")
_TOKEN = {
    TCVN3: re.compile("[A-Za-z" + re.escape("".join(sorted(_TCVN3_DECODE))) + "]+"),
    VNI: re.compile("[A-Za-z" + re.escape("".join(sorted(_VNI_CHARS))) + "]+"),
}
_WORD = re.compile(r"[^\W\d_]+")
_NUCLEI = ("iêu|yêu|oai|oao|oay|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|"
           "ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y")
_SYLLABLE = re.compile(r"^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?(" + _NUCLEI + r")"
                       r"(ch|nh|ng|[cmnpt])?$")
# Vowel groups that end in a glide take no final consonant; others need one ("ăn", "tiên", "muốn").
_OPEN_ONLY = set("ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu oai oao oay oeo uây uôi ươi ươu iêu yêu uyu "
                 "ia ua ưa uya".split())
_CLOSED_ONLY = set("ă â iê yê uô ươ uâ oă uyê".split())


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

    return _WORD.sub(fix, text)


def convert(text: str, encoding: str, capitals: bool = False) -> str:
    """decode(), plus TCVN3 words typed in capitals made all capitals: what a cell shows."""
    out = decode(text, encoding, capitals)
    return _fix_capitals(out) if encoding == TCVN3 and not capitals else out


# ---------------------------------------------------------------------------------------------
# Detection by the text


@lru_cache(maxsize=65536)
def _is_syllable(word: str) -> bool:
    """A Vietnamese syllable: onset, vowel group, final consonant that fit together, at most one
    tone mark, and only the acute or dot below before a final c, ch, p, t ("kết", never "kẻt")."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [ch for ch in decomposed if ch in _TONES]
    if len(tones) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    match = _SYLLABLE.match(toneless)
    if not match:
        return False
    nucleus, coda = match.group(2), match.group(3)
    if (coda and nucleus in _OPEN_ONLY) or (not coda and nucleus in _CLOSED_ONLY):
        return False
    return not (coda in ("c", "ch", "p", "t") and tones and tones[0] not in (_ACUTE, _DOT))


def _reads_as(word: str, encoding: str) -> bool:
    new = convert(word, encoding)
    return new != word and _is_word(new)


def _is_word(word: str) -> bool:
    """A syllable written in small letters, capitals, or with a capital first ("nhân", "NHÂN", "Nhân")."""
    return (word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower())) \
        and _is_syllable(word)


@dataclass
class Evidence:
    """What one text says about its encoding."""

    unicode_only: bool = False  # holds a letter only Unicode has: never converted
    # legacy-looking words, less the words that make no sense read that way
    hits: dict[str, int] = field(default_factory=lambda: {TCVN3: 0, VNI: 0})
    unicode_words: int = 0  # words with diacritics that are Vietnamese syllables as they stand
    other_words: int = 0  # small-letter ASCII words that are no Vietnamese syllable ("thick")
    foreign: dict[str, bool] = field(default_factory=lambda: {TCVN3: False, VNI: False})  # letters outside the code


def evidence(text: str) -> Evidence | None:
    """Evidence for the encodings of one text; None when the text cannot be legacy (ASCII, none of the bytes)."""
    if text.isascii() or not _ANY_LEGACY.search(text):
        return None
    found = Evidence()
    if _UNICODE_ONLY.search(text):
        found.unicode_only = True
        return found
    for word in _WORD.findall(text):
        if not word.isascii():
            # a word that also reads as a legacy word ("có": TCVN3 "cú") speaks for neither
            found.unicode_words += _is_syllable(word) and not any(_reads_as(word, e) for e in (TCVN3, VNI))
        elif len(word) > 1 and word.islower() and not _is_syllable(word):
            found.other_words += 1
    for encoding in (TCVN3, VNI):
        markers = _MARKERS[encoding]
        for token in _TOKEN[encoding].findall(text):
            if token.isascii():
                continue
            new = convert(token, encoding)
            if _is_word(new):
                marked = any(ch in markers for ch in token) or (encoding == VNI and _VNI_PAIR_MARKER.search(token))
                found.hits[encoding] += bool(marked and len(token) > 1)
            elif new != token and not new.isupper():  # "Keát" read as TCVN3 is "Kộỏt": evidence against
                found.hits[encoding] -= 1
        codes = _TCVN3_DECODE if encoding == TCVN3 else _VNI_CHARS
        found.foreign[encoding] = any(not ch.isascii() and ch.isalpha() and ch not in codes for ch in text)
    return found


def detect(text: str) -> str | None:
    """TCVN3 or VNI when the text reads as that legacy encoding, else None (see _decide())."""
    found = evidence(text)
    if found is None or found.unicode_only:
        return None
    hits = {e: 0 if found.foreign[e] else found.hits[e] for e in (TCVN3, VNI)}
    best = max(hits, key=lambda e: hits[e])
    return best if _decide(hits, best, found.unicode_words, found.other_words) else None


def _decide(hits: dict[str, int], best: str, unicode_words: int, other_words: int) -> bool:
    """Legacy when it wins over the other encoding and over the words that read as Unicode;
    a single legacy-looking word is enough only when every other word reads as Vietnamese."""
    other = VNI if best == TCVN3 else TCVN3
    count = hits[best]
    return count > hits[other] and count >= unicode_words and (count >= 2 or unicode_words + other_words == 0) \
        and count > 0


# ---------------------------------------------------------------------------------------------
# Detection by the font (.xlsx, .xlsm): styles.xml names the fonts; only files naming a legacy
# font have their sheet and shared strings read again.

Run = tuple[str, "tuple[str, bool] | None"]  # text, (encoding, capitals) of its font


def _parse(source: Any, tags: tuple[str, ...], events: tuple[str, ...] = ("end",)) -> Iterator[tuple[str, Any]]:
    from lxml import etree

    return etree.iterparse(source, events=events, tag=tags, resolve_entities=False, no_network=True,
                           huge_tree=False, load_dtd=False)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _style_fonts(archive: Any) -> list[tuple[str, bool] | None] | None:
    """The legacy font of each cell style (cellXfs index), or None when no style uses one."""
    try:
        data = archive.read("xl/styles.xml")
    except KeyError:
        return None
    fonts: list[tuple[str, bool] | None] = []
    styles: list[tuple[str, bool] | None] = []
    for _, element in _parse(io.BytesIO(data), ("{*}font", "{*}cellXfs")):
        if _local(element.tag) == "font" and _local(element.getparent().tag) == "fonts":
            name = next((child.get("val") for child in element if _local(child.tag) == "name"), None)
            fonts.append(font_encoding(name))
        elif _local(element.tag) == "cellXfs":
            for xf in element:
                font_id = xf.get("fontId") or "0"
                index = int(font_id) if font_id.isdigit() else 0
                styles.append(fonts[index] if index < len(fonts) else None)
    return styles if any(styles) else None


def _runs(element: Any, cell_font: tuple[str, bool] | None) -> list[Run]:
    """Text runs of a <si> or <is>: plain <t>, or rich <r> runs with their own font (<rFont>)."""
    runs: list[Run] = []
    for child in element:
        tag = _local(child.tag)
        if tag == "t":
            runs.append((child.text or "", cell_font))
        elif tag == "r":
            font = cell_font
            text = ""
            for part in child:
                if _local(part.tag) == "rPr":
                    name = next((p.get("val") for p in part if _local(p.tag) == "rFont"), None)
                    if name:
                        font = font_encoding(name)
                elif _local(part.tag) == "t":
                    text = part.text or ""
            runs.append((text, font))
    return runs


def _cell_position(ref: str | None, row: int, col: int) -> tuple[int, int]:
    """The cell's (row, col), 0-based, from its reference; without one, the next cell of the row."""
    return parse_cell_ref(ref) or (row, col + 1)


def font_runs(path: Path, sheet_name: str, archive: Archive | None = None) -> dict[tuple[int, int], list[Run]]:
    """(row, col) 0-based → text runs with their fonts, for the cells of a sheet written in a legacy font.

    Empty for Unicode workbooks, other formats and damaged files: never raises. `archive`: the
    package already opened by the reader (its styles are then not read again).
    """
    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        return {}
    try:
        if archive is not None:  # the reader's package: styles and sheet read from it, not opened again
            try:
                styles_xml = archive.read("xl/styles.xml")
            except KeyError:
                return {}
            return _legacy_runs(archive, sheet_name) if _styles_name_legacy_font(styles_xml) else {}
        stat = path.stat()
        if not _names_legacy_font(str(path), stat.st_mtime_ns, stat.st_size):
            return {}
        with zipfile.ZipFile(path) as opened:
            return _legacy_runs(opened, sheet_name)
    except Exception:  # a damaged archive or part raises many types; the text heuristic still applies
        return {}


def _legacy_runs(archive: Any, sheet_name: str) -> dict[tuple[int, int], list[Run]]:
    styles = _style_fonts(archive)
    return _sheet_runs(archive, sheet_name, styles) if styles else {}


@lru_cache(maxsize=64)
def _names_legacy_font(path: str, mtime_ns: int, size: int) -> bool:
    """Whether the workbook's styles name a legacy font (asked once per file, not per sheet)."""
    try:
        with zipfile.ZipFile(path) as archive:
            data = archive.read("xl/styles.xml")
    except Exception:  # damaged or no styles part: nothing to learn from fonts
        return False
    return _styles_name_legacy_font(data)


def _styles_name_legacy_font(styles_xml: bytes) -> bool:
    lowered = styles_xml.lower()
    return b'".vn' in lowered or b'"vni' in lowered


def _sheet_runs(archive: Any, sheet_name: str, styles: list) -> dict[tuple[int, int], list[Run]]:
    part = sheet_part(archive, sheet_name)
    if not part:
        return {}
    shared: dict[tuple[int, int], tuple[int, tuple[str, bool] | None]] = {}
    found: dict[tuple[int, int], list[Run]] = {}
    row, col = -1, -1
    with archive.open(part) as handle:
        for event, element in _parse(handle, ("{*}row", "{*}c"), events=("start", "end")):
            tag = _local(element.tag)
            if tag == "row":
                if event == "start":
                    number = element.get("r")
                    row, col = (int(number) - 1 if number and number.isdigit() else row + 1), -1
                else:
                    element.clear()
                continue
            if event == "start":
                continue
            row, col = _cell_position(element.get("r"), row, col)
            style = element.get("s") or "0"
            font = styles[int(style)] if style.isdigit() and int(style) < len(styles) else None
            kind = element.get("t")
            if kind == "s":
                value = next((child.text for child in element if _local(child.tag) == "v"), None)
                if value and value.strip().isdigit():
                    shared[(row, col)] = (int(value), font)
            elif kind == "inlineStr":
                inline = next((child for child in element if _local(child.tag) == "is"), None)
                runs = _runs(inline, font) if inline is not None else []
                if any(f for _, f in runs):
                    found[(row, col)] = runs
            elif kind == "str" and font:
                value = next((child.text for child in element if _local(child.tag) == "v"), None)
                if value:
                    found[(row, col)] = [(value, font)]
            element.clear()
    if shared:
        strings = _shared_strings(archive, {index for index, _ in shared.values()})
        for position, (index, font) in shared.items():
            if index in strings:
                runs = [(text, run_font if run_font is not _CELL_FONT else font) for text, run_font in strings[index]]
                if any(f for _, f in runs):
                    found[position] = runs
    return found


_CELL_FONT: Any = object()  # a shared-string run without a font of its own takes the cell's


def _shared_strings(archive: zipfile.ZipFile, wanted: set[int]) -> dict[int, list]:
    strings: dict[int, list] = {}
    try:
        handle = archive.open("xl/sharedStrings.xml")
    except KeyError:
        return strings
    with handle:
        for index, (_, element) in enumerate(_parse(handle, ("{*}si",))):
            if index in wanted:
                strings[index] = _runs(element, _CELL_FONT)
            element.clear()
    return strings


# ---------------------------------------------------------------------------------------------
# Converting a sheet's values


@dataclass
class Conversion:
    """The cells of one sheet converted from one encoding, and how the encoding was known."""

    encoding: str
    by_font: bool
    fonts: list[str] = field(default_factory=list)
    cells: list[tuple[int, int]] = field(default_factory=list)


def _convert_runs(value: str, runs: list[Run]) -> tuple[str, tuple[str, bool] | None]:
    """The cell's text with each legacy run converted; runs holding Unicode-only letters are kept."""
    joined = "".join(text for text, _ in runs)
    legacy = next((font for _, font in runs if font), None)
    if joined != value:  # the reader normalised the text: convert it whole, by its first legacy font
        if legacy is None or _UNICODE_ONLY.search(value):
            return value, None
        return convert(value, *legacy), legacy
    out = []
    for text, font in runs:
        out.append(text if font is None or _UNICODE_ONLY.search(text) else convert(text, *font))
    return "".join(out), legacy


def convert_rows(path: Path, sheet_name: str, rows: list[list[Any]],
                 archive: Archive | None = None) -> tuple[list[list[Any]], list[Conversion]]:
    """The sheet's rows with legacy text converted to Unicode, and what was converted.

    A cell in a legacy font is converted by its font; other cells are converted when the text of
    the sheet reads as TCVN3 or VNI and the cell's own text does (see evidence()).
    """
    runs = font_runs(path, sheet_name, archive)
    changes: dict[tuple[int, int], str] = {}
    conversions: dict[tuple[str, bool], Conversion] = {}
    for (r, c), cell_runs in runs.items():
        if r >= len(rows) or c >= len(rows[r]) or not isinstance(rows[r][c], str):
            continue
        value = rows[r][c]
        new, font = _convert_runs(value, cell_runs)
        if font is None:
            continue
        record = conversions.setdefault((font[0], True), Conversion(font[0], True))
        name = _font_label(font)
        if name not in record.fonts:
            record.fonts.append(name)
        if new != value:
            changes[(r, c)] = new
            record.cells.append((r, c))
    by_text = _convert_by_text(rows, skip=set(runs))
    if by_text:
        encoding, converted = by_text
        record = conversions.setdefault((encoding, False), Conversion(encoding, False))
        for position, new in converted.items():
            changes[position] = new
            record.cells.append(position)
    if not changes:
        return rows, [c for c in conversions.values() if c.cells]
    out = [list(row) if any((r, c) in changes for c in range(len(row))) else row for r, row in enumerate(rows)]
    for (r, c), new in changes.items():
        out[r][c] = new
    return out, [c for c in conversions.values() if c.cells]


def _font_label(font: tuple[str, bool]) -> str:
    return {(TCVN3, False): ".VnTime", (TCVN3, True): ".VnTimeH", (VNI, False): "VNI-Times"}[font]


def _convert_by_text(rows: list[list[Any]], skip: set[tuple[int, int]]) -> tuple[str, dict] | None:
    """(encoding, {(row, col): new text}) when the sheet's text reads as a legacy encoding."""
    if not _may_be_legacy(rows):
        return None
    cells: list[tuple[tuple[int, int], str, Evidence]] = []
    unicode_cells: list[str] = []
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if not isinstance(value, str) or (r, c) in skip:
                continue
            found = evidence(value)
            if found is None:
                continue
            if found.unicode_only:
                unicode_cells.append(value)
            else:
                cells.append(((r, c), value, found))
    if not cells:
        return None
    totals = {e: sum(f.hits[e] for _, _, f in cells if not f.foreign[e]) for e in (TCVN3, VNI)}
    encoding = max(totals, key=lambda e: totals[e])
    if not totals[encoding]:
        return None
    unicode_words = sum(f.unicode_words for _, _, f in cells) + sum(_syllables(v) for v in unicode_cells)
    other_words = sum(f.other_words for _, _, f in cells)
    if not _decide(totals, encoding, 0, 0) or (totals[encoding] < 2 and unicode_words + other_words):
        return None  # (the Unicode words of the sheet may outnumber its legacy ones: mixed sheets are)
    # Mostly legacy (few Unicode words anywhere): cells without a telltale character are converted too.
    strong = totals[encoding] >= 2 * unicode_words
    converted: dict[tuple[int, int], str] = {}
    for position, value, found in cells:
        if found.foreign[encoding]:
            continue
        hits = found.hits[encoding]
        new = convert(value, encoding)
        if new == value:
            continue
        if (hits > 0 and hits >= found.unicode_words) or (strong and _syllables(new) >= _syllables(value)):
            converted[position] = new
    return (encoding, converted) if converted else None


def _may_be_legacy(rows: list[list[Any]]) -> bool:
    """Whether some text of the sheet holds a legacy telltale. Unicode Vietnamese text stops at its
    first letter outside Latin-1, so the common case costs one short regex search per text cell."""
    unicode_only, marker, pair = _UNICODE_ONLY.search, _ANY_MARKER.search, _VNI_PAIR_MARKER.search
    for row in rows:
        for value in row:
            if value.__class__ is str and not value.isascii() and not unicode_only(value) \
                    and (marker(value) or pair(value)):
                return True
    return False


def _syllables(text: str) -> int:
    return sum(1 for word in _WORD.findall(text) if not word.isascii() and _is_syllable(word))


def cell_list(cells: list[tuple[int, int]], limit: int = 12) -> str:
    """"C5, C6, D9 …(+40)": the converted cells, in sheet order."""
    ordered = sorted(cells)
    shown = ", ".join(cell_ref(r, c) for r, c in ordered[:limit])
    return shown + (f" … (+{len(ordered) - limit})" if len(ordered) > limit else "")


def decode_legacy_rows(path: Path, sheet_name: str, rows: list[list[Any]], display: str,
                       findings: list[Finding], archive: Archive | None = None) -> list[list[Any]]:
    """convert_rows(), with one finding per encoding found in the sheet (text.legacy_encoding)."""
    if not rows:
        return rows
    out, conversions = convert_rows(path, sheet_name, rows, archive)
    for item in conversions:
        findings.append(Finding(
            severity="info" if item.by_font else "warning", code="text.legacy_encoding", file=display,
            sheet=sheet_name,
            params={"encoding": NAMES[item.encoding], "count": len(item.cells), "cells": cell_list(item.cells),
                    "how": "font" if item.by_font else "text", "fonts": ", ".join(item.fonts)},
        ))
    return out

