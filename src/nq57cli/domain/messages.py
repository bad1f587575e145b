"""Finding messages in Vietnamese (default) and English, one entry per finding code."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nq57cli.domain.models import Finding

# code: (Vietnamese, English). Placeholders come from Finding.params plus {value} and {column}.
MESSAGES: dict[str, tuple[str, str]] = {
    "render.date_before_as_of": (
        "ngày của văn bản ({date}) trước ngày tính số liệu ({as_of}): văn bản nói về số liệu sau ngày ban hành",
        "the document's date ({date}) is before the as-of date ({as_of}): it reports figures after its own date",
    ),
    "file.not_found": ("không tìm thấy tệp", "file not found"),
    "file.not_a_file": ("không phải là tệp (có thể là thư mục)", "not a file (perhaps a directory)"),
    "file.unsupported": (
        "định dạng tệp không được hỗ trợ ({ext}); hãy lưu lại dưới dạng .xlsx",
        "unsupported file type ({ext}); save it as .xlsx",
    ),
    "file.encrypted": (
        "tệp được đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại",
        "the workbook is password-protected; remove the password and send it again",
    ),
    "file.corrupt": (
        "tệp bị hỏng hoặc không phải tệp Excel ({detail})",
        "the file is damaged or not an Excel workbook ({detail})",
    ),
    "file.empty": ("tệp không có dữ liệu", "the workbook holds no data"),
    "file.disguised_html": (
        "tệp HTML (trang web) đặt tên {ext}: mở bằng Excel rồi Lưu thành .xlsx",
        "an HTML page named {ext}: open it in Excel and Save As .xlsx",
    ),
    "file.disguised_xml2003": (
        "tệp XML Excel 2003 (SpreadsheetML) đặt tên {ext}: mở bằng Excel rồi Lưu thành .xlsx",
        "an Excel 2003 XML (SpreadsheetML) file named {ext}: open it in Excel and Save As .xlsx",
    ),
    "file.disguised_csv": (
        "tệp văn bản CSV đặt tên {ext}: mở bằng Excel rồi Lưu thành .xlsx",
        "a CSV text file named {ext}: open it in Excel and Save As .xlsx",
    ),
    "file.other_document": (
        "tệp đặt tên {ext} nhưng không phải bảng tính (có thể là tệp Word hoặc tài liệu khác): hãy gửi đúng tệp báo cáo",
        "a file named {ext} that is no spreadsheet (perhaps a Word file or another document): send the report itself",
    ),
    "file.old_format": (
        "tệp định dạng {format} không đọc trực tiếp được ({detail}): mở bằng Excel hoặc LibreOffice rồi Lưu thành "
        ".xlsx, hoặc cài LibreOffice để nq57 tự chuyển",
        "a {format} file that cannot be read directly ({detail}): open it in Excel or LibreOffice and Save As "
        ".xlsx, or install LibreOffice for nq57 to convert it",
    ),
    "file.converted": (
        "tệp định dạng {format} đã được chuyển sang .xlsx bằng LibreOffice để đọc; lần sau hãy Lưu thành .xlsx",
        "the {format} file was converted to .xlsx with LibreOffice to be read; next time Save As .xlsx",
    ),
    "file.locked": (
        "không mở được tệp: tệp đang bị khóa (đang mở trong Excel?) hoặc không có quyền đọc; hãy đóng tệp rồi chạy lại",
        "cannot open the file: it is locked (open in Excel?) or not readable; close it and run again",
    ),
    "file.unreadable": ("không đọc được tệp ({detail})", "cannot read the file ({detail})"),
    "file.too_large": (
        "tệp quá lớn ({size_mb} MB, giới hạn {limit_mb} MB; đặt NQ57_MAX_FILE_MB để nâng)",
        "file too large ({size_mb} MB, limit {limit_mb} MB; set NQ57_MAX_FILE_MB to raise it)",
    ),
    "file.zip_bomb": (
        "tệp giải nén ra quá lớn ({unzipped_mb} MB, giới hạn {limit_mb} MB; đặt NQ57_MAX_UNZIPPED_MB để nâng); "
        "từ chối đọc",
        "the file expands to {unzipped_mb} MB (limit {limit_mb} MB; set NQ57_MAX_UNZIPPED_MB to raise it); refused",
    ),
    "sheet.too_many_rows": (
        "trang tính \"{sheet}\" có {rows} dòng, vượt giới hạn {limit} (đặt NQ57_MAX_ROWS để nâng)",
        "sheet \"{sheet}\" has {rows} rows, over the limit of {limit} (set NQ57_MAX_ROWS to raise it)",
    ),
    "file.duplicate": (
        "tệp trùng nội dung với {other}; chỉ đọc một lần",
        "same content as {other}; read once",
    ),
    "sheet.too_many_cells": (
        "các ô của trang tính \"{sheet}\" trải trên {rows} dòng × {columns} cột, vượt giới hạn {limit} ô "
        "(đặt NQ57_MAX_CELLS để nâng); từ chối đọc",
        "the cells of sheet \"{sheet}\" span {rows} rows × {columns} columns, over the limit of {limit} cells "
        "(set NQ57_MAX_CELLS to raise it); refused",
    ),
    "sheet.no_header": (
        "không tìm thấy dòng tiêu đề bảng nhiệm vụ trong 30 dòng đầu (cần các cột như "
        "\"Nhiệm vụ cụ thể\", \"Tình trạng\", \"Kết quả thực hiện\")",
        "no task-table header found in the first 30 rows (expected columns such as "
        "\"Nhiệm vụ cụ thể\", \"Tình trạng\", \"Kết quả thực hiện\")",
    ),
    "sheet.no_rows": ("bảng nhiệm vụ không có dòng nào", "the task table has no rows"),
    "text.legacy_encoding": (
        "chữ gõ bằng bảng mã cũ {encoding} (nhận ra qua {how_vi}) đã được chuyển sang Unicode ở {count} ô: "
        "{cells}; hãy kiểm tra, và lần sau gõ bằng Unicode",
        "text typed in the old {encoding} encoding (recognised by {how_en}) was converted to Unicode in {count} "
        "cells: {cells}; please check, and type in Unicode next time",
    ),
    "header.unmapped": (
        "cột \"{column}\" không thuộc mẫu, bỏ qua",
        "column \"{column}\" is not part of the form; ignored",
    ),
    "header.chosen": (
        "đọc trang tính \"{sheet}\", dòng tiêu đề {row}",
        "reading sheet \"{sheet}\", header row {row}",
    ),
    "agency.source": (
        "đơn vị báo cáo: {agency} (lấy từ {source_vi})",
        "reporting agency: {agency} (taken from {source_en})",
    ),
    "agency.unexpected": (
        "đơn vị \"{agency}\" không có trong danh sách cơ quan chủ trì/phối hợp",
        "agency \"{agency}\" is not among the lead or partner agencies",
    ),
    "agency.ambiguous": (
        "tên đơn vị \"{agency}\" khớp ngang nhau với nhiều đơn vị: {choices}; hãy nêu rõ bằng --agency TỆP=TÊN",
        "agency name \"{agency}\" fits several agencies equally: {choices}; name it with --agency FILE=NAME",
    ),
    "agency.duplicate_file": (
        "đơn vị {agency} gửi nhiều tệp ({files}); các báo cáo được giữ lại và ghi nhận xung đột",
        "agency {agency} sent several files ({files}); all reports kept, conflicts noted",
    ),
    "cell.formula_no_value": (
        "ô chứa công thức chưa có giá trị tính sẵn; hãy mở tệp bằng Excel, lưu lại rồi gửi lại",
        "formula cell without a cached value; open the file in Excel, save it and send again",
    ),
    "task.no_title": (
        "dòng không có nội dung nhiệm vụ và mã nhiệm vụ, bỏ qua",
        "row has neither task text nor task ID; skipped",
    ),
    "task.unknown_id": (
        "mã nhiệm vụ \"{value}\" không có trong danh mục",
        "task ID \"{value}\" is not in the catalog",
    ),
    "task.duplicate_id": (
        "mã nhiệm vụ \"{value}\" xuất hiện lần nữa trong tệp (lần đầu ở ô {first})",
        "task ID \"{value}\" appears again in this file (first at {first})",
    ),
    "task.duplicate_match": (
        "nhiệm vụ {task_id} đã được báo cáo ở dòng khác của tệp (ô {first})",
        "task {task_id} is already reported on another row of this file ({first})",
    ),
    "task.no_match": (
        "không tìm thấy nhiệm vụ tương ứng trong danh mục (giống nhất: {best_id}, {score:.0f}%)",
        "no matching catalog task (closest: {best_id}, {score:.0f}%)",
    ),
    "task.weak_match": (
        "nội dung khớp chưa chắc chắn với nhiệm vụ {task_id} ({score:.0f}%); hãy kiểm tra",
        "weak text match with task {task_id} ({score:.0f}%); please check",
    ),
    "task.ambiguous_match": (
        "nội dung khớp ngang nhau với hai nhiệm vụ {task_id} và {other_id} ({score:.0f}%); hãy ghi mã nhiệm vụ",
        "text fits two tasks equally, {task_id} and {other_id} ({score:.0f}%); please give the task ID",
    ),
    "task.text_matches": (
        "{count} dòng không ghi mã được khớp theo nội dung với danh mục (dòng {rows}; điểm {low:.0f}–{high:.0f}%); "
        "nhiệm vụ và điểm của từng dòng ở cột \"Khớp theo\", \"Điểm khớp\" trang \"Báo cáo đơn vị\" của tệp tổng hợp",
        "{count} rows without a task ID were matched by text to the catalog (rows {rows}; scores {low:.0f}–{high:.0f}%); "
        "each row's task and score are in the \"Khớp theo\", \"Điểm khớp\" columns of the consolidated workbook's "
        "\"Báo cáo đơn vị\" sheet",
    ),
    "task.text_continued": (
        "nhiệm vụ {task_id}: {field_vi} tổng hợp dài {length} ký tự, quá sức chứa một ô Excel ({limit}); trang "
        "\"Nhiệm vụ\" của tệp tổng hợp ghi các đơn vị đầu và dòng \"…còn tiếp\", toàn văn theo từng đơn vị ở trang "
        "\"Báo cáo đơn vị\"; render dùng toàn văn",
        "task {task_id}: the combined {field_en} run to {length} characters, more than an Excel cell holds "
        "({limit}); the consolidated workbook's \"Nhiệm vụ\" sheet shows the first agencies and a \"…còn tiếp\" "
        "line, the full text is in the \"Báo cáo đơn vị\" sheet, one row per agency; render uses the full text",
    ),
    "task.id_title_mismatch": (
        "mã {task_id} nhưng nội dung khác với danh mục ({score:.0f}%); hãy kiểm tra mã",
        "ID {task_id} but the text differs from the catalog ({score:.0f}%); check the ID",
    ),
    "task.not_reported": (
        "nhiệm vụ {task_id} chưa có đơn vị nào báo cáo",
        "no agency reported on task {task_id}",
    ),
    "task.lead_silent": (
        "cơ quan chủ trì {agency} chưa báo cáo nhiệm vụ {task_id}",
        "lead agency {agency} did not report on task {task_id}",
    ),
    "status.missing": (
        "chưa ghi tình trạng thực hiện",
        "status is empty",
    ),
    "status.unknown": (
        "tình trạng \"{value}\" không thuộc danh mục (Đã hoàn thành, Đang thực hiện, Chưa thực "
        "hiện, Không thuộc nhiệm vụ, Chờ hướng dẫn của Trung ương); báo cáo vẫn được tổng hợp, tình trạng "
        "ghi \"Chưa rõ tình trạng\"",
        "status \"{value}\" is not one of the official terms; the report is kept, its status counted as "
        "\"Status unclear\"",
    ),
    "status.completed_no_result": (
        "đánh dấu đã hoàn thành nhưng chưa ghi kết quả thực hiện",
        "marked completed but the result is empty",
    ),
    "status.completed_no_date": (
        "đã hoàn thành nhưng chưa ghi ngày hoàn thành thực tế",
        "completed but no actual completion date",
    ),
    "date.invalid": ("ngày không tồn tại: \"{text}\"", "impossible date: \"{text}\""),
    "date.ambiguous": (
        "ngày \"{text}\" có thể bị đảo ngày/tháng; đã hiểu là {day_first} (ngày trước), "
        "không phải {month_first}",
        "date \"{text}\" may have day and month swapped; read as {day_first} (day first), "
        "not {month_first}",
    ),
    "date.month_first": (
        "ngày \"{text}\" có vẻ ghi tháng trước ngày (nội dung nhiệm vụ nhắc tới {month_first}); "
        "đã hiểu là {day_first}, hãy kiểm tra",
        "date \"{text}\" looks month-first (the task text mentions {month_first}); "
        "read as {day_first}, please check",
    ),
    "date.unparsed": ("không đọc được ngày/thời hạn \"{text}\"", "cannot read date \"{text}\""),
    "deadline.no_date": (
        "ô thời hạn không ghi ngày mà ghi \"{text}\"; coi như không có thời hạn",
        "the deadline cell names no date but \"{text}\"; treated as no deadline",
    ),
    "deadline.differs": (
        "thời hạn \"{value}\" khác danh mục (\"{catalog}\"); dùng thời hạn của danh mục",
        "deadline \"{value}\" differs from the catalog (\"{catalog}\"); the catalog's is used",
    ),
    "conflict.duplicate_report": (
        "đơn vị {agency} báo cáo nhiệm vụ {task_id} nhiều lần ({cells})",
        "agency {agency} reported task {task_id} more than once ({cells})",
    ),
    "conflict.completion_date": (
        "nhiệm vụ {task_id}: các đơn vị ghi {count} ngày hoàn thành khác nhau ({dates})",
        "task {task_id}: agencies give {count} different completion dates ({dates})",
    ),
    "merged.bad_status": (
        "tình trạng \"{value}\" không đọc được; ghi \"Chưa rõ tình trạng\"",
        "status \"{value}\" cannot be read; counted as \"Status unclear\"",
    ),
    # Nothing read is dropped (issue 14): reports over several rows, cells whose value cannot be read.
    "row.continued": (
        "báo cáo ở dòng {first} viết tiếp ở dòng {rows} (ô gộp dọc hoặc nội dung viết tiếp); các dòng được ghép "
        "thành một báo cáo, nội dung nối bằng dấu xuống dòng",
        "the report on row {first} goes on in row(s) {rows} (a vertically merged cell or text continued there); "
        "the rows are read as one report, their texts joined with line breaks",
    ),
    "row.continued_value": (
        "dòng này viết tiếp báo cáo ở dòng {first} nhưng ghi \"{value}\" khác với \"{kept}\" của dòng {first}; "
        "dùng giá trị dòng {first}, hãy kiểm tra",
        "this row continues the report on row {first} but gives \"{value}\", not \"{kept}\" as row {first} "
        "does; row {first}'s value is used, please check",
    ),
    "cell.error_value": (
        "ô mang giá trị lỗi Excel {value}, không đọc được nội dung nên coi như ô trống; hãy sửa công thức trong "
        "Excel rồi gửi lại",
        "the cell holds the Excel error {value}: its value cannot be read and counts as empty; fix the formula "
        "in Excel and send again",
    ),
    "task.id_unreadable": (
        "mã nhiệm vụ không đọc được ({what_vi}); {then_vi}; hãy mở tệp bằng Excel, sửa và lưu lại rồi gửi lại",
        "the task ID cannot be read ({what_en}); {then_en}; open the file in Excel, fix it, save and send again",
    ),
    # Indicators (chỉ tiêu): `nq57 indicators`, indicators.py.
    "indicator.no_header": (
        "không tìm thấy dòng tiêu đề bảng chỉ tiêu trong 30 dòng đầu (cần các cột như \"Tên chỉ tiêu\", "
        "\"Đơn vị\", \"Đến hết năm 2025\", \"Kết quả đạt được\")",
        "no indicator-table header found in the first 30 rows (expected columns such as \"Tên chỉ tiêu\", "
        "\"Đơn vị\", \"Đến hết năm 2025\", \"Kết quả đạt được\")",
    ),
    "indicator.no_name": (
        "dòng có số thứ tự \"{value}\" nhưng không có tên chỉ tiêu, bỏ qua",
        "row numbered \"{value}\" has no indicator name; skipped",
    ),
    "indicator.no_code": (
        "chỉ tiêu không có số thứ tự dạng 1, 1.1, 10.3 (ghi \"{value}\"); tạm đặt mã {assigned}",
        "indicator without a number such as 1, 1.1, 10.3 (found \"{value}\"); numbered {assigned}",
    ),
    "indicator.duplicate_code": (
        "số thứ tự chỉ tiêu {value} lặp lại (lần đầu ở ô {first}); bỏ dòng này",
        "indicator number {value} appears again (first at {first}); row skipped",
    ),
    "indicator.missing_parent": (
        "chỉ tiêu {codes} không có chỉ tiêu cha {parent} trong danh mục (có thể ghi nhầm số thứ tự); "
        "giữ nguyên như danh mục",
        "indicators {codes} have no parent {parent} in the catalog (a numbering slip?); kept as written",
    ),
    "indicator.no_value_column": (
        "không có cột kết quả (\"Kết quả đạt được\", \"Giá trị thực hiện\", \"Kết quả năm {milestone}\")",
        "no result column (\"Kết quả đạt được\", \"Giá trị thực hiện\", \"Kết quả năm {milestone}\")",
    ),
    "indicator.unknown_code": (
        "chỉ tiêu số {value} không có trong danh mục và dòng không ghi tên chỉ tiêu",
        "indicator {value} is not in the catalog and the row names no indicator",
    ),
    "indicator.no_match": (
        "không tìm thấy chỉ tiêu tương ứng trong danh mục (giống nhất: {best}, {score:.0f}%)",
        "no matching catalog indicator (closest: {best}, {score:.0f}%)",
    ),
    "indicator.weak_match": (
        "tên chỉ tiêu khớp chưa chắc chắn với chỉ tiêu {indicator} ({score:.0f}%); hãy kiểm tra",
        "weak name match with indicator {indicator} ({score:.0f}%); please check",
    ),
    "indicator.name_match": (
        "khớp theo tên với chỉ tiêu {indicator} ({score:.0f}%)",
        "matched by name to indicator {indicator} ({score:.0f}%)",
    ),
    "indicator.code_name_mismatch": (
        "số thứ tự {written} nhưng tên chỉ tiêu khác danh mục; đã gán vào chỉ tiêu {matched} ({score:.0f}%), hãy kiểm tra",
        "number {written} but the name differs from the catalog; assigned to indicator {matched} ({score:.0f}%), "
        "please check",
    ),
    "indicator.duplicate_report": (
        "chỉ tiêu {indicator} đã được báo cáo ở dòng khác của tệp (ô {first}); bỏ giá trị này",
        "indicator {indicator} is already reported on another row of this file ({first}); value ignored",
    ),
    "indicator.percent_cell": (
        "ô định dạng phần trăm: giá trị {value} được hiểu là {shown}",
        "percentage-formatted cell: {value} read as {shown}",
    ),
    "indicator.target_differs": (
        "chỉ tiêu {indicator}: mục tiêu \"{value}\" khác danh mục (\"{catalog}\"); dùng mục tiêu của danh mục",
        "indicator {indicator}: target \"{value}\" differs from the catalog (\"{catalog}\"); the catalog's is used",
    ),
    "indicator.conflict": (
        "chỉ tiêu {indicator}: các đơn vị ghi giá trị khác nhau ({values}); dùng giá trị của cơ quan chủ trì theo dõi "
        "{agency}",
        "indicator {indicator}: agencies give different values ({values}); the monitoring agency's ({agency}) is used",
    ),
    "indicator.conflict_unresolved": (
        "chỉ tiêu {indicator}: các đơn vị ghi giá trị khác nhau ({values}) và cơ quan chủ trì theo dõi chưa báo cáo; "
        "không tự chọn, hãy thống nhất một giá trị",
        "indicator {indicator}: agencies give different values ({values}) and the monitoring agency did not report; "
        "none chosen, agree on one value",
    ),
    "indicator.target_to_do": (
        "chỉ tiêu {indicator}: mục tiêu \"X\" (thực hiện) không phải con số; không so sánh được",
        "indicator {indicator}: the target \"X\" (to be done) is not a figure; not comparable",
    ),
    "indicator.target_text": (
        "chỉ tiêu {indicator}: mục tiêu \"{value}\" là lời văn, không phải con số; không so sánh được",
        "indicator {indicator}: the target \"{value}\" is text, not a figure; not comparable",
    ),
    "indicator.value_text": (
        "chỉ tiêu {indicator}: kết quả \"{value}\" không phải con số; không so sánh được với mục tiêu \"{target}\"",
        "indicator {indicator}: the result \"{value}\" is not a figure; not comparable with the target \"{target}\"",
    ),
    "indicator.unit_mismatch": (
        "chỉ tiêu {indicator}: kết quả \"{value}\" tính bằng \"{value_unit}\", chỉ tiêu tính bằng \"{unit}\"; "
        "không so sánh được",
        "indicator {indicator}: the result \"{value}\" is in \"{value_unit}\", the indicator in \"{unit}\"; "
        "not comparable",
    ),
    "indicator.value_bound": (
        "chỉ tiêu {indicator}: kết quả \"{value}\" không phải số chính xác; không kết luận được với mục tiêu \"{target}\"",
        "indicator {indicator}: the result \"{value}\" is not an exact figure; no conclusion against \"{target}\"",
    ),
    "indicator.not_reported": (
        "chỉ tiêu {indicator} chưa có đơn vị nào báo cáo (cơ quan theo dõi: {monitor})",
        "no agency reported indicator {indicator} (monitored by {monitor})",
    ),
}

SOURCE_NAMES = {
    "option": ("tùy chọn --agency", "the --agency option"),
    "title": ("phần đầu văn bản", "the title block"),
    "label": ("dòng \"Đơn vị:\" ở đầu văn bản", "the \"Đơn vị:\" label line"),
    "properties": ("thuộc tính của tệp", "the workbook's properties"),
    "filename": ("tên tệp", "the file name"),
}


def finding_message(finding: Finding, lang: str = "vi") -> str:
    """The finding's message in the language asked for, with its parameters filled in."""
    vi, en = MESSAGES.get(finding.code, (finding.code, finding.code))
    template = en if lang == "en" else vi
    params = {"value": finding.value or "", "column": finding.column or "", **finding.params}
    try:
        return template.format(**params)
    except (KeyError, ValueError, IndexError):
        return template
