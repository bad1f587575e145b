"""How much room text takes in a rendered document: advance widths of Times New Roman and the lines a
paragraph wraps into, as Word and LibreOffice lay them out (greedy, at spaces and line breaks).

Widths come from the Adobe Times metrics, which Times New Roman and Liberation Serif share;
Vietnamese letters take the width of their base letter. A line is LINE_HEIGHT times the largest
size on it. Checked against LibreOffice's PDF of Phụ lục 03 (74 rows): every row's height within one
line of the estimate, 73 of them exact to the row's border (ROW_RULE).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Advance widths in 1/1000 em, regular and bold (Times-Roman / Times-Bold AFM); others 500.
_CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
_REGULAR = dict(zip(_CHARS, (
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, *[500] * 10, 278, 278,
    564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556,
    722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444,
    333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444,
    480, 200, 480, 541), strict=True))
_BOLD = dict(zip(_CHARS, (
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, *[500] * 10, 333, 333,
    570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611,
    778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444,
    333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444,
    394, 220, 394, 520), strict=True))

AVERAGE = 470  # 1/1000 em: a Vietnamese text's average advance width, for lengths of whole paragraphs
LINE_HEIGHT = 1.15  # a line of Times New Roman (and Liberation Serif) is 1.15 times its size
ROW_RULE = 10  # twips a table row takes beyond its lines: its border
DEFAULT_SIZE = 12.0

Run = tuple[str, float, bool]  # a run's text ("\n" for a line break), size in points, bold


def rough_width(value: str, size: float) -> float:
    """Width of a paragraph's text in twips, from its length (exact widths matter only for tokens)."""
    return len(value) * AVERAGE * size * 20 / 1000


@lru_cache(maxsize=262144)
def text_width(value: str, size: float, bold: bool = False) -> float:
    """Width of value in twips at `size` points (1 pt = 20 twips)."""
    table = _BOLD if bold else _REGULAR
    total = 0
    for char in value:
        width = table.get(char)
        if width is None:
            base = unicodedata.normalize("NFD", char)[:1]
            base = {"đ": "d", "Đ": "D"}.get(char, base)
            width = table.get(base, 1000 if unicodedata.east_asian_width(char) in "WF" else 500)
        total += width
    return total * size * 20 / 1000


def line_height(runs: list[Run]) -> float:
    """Height of one line of a paragraph in twips: its largest size."""
    return max((size for _, size, _ in runs), default=DEFAULT_SIZE) * 20 * LINE_HEIGHT


_WORD_WIDTHS: dict[tuple[float, bool], dict[str, float]] = {}  # per (size, bold): a word's width
WORDS_KEPT = 100_000  # words a size keeps the width of (a long-lived process renders many documents)


def line_starts(runs: list[Run], inner: float) -> list[int]:
    """Where each line of a paragraph `inner` twips wide starts: character offsets into the runs'
    joined text (a line break, "\n", counts as one character). Lines break at spaces, greedily, and
    at line breaks; a word wider than the line is cut where the line is full."""
    starts = [0]
    x = 0.0  # the current line's width so far
    pending = 0.0  # spaces after its last word: they count only when another word follows on the line
    offset = 0  # of the next character
    for value, size, bold in runs:
        widths = _WORD_WIDTHS.get((size, bold))
        if widths is None:
            widths = _WORD_WIDTHS[size, bold] = {}
        space = text_width(" ", size, bold)
        segments = value.split("\n")
        last = len(segments) - 1
        for n, segment in enumerate(segments):
            if n:
                starts.append(offset)
                x = pending = 0.0
            for m, word in enumerate(segment.split(" ")):
                if m:
                    pending += space
                    offset += 1
                if not word:
                    continue
                width = widths.get(word)
                if width is None:
                    if len(widths) >= WORDS_KEPT:
                        widths.clear()
                    width = widths[word] = text_width(word, size, bold)
                if x > 0 and x + pending + width > inner:
                    starts.append(offset)
                    x = 0.0
                else:
                    x += pending
                pending = 0.0
                while width > inner:  # a word longer than a line breaks inside itself
                    width -= inner
                    starts.append(offset + 1)
                x += width
                offset += len(word)
            if n < last:
                offset += 1  # the line break
    return starts


def paragraph_height(runs: list[Run], inner: float) -> tuple[float, float]:
    """(height, height of one line) of a paragraph `inner` twips wide, in twips."""
    line = line_height(runs)
    if not runs:
        return line, line
    if sum(len(value) * size for value, size, _ in runs) * 20 <= inner and not any("\n" in v for v, _, _ in runs):
        return line, line  # no character is wider than an em: one line
    return len(line_starts(runs, inner)) * line, line


