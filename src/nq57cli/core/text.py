"""Text normalisation: NFC, whitespace, and keys for comparing Vietnamese text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

# Tone marks move between vowels in old ("hoà", "Uỷ") and new ("hòa", "Ủy") spelling;
# quality marks (circumflex, breve, horn) never do.
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# A run of spaces to fold into one: any run that starts with an odd space, or two or more (a single
# plain space is left alone, so ordinary text is not rewritten space by space).
_SPACE_CHARS = " \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff"
_SPACES = re.compile(f"[{_SPACE_CHARS[1:]}][{_SPACE_CHARS}]*| [{_SPACE_CHARS}]+")
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|_x000D_\n?|\v")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
# Keys keep combining marks inside words: a tone moved after a final consonant ("tông̉") stays put,
# so match_key(match_key(x)) == match_key(x).
_KEY_SPLIT = re.compile(r"(?:[^\w\u0300-\u036f]|_)+")


def clean(value: object) -> str | None:
    """Cell value as tidy NFC text: spaces collapsed, line breaks kept, empty → None.

    Texts are long (results run to thousands of characters), so the common cases are decided with
    whole-string methods: str.isprintable() is false for every odd space, tab, carriage return and
    separator; with none of them, only runs of plain spaces and blank lines can need tidying.
    """
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    if not text:
        return None
    if not text.isascii():  # normalize() returns NFC text itself after a quick check; is_normalized()
        text = unicodedata.normalize("NFC", text)  # would normalize NFD text once to answer, then again
    multiline = "\n" in text
    if (text.replace("\n", "") if multiline else text).isprintable() and "_x000D_" not in text:
        if text[0] not in " \n" and text[-1] not in " \n" and "  " not in text \
                and not (multiline and ("\n\n" in text or " \n" in text or "\n " in text)):
            return text  # the common case: nothing to tidy
        while "  " in text:
            text = text.replace("  ", " ")
    else:
        if "\r" in text or "_x000D_" in text or "\v" in text or "\u2028" in text or "\u2029" in text:
            text = _LINE_BREAKS.sub("\n", text)
        text = _SPACES.sub(" ", text)
    if "\n" not in text:
        return text.strip() or None
    return "\n".join(line for line in (part.strip() for part in text.split("\n")) if line) or None


@lru_cache(maxsize=16384)
def _clean_recurring(text: str) -> str | None:
    return clean(text)


def clean_recurring(value: object) -> str | None:
    """clean() for texts that recur from file to file (task titles copied from the catalog into
    every agency's file): each distinct text is tidied once per process."""
    return _clean_recurring(value) if value.__class__ is str else clean(value)


def one_line(value: object) -> str | None:
    """Like clean() but line breaks become spaces (titles, names, headers)."""
    text = clean(value)
    return text.replace("\n", " ") if text else text


SHORT_TEXT = 120  # characters: cells up to this long (headers, IDs, statuses, dates) recur from file to file


@lru_cache(maxsize=16384)
def _one_line_short(text: str) -> str | None:
    return one_line(text)


def one_line_recurring(value: object) -> str | None:
    """one_line() for short cells that recur in file after file (statuses, IDs, dates as text): each
    distinct text is tidied once per process."""
    if value.__class__ is str and len(value) <= SHORT_TEXT:  # type: ignore[arg-type]
        return _one_line_short(value)  # type: ignore[arg-type]
    return one_line(value)


@lru_cache(maxsize=65536)
def _relocate_tone(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    base = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", base + "".join(tones))


def match_key(value: object) -> str:
    """Key for comparing task texts: case, spacing, punctuation and tone placement folded.

    "Ủy ban" and "Uỷ  ban," give the same key; "hòa" and "hoa" do not. Keys of texts are
    remembered: the same titles and agency names come back in every file.
    """
    if value.__class__ is str:
        return _match_key_text(value)  # type: ignore[arg-type]
    return _match_key(value)


@lru_cache(maxsize=16384)
def _match_key_text(text: str) -> str:
    return _match_key(text)


def _match_key(value: object) -> str:
    text = clean(value)
    if not text:
        return ""
    words = _KEY_SPLIT.sub(" ", text.casefold()).split()
    return " ".join(_relocate_tone(w) for w in words)


def strip_diacritics(value: str) -> str:
    """ASCII-ish form: every diacritic dropped, đ → d."""
    decomposed = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    if decomposed.isascii():
        return decomposed
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=8192)
def _header_key(text: str) -> str:
    cleaned = clean(text)
    if not cleaned:
        return ""
    return " ".join(_NON_WORD.sub(" ", strip_diacritics(cleaned).casefold()).split())


def header_key(value: object) -> str:
    """Key for matching column headers: case, diacritics, spacing and punctuation ignored."""
    if value is None:
        return ""
    return _header_key(value if isinstance(value, str) else str(value))


_NUMBER = re.compile(r"(\d+)")


@lru_cache(maxsize=16384)
def natural_key(name: str) -> tuple[Any, ...]:
    """Sort key putting 'Số 2' before 'Số 10' and 'Xã 9' before 'Xã 10': digits compared as numbers,
    the rest as match_key. Every list of names shown to a reader is in this order."""
    return tuple(int(part) if part.isdigit() else match_key(part) for part in _NUMBER.split(name))


def natural_sorted(names: Iterable[str]) -> list[str]:
    return sorted(names, key=natural_key)
