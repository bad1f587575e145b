"""The options several commands share, defined once (typer Annotated aliases), and the check of --lang."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from nq57cli.cli.lang import h
from nq57cli.errors import UsageError

LangOpt = Annotated[str, typer.Option("--lang", help=h(
    "Ngôn ngữ của thông báo và trợ giúp: vi (mặc định, hoặc biến môi trường NQ57_LANG) hoặc en.",
    "Language of messages and help: vi (default, or the NQ57_LANG environment variable) or en."))]
JsonOpt = Annotated[bool, typer.Option("--json", help=h("In kết quả dạng JSON ra stdout (cho script).",
                                                        "Print the result as JSON on stdout (for scripts)."))]
CatalogOpt = Annotated[
    Optional[Path], typer.Option("--catalog", "-c", help=h("Danh mục nhiệm vụ gốc (.xlsx) để đối chiếu theo mã.",
                                                           "The master task catalog (.xlsx) to match task IDs against."))
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help=h("Hiện cả các phát hiện mức thông tin.",
                                                                    "Show info-level findings too."))]
DebugOpt = Annotated[bool, typer.Option("--debug", help=h("Hiện traceback khi có lỗi.",
                                                          "Show the traceback when an error occurs."))]

InputOpt = Annotated[
    Optional[Path], typer.Option("--input", "-i", help=h("Tệp tổng hợp merged.xlsx (đã sửa trong Excel nếu cần).",
                                                         "The consolidated merged.xlsx (edited in Excel if needed)."))
]
FilesArg = Annotated[
    Optional[list[str]], typer.Argument(help=h("Các tệp báo cáo để gộp ngay (thay cho -i), cùng --catalog.",
                                               "Submission files to merge now (instead of -i), with --catalog."))
]
AgencyOpt = Annotated[list[str], typer.Option("--agency", "-a", help=h("Tên đơn vị của một tệp: TỆP=TÊN (lặp lại được).",
                                                                       "The agency of one file: FILE=NAME (repeatable)."))]
AgenciesFileOpt = Annotated[
    Optional[Path], typer.Option("--agencies", help=h("Danh sách đơn vị phải báo cáo (agencies.xlsx, cột \"Đơn vị\").",
                                                      "The agencies that must report (agencies.xlsx, column \"Đơn vị\")."))
]

ConfigOpt = Annotated[
    Optional[Path], typer.Option("--config", help=h("Tệp cấu hình nq57.toml (mặc định: ./nq57.toml nếu có).",
                                                    "The nq57.toml settings file (default: ./nq57.toml when present)."))
]
SetOpt = Annotated[
    list[str], typer.Option("--set", help=h("Ghi đè một mục cấu hình: KHÓA=GIÁ TRỊ, ví dụ document.number=300.",
                                            "Override one setting: KEY=VALUE, e.g. document.number=300."))
]
MilestoneOpt = Annotated[
    Optional[str],
    typer.Option("--milestone", "-m", help=h("Mốc đánh giá chỉ tiêu (năm), ví dụ 2025; mặc định: mốc sớm nhất của danh mục.",
                                             "The milestone (year) indicators are assessed at, e.g. 2025; default: the catalog's earliest.")),
]
IndicatorsOpt = Annotated[
    Optional[Path],
    typer.Option("--indicators", help=h("Tệp chỉ tiêu indicators.xlsx (của \"nq57 indicators\"): biến indicators của "
                                        "bao-cao, phụ lục chi-tieu kèm báo cáo.",
                                        "The indicator workbook indicators.xlsx (from \"nq57 indicators\"): the indicators "
                                        "of bao-cao, the chi-tieu appendix with the report.")),
]

PreviousOpt = Annotated[
    list[Path],
    typer.Option("--previous", help=h("merged.xlsx của một kỳ trước (lặp lại được, kỳ cũ nhất trước, tối đa 7): so sánh với kỳ "
                                      "trước, nhiệm vụ quá hạn nhiều kỳ liên tiếp.",
                                      "The merged.xlsx of an earlier period (repeatable, oldest first, up to 7): the comparison "
                                      "with the last period, tasks late in consecutive periods.")),
]
MAX_PREVIOUS = 7  # with this period, the 8 bars of the trend chart (render/previous.MAX_PERIODS)


def check_previous(previous: list[Path]) -> list[Path]:
    if len(previous) > MAX_PREVIOUS:
        raise UsageError(f"--previous: tối đa {MAX_PREVIOUS} kỳ trước, không phải {len(previous)}.",
                         f"--previous: at most {MAX_PREVIOUS} earlier periods, not {len(previous)}.")
    return previous


def check_lang(lang: str) -> str:
    if lang not in ("vi", "en"):
        raise UsageError(f"--lang phải là vi hoặc en, không phải \"{lang}\"", f"--lang must be vi or en, not \"{lang}\"")
    return lang
UseOpt = Annotated[list[str], typer.Option("--use", help=h(
    "Tệp cần dùng khi một đơn vị gửi nhiều tệp (thay cho tệp mới nhất tự chọn; lặp lại được).",
    "The file to use when an agency sent several (instead of the newest chosen for you; repeatable)."))]
