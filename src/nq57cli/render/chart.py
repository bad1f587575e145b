"""The chart of the BC: task status by group as stacked horizontal bars (PNG, Vietnamese labels)."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any

from nq57cli.domain.status import DISPLAY_ORDER, status_label

CHART_STATUSES = DISPLAY_ORDER
# Colours that stay apart when printed in grey: dark green, blue, orange, amber, grey, purple, dark red.
COLOURS = {
    "completed": "#2e7d32",
    "in_progress": "#1f5fa8",
    "not_started": "#e07b00",
    "waiting": "#f2c12e",
    "not_applicable": "#b0b0b0",
    "unknown": "#6a3d9a",
    "no_report": "#b3261e",
}
LIGHT = {"waiting", "not_applicable"}  # segments that take dark count labels
SERIF_FONTS = ("Times New Roman", "Liberation Serif", "Tinos", "DejaVu Serif")
VIETNAMESE_SAMPLE = "ĐđơưộệụựườớẫủỹẮ"
WIDTH_INCHES = 6.3  # 160 mm, the width the chart is inserted at
DPI = 200


def _font_family() -> str:
    """The first installed Times-like font that has the Vietnamese letters; DejaVu Serif (shipped
    with matplotlib) otherwise. Liberation Serif 1.x, for one, lacks 'ộ', 'ự', 'ơ'."""
    from matplotlib import font_manager, ft2font

    for name in SERIF_FONTS:
        for entry in font_manager.fontManager.ttflist:
            if entry.name != name or not Path(entry.fname).is_file():
                continue
            try:
                font = ft2font.FT2Font(entry.fname)
            except (OSError, RuntimeError):
                continue
            if all(font.get_char_index(ord(ch)) for ch in VIETNAMESE_SAMPLE):
                return name
    return "DejaVu Serif"


def status_chart_png(groups: list[dict[str, Any]], total: dict[str, int] | None = None) -> bytes:
    """PNG bytes of the chart. groups: [{"short": "Nhóm 1", "by_status": {status: count}}] in order;
    with no group the bar is the whole list (`total`). The same data always gives the same bytes."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    bars = [(g["short"], g["by_status"]) for g in groups] or [("Tất cả nhiệm vụ", total or {})]
    used = [s for s in CHART_STATUSES if any(counts.get(s, 0) for _, counts in bars)] or ["completed"]
    height = 1.3 + 0.38 * len(bars) + 0.25 * ((len(used) + 2) // 3)
    with warnings.catch_warnings(), rc_context({"font.family": _font_family(), "font.size": 10}):
        warnings.simplefilter("ignore")
        figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot(1, 1, 1)
        labels = [label for label, _ in bars]
        positions = list(range(len(bars)))[::-1]
        left = [0] * len(bars)
        largest = max([sum(c.get(s, 0) for s in used) for _, c in bars] + [1])
        for status in used:
            values = [counts.get(status, 0) for _, counts in bars]
            axes.barh(positions, values, left=left, color=COLOURS[status], edgecolor="white", linewidth=0.6,
                      height=0.62, label=status_label(status, "vi"))
            for y, start, value in zip(positions, left, values):
                if value and value / largest >= 0.045:
                    axes.text(start + value / 2, y, str(value), ha="center", va="center", fontsize=9,
                              color="black" if status in LIGHT else "white", fontweight="bold")
            left = [a + b for a, b in zip(left, values)]
        axes.set_yticks(positions)
        axes.set_yticklabels(labels)
        axes.set_xlim(0, largest * 1.02)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xlabel("Số nhiệm vụ")
        axes.grid(axis="x", color="#dddddd", linewidth=0.6)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.5 / height * 2.2), ncol=3, frameon=False,
                    fontsize=9)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None}, bbox_inches="tight",
                       facecolor="white")
    return buffer.getvalue()
