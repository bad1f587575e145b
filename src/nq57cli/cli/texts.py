"""The command line's own words (headings, labels, notes) in Vietnamese and English, one entry per key.

Finding messages live in domain/messages.py, help texts next to their options (`h("vi", "en")`).
"""

from __future__ import annotations

# key: (Vietnamese, English). Placeholders are filled by text(key, lang, **params).
TEXTS: dict[str, tuple[str, str]] = {
    # errors (translate.py)
    "error": ("lỗi", "error"),
    "unexpected": (
        "lỗi không lường trước trong nq57 ({kind}: {detail}); chạy lại lệnh với --debug "
        "để xem chi tiết và gửi cho người phát triển.",
        "unexpected error in nq57 ({kind}: {detail}); run the command again with --debug "
        "for the details and send them to the developers.",
    ),
    "lang_choices": ("phải là vi hoặc en", "must be vi or en"),
    "interrupted": ("Đã dừng theo yêu cầu (Ctrl-C); các tệp đã ghi trước đó vẫn nguyên vẹn, không để lại tệp tạm.",
                    "Stopped (Ctrl-C); files written before are whole, no temporary file left."),
    # findings (output.py)
    "general": ("(chung)", "(general)"),
    "more_findings": (
        "  … và {hidden} phát hiện khác (xem trang \"Phát hiện\" của tệp tổng hợp, hoặc dùng -v)",
        "  … and {hidden} more (see the \"Phát hiện\" sheet, or use -v)",
    ),
    # summaries (output.py)
    "summary": ("Tổng hợp", "Summary"),
    "reading": ("Đang đọc", "Reading"),
    "files_read": ("Tệp đã đọc", "Files read"),
    "tasks": ("Nhiệm vụ", "Tasks"),
    "agency_reports": ("Báo cáo của đơn vị", "Agency reports"),
    "unmatched_rows": ("Dòng không khớp nhiệm vụ", "Unmatched rows"),
    "findings": ("Phát hiện", "Findings"),
    "indicator_summary": ("Tổng hợp chỉ tiêu", "Indicators"),
    "milestone": ("Mốc đánh giá", "Milestone"),
    "indicators_evaluated": ("Chỉ tiêu được đánh giá", "Indicators evaluated"),
    "unmatched_values": ("Giá trị không khớp chỉ tiêu", "Unmatched values"),
    "not_met": ("Chưa đạt: ", "Not met: "),
    # files made or kept
    "written": ("Đã ghi: ", "Written: "),
    "created": ("Đã tạo: ", "Created: "),
    "kept": ("Đã có, giữ nguyên: ", "Exists, left alone: "),
    "no_catalog": ("Không có danh mục (--catalog): {tasks} nhiệm vụ được lập từ hợp các tệp báo cáo ({files} tệp), "
                   "không phải từ danh mục của kỳ báo cáo.",
                   "No catalog (--catalog): the {tasks} tasks come from the union of the submissions ({files} files), "
                   "not from the period's catalog."),
    "group_column": ("Nhóm", "Group"),
    "template_used": ("Mẫu {form}: {path}", "Template of {form}: {path}"),
    "template_dir_hint": ("{config} đã có từ trước nên không được sửa: ghi template_dir = \"{folder}\" vào tệp đó "
                          "để dùng các mẫu vừa chép.",
                          "{config} existed and was left alone: add template_dir = \"{folder}\" to it to use the "
                          "copied templates."),
    "pdf_skipped": ("Bỏ qua PDF: ", "PDF skipped: "),
    # template
    "template_not_named": (" (không có trong danh mục: nhận mọi nhiệm vụ)", " (not in the catalog: gets every task)"),
    "template_tasks": ("nhiệm vụ", "tasks"),
    # validate
    "clean_files": ("Tệp không có lỗi: ", "Clean files: "),
    "files_to_fix": ("Tệp cần sửa: ", "Files to fix: "),
    "annotated_copy": ("Bản đánh dấu lỗi: ", "Annotated copy: "),
    # demo
    "demo_data": ("Dữ liệu mẫu: {catalog} + {count} tệp báo cáo", "Sample data: {catalog} + {count} submissions"),
    "demo_outputs": ("Kết quả mẫu trong thư mục {folder}/:", "Demo outputs in {folder}/:"),
    "demo_errors": ("Các lỗi trên là lỗi cố ý trong dữ liệu mẫu (xem samples/README.md).",
                    "The errors above are deliberate mistakes in the sample data (see samples/README.md)."),
    # diff
    "diff_summary": ("So với kỳ trước", "Compared with the previous period"),
    "previous_period": ("Kỳ trước", "Previous period"),
    "current_period": ("Kỳ này", "This period"),
    "tasks_last_time": ("kỳ trước báo cáo {count} nhiệm vụ", "{count} tasks last period"),
    "and_more": ("… và {count} mục khác (xem --json hoặc -o changes.xlsx)", "… and {count} more (see --json or -o changes.xlsx)"),
}


def text(key: str, lang: str, **params: object) -> str:
    """The text `key` in `lang` (English with "en", else Vietnamese), its placeholders filled from `params`."""
    vi, en = TEXTS[key]
    chosen = en if lang == "en" else vi
    return chosen.format(**params) if params else chosen
