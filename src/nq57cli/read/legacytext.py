"""Which legacy encoding (TCVN3, VNI) a text is written in, judged by the text: the characters legacy
text shows and Unicode never has, and whether its words read as Vietnamese syllables once converted;
over a whole sheet, which of its cells to convert when no font says so."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from nq57cli.read.encodings import ACUTE, CODE_CHARS, DOT, TCVN3, TONES, VIETNAMESE_LETTERS, VNI, WORD, convert

# Characters of Unicode Vietnamese outside Latin-1 (ă, đ, ơ, ư, ĩ, ũ, the U+1Exx letters, combining
# marks): text holding one is Unicode, never legacy.
UNICODE_ONLY = re.compile("[" + "".join(sorted({ch for ch in VIETNAMESE_LETTERS if ord(ch) > 0xFF}))
                          + "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b]")
_LATIN1_VIETNAMESE = {ch for ch in VIETNAMESE_LETTERS if 0x80 <= ord(ch) <= 0xFF}
# Characters a legacy text shows and Unicode Vietnamese never has (©, ¸, µ, ø, ï, ...). The TCVN3
# capitals ¡¢£¤¥¦ (Ă Â Ê Ô Ơ Ư) are left out: OCR makes them of "ở", "ỹ" ("S¢", "k¥" in the seeds).
_MARKERS = {
    TCVN3: CODE_CHARS[TCVN3] - _LATIN1_VIETNAMESE - set("¡¢£¤¥¦"),
    VNI: CODE_CHARS[VNI] - _LATIN1_VIETNAMESE,
}
# VNI pairs Unicode never has: a base letter then a mark that is itself a Vietnamese letter ("oâ", "aù").
_VNI_PAIR_MARKER = re.compile(r"[aeoAEO][âÂ]|[aA][êÊéÉèÈúÚ]|[aeAE][áÁàÀãÃ]|[aeiouyôöAEIOUYÔÖ][ùÙõÕ]")
_ANY_MARKER = re.compile("[" + re.escape("".join(sorted(_MARKERS[TCVN3] | _MARKERS[VNI]))) + "]")
_ANY_LEGACY = re.compile("[" + re.escape("".join(sorted(CODE_CHARS[TCVN3] | CODE_CHARS[VNI]))) + "]")
_TOKEN = {
    TCVN3: re.compile("[A-Za-z" + re.escape("".join(sorted(CODE_CHARS[TCVN3]))) + "]+"),
    VNI: re.compile("[A-Za-z" + re.escape("".join(sorted(CODE_CHARS[VNI]))) + "]+"),
}
_NUCLEI = ("iêu|yêu|oai|oao|oay|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|"
           "ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y")
_SYLLABLE = re.compile(r"^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?(" + _NUCLEI + r")"
                       r"(ch|nh|ng|[cmnpt])?$")
# Vowel groups that end in a glide take no final consonant; others need one ("ăn", "tiên", "muốn").
_OPEN_ONLY = set("ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu oai oao oay oeo uây uôi ươi ươu iêu yêu uyu "
                 "ia ua ưa uya".split())
_CLOSED_ONLY = set("ă â iê yê uô ươ uâ oă uyê".split())


@lru_cache(maxsize=65536)
def _is_syllable(word: str) -> bool:
    """A Vietnamese syllable: onset, vowel group, final consonant that fit together, at most one
    tone mark, and only the acute or dot below before a final c, ch, p, t ("kết", never "kẻt")."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [ch for ch in decomposed if ch in TONES]
    if len(tones) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONES))
    match = _SYLLABLE.match(toneless)
    if not match:
        return False
    nucleus, coda = match.group(2), match.group(3)
    if (coda and nucleus in _OPEN_ONLY) or (not coda and nucleus in _CLOSED_ONLY):
        return False
    return not (coda in ("c", "ch", "p", "t") and tones and tones[0] not in (ACUTE, DOT))


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
    if UNICODE_ONLY.search(text):
        found.unicode_only = True
        return found
    for word in WORD.findall(text):
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
        codes = CODE_CHARS[encoding]
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
# Over a whole sheet


def convert_by_text(rows: list[list[Any]], skip: set[tuple[int, int]]) -> tuple[str, dict] | None:
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
    unicode_only, marker, pair = UNICODE_ONLY.search, _ANY_MARKER.search, _VNI_PAIR_MARKER.search
    for row in rows:
        for value in row:
            if value.__class__ is str and not value.isascii() and not unicode_only(value) \
                    and (marker(value) or pair(value)):
                return True
    return False


def _syllables(text: str) -> int:
    return sum(1 for word in WORD.findall(text) if not word.isascii() and _is_syllable(word))
