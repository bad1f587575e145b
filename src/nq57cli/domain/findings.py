"""Every finding code, declared once with its severity and its Vietnamese (default) and English
templates; how a finding's message is made when it is shown; counting findings by severity."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from nq57cli.domain.models import Finding

SEVERITIES = ("error", "warning", "info")  # most severe first


class Code(NamedTuple):
    """A finding code: its severity and its message templates. Placeholders come from Finding.params
    plus {value} and {column}; params named in LABELS are language-neutral keys shown per language."""

    severity: str
    vi: str
    en: str


CODES: dict[str, Code] = {
    "render.date_before_as_of": Code("warning",
        "ngày của văn bản ({date}) trước ngày tính số liệu ({as_of}): văn bản nói về số liệu sau ngày ban hành",
        "the document's date ({date}) is before the as-of date ({as_of}): it reports figures after its own date",
    ),
    "render.identity_missing": Code("warning",
        "nq57.toml chưa ghi {fields}: văn bản in chỗ đánh dấu vàng (như \"[Họ và tên]\") thay cho các mục này; "
        "điền bằng \"nq57 init --agency ... --signer ... --position ...\", sửa nq57.toml, hoặc --set KHÓA=GIÁ TRỊ",
        "nq57.toml does not set {fields}: the document shows highlighted placeholders (such as \"[Họ và tên]\") "
        "instead; fill them with \"nq57 init --agency ... --signer ... --position ...\", by editing nq57.toml, "
        "or with --set KEY=VALUE",
    ),
    "file.catalog_as_submission": Code("error",
        "tệp này là danh mục nhiệm vụ (có mã nhiệm vụ, không có cột tình trạng, kết quả), không phải báo cáo của "
        "đơn vị nên không được đọc như báo cáo; nếu là danh mục, dùng --catalog {path}",
        "this file is a task catalog (task IDs, no status or result column), not an agency's report, so it is not "
        "read as one; if it is the catalog, give it as --catalog {path}",
    ),
    "file.not_found": Code("error", "không tìm thấy tệp", "file not found"),
    "file.not_a_file": Code("error", "không phải là tệp (có thể là thư mục)", "not a file (perhaps a directory)"),
    "file.unsupported": Code("error",
        "định dạng tệp không được hỗ trợ ({ext}); hãy lưu lại dưới dạng .xlsx",
        "unsupported file type ({ext}); save it as .xlsx",
    ),
    "file.encrypted": Code("error",
        "tệp được đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại",
        "the workbook is password-protected; remove the password and send it again",
    ),
    "file.corrupt": Code("error",
        "tệp bị hỏng hoặc không phải tệp Excel ({detail})",
        "the file is damaged or not an Excel workbook ({detail})",
    ),
    "file.empty": Code("error", "tệp không có dữ liệu", "the workbook holds no data"),
    "file.disguised_html": Code("error",
        "tệp HTML (trang web) đặt tên {ext}: mở bằng Excel rồi Lưu thành .xlsx",
        "an HTML page named {ext}: open it in Excel and Save As .xlsx",
    ),
    "file.disguised_xml2003": Code("error",
        "tệp XML Excel 2003 (SpreadsheetML) đặt tên {ext}: mở bằng Excel rồi Lưu thành .xlsx",
        "an Excel 2003 XML (SpreadsheetML) file named {ext}: open it in Excel and Save As .xlsx",
    ),
    "file.disguised_csv": Code("error",
        "tệp văn bản CSV đặt tên {ext}: mở bằng Excel rồi Lưu thành .xlsx",
        "a CSV text file named {ext}: open it in Excel and Save As .xlsx",
    ),
    "file.other_document": Code("error",
        "tệp đặt tên {ext} nhưng không phải bảng tính (có thể là tệp Word hoặc tài liệu khác): hãy gửi đúng tệp báo cáo",
        "a file named {ext} that is no spreadsheet (perhaps a Word file or another document): send the report itself",
    ),
    "file.old_format": Code("error",
        "tệp định dạng {format} không đọc trực tiếp được ({detail}): mở bằng Excel hoặc LibreOffice rồi Lưu thành "
        ".xlsx, hoặc cài LibreOffice để nq57 tự chuyển",
        "a {format} file that cannot be read directly ({detail}): open it in Excel or LibreOffice and Save As "
        ".xlsx, or install LibreOffice for nq57 to convert it",
    ),
    "file.converted": Code("info",
        "tệp định dạng {format} đã được chuyển sang .xlsx bằng LibreOffice để đọc; lần sau hãy Lưu thành .xlsx",
        "the {format} file was converted to .xlsx with LibreOffice to be read; next time Save As .xlsx",
    ),
    "file.locked": Code("error",
        "không mở được tệp: tệp đang bị khóa (đang mở trong Excel?) hoặc không có quyền đọc; hãy đóng tệp rồi chạy lại",
        "cannot open the file: it is locked (open in Excel?) or not readable; close it and run again",
    ),
    "file.unreadable": Code("error", "không đọc được tệp ({detail})", "cannot read the file ({detail})"),
    "file.too_large": Code("error",
        "tệp quá lớn ({size_mb} MB, giới hạn {limit_mb} MB; đặt NQ57_MAX_FILE_MB để nâng)",
        "file too large ({size_mb} MB, limit {limit_mb} MB; set NQ57_MAX_FILE_MB to raise it)",
    ),
    "file.zip_bomb": Code("error",
        "tệp giải nén ra quá lớn ({unzipped_mb} MB, giới hạn {limit_mb} MB; đặt NQ57_MAX_UNZIPPED_MB để nâng); "
        "từ chối đọc",
        "the file expands to {unzipped_mb} MB (limit {limit_mb} MB; set NQ57_MAX_UNZIPPED_MB to raise it); refused",
    ),
    "sheet.too_many_rows": Code("error",
        "trang tính \"{sheet}\" có {rows} dòng, vượt giới hạn {limit} (đặt NQ57_MAX_ROWS để nâng)",
        "sheet \"{sheet}\" has {rows} rows, over the limit of {limit} (set NQ57_MAX_ROWS to raise it)",
    ),
    "file.duplicate": Code("info",
        "tệp trùng nội dung với {other}; chỉ đọc một lần",
        "same content as {other}; read once",
    ),
    "sheet.too_many_cells": Code("error",
        "các ô của trang tính \"{sheet}\" trải trên {rows} dòng × {columns} cột, vượt giới hạn {limit} ô "
        "(đặt NQ57_MAX_CELLS để nâng); từ chối đọc",
        "the cells of sheet \"{sheet}\" span {rows} rows × {columns} columns, over the limit of {limit} cells "
        "(set NQ57_MAX_CELLS to raise it); refused",
    ),
    "sheet.no_header": Code("error",
        "không tìm thấy dòng tiêu đề bảng nhiệm vụ trong 30 dòng đầu (cần các cột như "
        "\"Nhiệm vụ cụ thể\", \"Tình trạng\", \"Kết quả thực hiện\")",
        "no task-table header found in the first 30 rows (expected columns such as "
        "\"Nhiệm vụ cụ thể\", \"Tình trạng\", \"Kết quả thực hiện\")",
    ),
    "text.legacy_encoding": Code("warning",
        "chữ gõ bằng bảng mã cũ {encoding} (nhận ra qua {how}) đã được chuyển sang Unicode ở {count} ô: "
        "{cells}; hãy kiểm tra, và lần sau gõ bằng Unicode",
        "text typed in the old {encoding} encoding (recognised by {how}) was converted to Unicode in {count} "
        "cells: {cells}; please check, and type in Unicode next time",
    ),
    "header.unmapped": Code("info",
        "cột \"{column}\" không thuộc mẫu, bỏ qua",
        "column \"{column}\" is not part of the form; ignored",
    ),
    "agency.source": Code("info",
        "đơn vị báo cáo: {agency} (lấy từ {source})",
        "reporting agency: {agency} (taken from {source})",
    ),
    "agency.unexpected": Code("warning",
        "đơn vị \"{agency}\" không có trong danh sách cơ quan chủ trì/phối hợp",
        "agency \"{agency}\" is not among the lead or partner agencies",
    ),
    "agency.ambiguous": Code("warning",
        "tên đơn vị \"{agency}\" khớp ngang nhau với nhiều đơn vị: {choices}; hãy nêu rõ bằng --agency TỆP=TÊN",
        "agency name \"{agency}\" fits several agencies equally: {choices}; name it with --agency FILE=NAME",
    ),
    "agency.resubmitted": Code("info",
        "đơn vị {agency} gửi {count} tệp; dùng tệp mới nhất {used} (theo {basis}) cho {tasks}; báo cáo cũ được "
        "thay: {set_aside}; nhiệm vụ chỉ có ở tệp cũ giữ báo cáo cũ: {kept}",
        "agency {agency} sent {count} files; the newest, {used} (by {basis}), is used for {tasks}; older reports "
        "set aside: {set_aside}; tasks only in an older file keep its report: {kept}",
    ),
    "agency.resubmitted_by_time": Code("warning",
        "đơn vị {agency} gửi {count} tệp mà không tệp nào ghi ngày văn bản hay lần gửi khác nhau; đã dùng tệp sửa "
        "sau cùng {used} cho {tasks} (báo cáo cũ được thay: {set_aside}; giữ từ tệp cũ: {kept}); nếu không đúng, "
        "chỉ rõ tệp cần dùng bằng --use TỆP",
        "agency {agency} sent {count} files with no document date or version mark telling them apart; the last "
        "modified, {used}, is used for {tasks} (older reports set aside: {set_aside}; kept from older files: "
        "{kept}); if that is wrong, name the file to use with --use FILE",
    ),
    "cell.formula_no_value": Code("warning",
        "ô chứa công thức chưa có giá trị tính sẵn; hãy mở tệp bằng Excel, lưu lại rồi gửi lại",
        "formula cell without a cached value; open the file in Excel, save it and send again",
    ),
    "task.no_title": Code("warning",
        "dòng không có nội dung nhiệm vụ và mã nhiệm vụ, bỏ qua",
        "row has neither task text nor task ID; skipped",
    ),
    "task.unknown_id": Code("error",
        "mã nhiệm vụ \"{value}\" không có trong danh mục",
        "task ID \"{value}\" is not in the catalog",
    ),
    "task.duplicate_id": Code("error",
        "mã nhiệm vụ \"{value}\" xuất hiện lần nữa trong tệp (lần đầu ở ô {first})",
        "task ID \"{value}\" appears again in this file (first at {first})",
    ),
    "task.duplicate_match": Code("error",
        "nhiệm vụ {task_id} đã được báo cáo ở dòng khác của tệp (ô {first})",
        "task {task_id} is already reported on another row of this file ({first})",
    ),
    "task.no_match": Code("error",
        "không tìm thấy nhiệm vụ tương ứng trong danh mục (giống nhất: {best_id}, {score:.0f}%)",
        "no matching catalog task (closest: {best_id}, {score:.0f}%)",
    ),
    "task.weak_match": Code("warning",
        "nội dung khớp chưa chắc chắn với nhiệm vụ {task_id} ({score:.0f}%); hãy kiểm tra",
        "weak text match with task {task_id} ({score:.0f}%); please check",
    ),
    "task.ambiguous_match": Code("warning",
        "nội dung khớp ngang nhau với hai nhiệm vụ {task_id} và {other_id} ({score:.0f}%); hãy ghi mã nhiệm vụ",
        "text fits two tasks equally, {task_id} and {other_id} ({score:.0f}%); please give the task ID",
    ),
    "task.text_matches": Code("info",
        "{count} dòng không ghi mã được khớp theo nội dung với danh mục (dòng {rows}; điểm {low:.0f}–{high:.0f}%); "
        "nhiệm vụ và điểm của từng dòng ở cột \"Khớp theo\", \"Điểm khớp\" trang \"Báo cáo đơn vị\" của tệp tổng hợp",
        "{count} rows without a task ID were matched by text to the catalog (rows {rows}; scores {low:.0f}–{high:.0f}%); "
        "each row's task and score are in the \"Khớp theo\", \"Điểm khớp\" columns of the consolidated workbook's "
        "\"Báo cáo đơn vị\" sheet",
    ),
    "task.text_continued": Code("info",
        "nhiệm vụ {task_id}: {field} tổng hợp dài {length} ký tự, quá sức chứa một ô Excel ({limit}); trang "
        "\"Nhiệm vụ\" của tệp tổng hợp ghi các đơn vị đầu và dòng \"…còn tiếp\", toàn văn theo từng đơn vị ở trang "
        "\"Báo cáo đơn vị\"; render dùng toàn văn",
        "task {task_id}: the combined {field} run to {length} characters, more than an Excel cell holds "
        "({limit}); the consolidated workbook's \"Nhiệm vụ\" sheet shows the first agencies and a \"…còn tiếp\" "
        "line, the full text is in the \"Báo cáo đơn vị\" sheet, one row per agency; render uses the full text",
    ),
    "task.id_title_mismatch": Code("warning",
        "mã {task_id} nhưng nội dung khác với danh mục ({score:.0f}%); hãy kiểm tra mã",
        "ID {task_id} but the text differs from the catalog ({score:.0f}%); check the ID",
    ),
    "task.not_reported": Code("info",
        "nhiệm vụ {task_id} chưa có đơn vị nào báo cáo",
        "no agency reported on task {task_id}",
    ),
    "task.lead_silent": Code("info",
        "cơ quan chủ trì {agency} chưa báo cáo nhiệm vụ {task_id}",
        "lead agency {agency} did not report on task {task_id}",
    ),
    "status.missing": Code("warning",
        "chưa ghi tình trạng thực hiện",
        "status is empty",
    ),
    "status.unknown": Code("error",
        "tình trạng \"{value}\" không thuộc danh mục (Đã hoàn thành, Đang thực hiện, Chưa thực "
        "hiện, Không thuộc nhiệm vụ, Chờ hướng dẫn của Trung ương); báo cáo vẫn được tổng hợp, tình trạng "
        "ghi \"Chưa rõ tình trạng\"",
        "status \"{value}\" is not one of the official terms; the report is kept, its status counted as "
        "\"Status unclear\"",
    ),
    "status.completed_no_result": Code("warning",
        "đánh dấu đã hoàn thành nhưng chưa ghi kết quả thực hiện",
        "marked completed but the result is empty",
    ),
    "status.completed_no_date": Code("info",
        "đã hoàn thành nhưng chưa ghi ngày hoàn thành thực tế",
        "completed but no actual completion date",
    ),
    "date.invalid": Code("error", "ngày không tồn tại: \"{text}\"", "impossible date: \"{text}\""),
    "date.ambiguous": Code("warning",
        "ngày \"{text}\" có thể bị đảo ngày/tháng; đã hiểu là {day_first} (ngày trước), "
        "không phải {month_first}",
        "date \"{text}\" may have day and month swapped; read as {day_first} (day first), "
        "not {month_first}",
    ),
    "date.month_first": Code("warning",
        "ngày \"{text}\" có vẻ ghi tháng trước ngày (nội dung nhiệm vụ nhắc tới {month_first}); "
        "đã hiểu là {day_first}, hãy kiểm tra",
        "date \"{text}\" looks month-first (the task text mentions {month_first}); "
        "read as {day_first}, please check",
    ),
    "date.unparsed": Code("warning", "không đọc được ngày/thời hạn \"{text}\"", "cannot read date \"{text}\""),
    "deadline.no_date": Code("info",
        "ô thời hạn không ghi ngày mà ghi \"{text}\"; coi như không có thời hạn",
        "the deadline cell names no date but \"{text}\"; treated as no deadline",
    ),
    "conflict.duplicate_report": Code("warning",
        "đơn vị {agency} báo cáo nhiệm vụ {task_id} nhiều lần ({cells})",
        "agency {agency} reported task {task_id} more than once ({cells})",
    ),
    "conflict.completion_date": Code("warning",
        "nhiệm vụ {task_id}: các đơn vị ghi {count} ngày hoàn thành khác nhau ({dates})",
        "task {task_id}: agencies give {count} different completion dates ({dates})",
    ),
    "merged.bad_status": Code("warning",
        "tình trạng \"{value}\" không đọc được; ghi \"Chưa rõ tình trạng\"",
        "status \"{value}\" cannot be read; counted as \"Status unclear\"",
    ),
    # From one period to the next (tasks/periods.py, `nq57 diff`).
    "period.unknown": Code("info",
        "tệp không ghi kỳ báo cáo (ghi bởi nq57 {version}): chưa xác định được nhiệm vụ mới quá hạn; "
        "gộp lại với \"nq57 merge --period 'Quý III/2025' ...\" để ghi kỳ",
        "the workbook records no reporting period (written by nq57 {version}): tasks newly late cannot be told; "
        "merge again with \"nq57 merge --period 'Quý III/2025' ...\" to record it",
    ),
    "period.order": Code("warning",
        "kỳ trước ({previous}) kết thúc sau kỳ này ({current}): hai tệp có bị đảo thứ tự?",
        "the previous period ({previous}) ends after the current one ({current}): are the two files swapped?",
    ),
    "period.catalog_changed": Code("info",
        "hai kỳ gộp theo hai danh mục khác nhau (\"{previous}\" và \"{current}\")",
        "the two periods were merged against different catalogs (\"{previous}\" and \"{current}\")",
    ),
    "period.regression": Code("warning",
        "nhiệm vụ {task_id}: kỳ trước đã hoàn thành, kỳ này lại chưa hoàn thành",
        "task {task_id}: completed last period, not completed now",
    ),
    "period.agency_silent": Code("warning",
        "{agency} kỳ trước báo cáo {count} nhiệm vụ, kỳ này không báo cáo",
        "{agency} reported on {count} tasks last period and on none now",
    ),
    "template.prefill_unchanged": Code("warning",
        "nhiệm vụ {task_id}: tình trạng và kết quả vẫn như đã điền sẵn từ kỳ trước, nhiệm vụ chưa hoàn thành; "
        "đề nghị đơn vị cập nhật cho kỳ này",
        "task {task_id}: status and result are still as pre-filled from the last period, and the task is not "
        "completed; ask the agency to update them",
    ),
    "period.copied_result": Code("info",
        "{agency}: kết quả {count} nhiệm vụ giống hệt kỳ trước ({tasks})",
        "{agency}: the results of {count} tasks are word for word last period's ({tasks})",
    ),
    # Nothing read is dropped (issue 14): reports over several rows, cells whose value cannot be read.
    "row.continued": Code("info",
        "báo cáo ở dòng {first} viết tiếp ở dòng {rows} (ô gộp dọc hoặc nội dung viết tiếp); các dòng được ghép "
        "thành một báo cáo, nội dung nối bằng dấu xuống dòng",
        "the report on row {first} goes on in row(s) {rows} (a vertically merged cell or text continued there); "
        "the rows are read as one report, their texts joined with line breaks",
    ),
    "row.continued_value": Code("warning",
        "dòng này viết tiếp báo cáo ở dòng {first} nhưng ghi \"{value}\" khác với \"{kept}\" của dòng {first}; "
        "dùng giá trị dòng {first}, hãy kiểm tra",
        "this row continues the report on row {first} but gives \"{value}\", not \"{kept}\" as row {first} "
        "does; row {first}'s value is used, please check",
    ),
    "cell.error_value": Code("warning",
        "ô mang giá trị lỗi Excel {value}, không đọc được nội dung nên coi như ô trống; hãy sửa công thức trong "
        "Excel rồi gửi lại",
        "the cell holds the Excel error {value}: its value cannot be read and counts as empty; fix the formula "
        "in Excel and send again",
    ),
    "task.id_unreadable": Code("error",
        "mã nhiệm vụ không đọc được ({what}); {then}; hãy mở tệp bằng Excel, sửa và lưu lại rồi gửi lại",
        "the task ID cannot be read ({what}); {then}; open the file in Excel, fix it, save and send again",
    ),
    # Indicators (chỉ tiêu): `nq57 indicators`, indicators.py.
    "indicator.no_header": Code("error",
        "không tìm thấy dòng tiêu đề bảng chỉ tiêu trong 30 dòng đầu (cần các cột như \"Tên chỉ tiêu\", "
        "\"Đơn vị\", \"Đến hết năm 2025\", \"Kết quả đạt được\")",
        "no indicator-table header found in the first 30 rows (expected columns such as \"Tên chỉ tiêu\", "
        "\"Đơn vị\", \"Đến hết năm 2025\", \"Kết quả đạt được\")",
    ),
    "indicator.no_name": Code("warning",
        "dòng có số thứ tự \"{value}\" nhưng không có tên chỉ tiêu, bỏ qua",
        "row numbered \"{value}\" has no indicator name; skipped",
    ),
    "indicator.no_code": Code("warning",
        "chỉ tiêu không có số thứ tự dạng 1, 1.1, 10.3 (ghi \"{value}\"); tạm đặt mã {assigned}",
        "indicator without a number such as 1, 1.1, 10.3 (found \"{value}\"); numbered {assigned}",
    ),
    "indicator.duplicate_code": Code("error",
        "số thứ tự chỉ tiêu {value} lặp lại (lần đầu ở ô {first}); bỏ dòng này",
        "indicator number {value} appears again (first at {first}); row skipped",
    ),
    "indicator.missing_parent": Code("warning",
        "chỉ tiêu {codes} không có chỉ tiêu cha {parent} trong danh mục (có thể ghi nhầm số thứ tự); "
        "giữ nguyên như danh mục",
        "indicators {codes} have no parent {parent} in the catalog (a numbering slip?); kept as written",
    ),
    "indicator.no_value_column": Code("error",
        "không có cột kết quả (\"Kết quả đạt được\", \"Giá trị thực hiện\", \"Kết quả năm {milestone}\")",
        "no result column (\"Kết quả đạt được\", \"Giá trị thực hiện\", \"Kết quả năm {milestone}\")",
    ),
    "indicator.unknown_code": Code("error",
        "chỉ tiêu số {value} không có trong danh mục và dòng không ghi tên chỉ tiêu",
        "indicator {value} is not in the catalog and the row names no indicator",
    ),
    "indicator.no_match": Code("error",
        "không tìm thấy chỉ tiêu tương ứng trong danh mục (giống nhất: {best}, {score:.0f}%)",
        "no matching catalog indicator (closest: {best}, {score:.0f}%)",
    ),
    "indicator.weak_match": Code("warning",
        "tên chỉ tiêu khớp chưa chắc chắn với chỉ tiêu {indicator} ({score:.0f}%); hãy kiểm tra",
        "weak name match with indicator {indicator} ({score:.0f}%); please check",
    ),
    "indicator.name_match": Code("info",
        "khớp theo tên với chỉ tiêu {indicator} ({score:.0f}%)",
        "matched by name to indicator {indicator} ({score:.0f}%)",
    ),
    "indicator.code_name_mismatch": Code("warning",
        "số thứ tự {written} nhưng tên chỉ tiêu khác danh mục; đã gán vào chỉ tiêu {matched} ({score:.0f}%), hãy kiểm tra",
        "number {written} but the name differs from the catalog; assigned to indicator {matched} ({score:.0f}%), "
        "please check",
    ),
    "indicator.duplicate_report": Code("error",
        "chỉ tiêu {indicator} đã được báo cáo ở dòng khác của tệp (ô {first}); bỏ giá trị này",
        "indicator {indicator} is already reported on another row of this file ({first}); value ignored",
    ),
    "indicator.percent_cell": Code("info",
        "ô định dạng phần trăm: giá trị {value} được hiểu là {shown}",
        "percentage-formatted cell: {value} read as {shown}",
    ),
    "indicator.target_differs": Code("warning",
        "chỉ tiêu {indicator}: mục tiêu \"{value}\" khác danh mục (\"{catalog}\"); dùng mục tiêu của danh mục",
        "indicator {indicator}: target \"{value}\" differs from the catalog (\"{catalog}\"); the catalog's is used",
    ),
    "indicator.conflict": Code("warning",
        "chỉ tiêu {indicator}: các đơn vị ghi giá trị khác nhau ({values}); dùng giá trị của cơ quan chủ trì theo dõi "
        "{agency}",
        "indicator {indicator}: agencies give different values ({values}); the monitoring agency's ({agency}) is used",
    ),
    "indicator.conflict_unresolved": Code("warning",
        "chỉ tiêu {indicator}: các đơn vị ghi giá trị khác nhau ({values}) và cơ quan chủ trì theo dõi chưa báo cáo; "
        "không tự chọn, hãy thống nhất một giá trị",
        "indicator {indicator}: agencies give different values ({values}) and the monitoring agency did not report; "
        "none chosen, agree on one value",
    ),
    "indicator.target_to_do": Code("warning",
        "chỉ tiêu {indicator}: mục tiêu \"X\" (thực hiện) không phải con số; không so sánh được",
        "indicator {indicator}: the target \"X\" (to be done) is not a figure; not comparable",
    ),
    "indicator.target_text": Code("warning",
        "chỉ tiêu {indicator}: mục tiêu \"{value}\" là lời văn, không phải con số; không so sánh được",
        "indicator {indicator}: the target \"{value}\" is text, not a figure; not comparable",
    ),
    "indicator.value_text": Code("warning",
        "chỉ tiêu {indicator}: kết quả \"{value}\" không phải con số; không so sánh được với mục tiêu \"{target}\"",
        "indicator {indicator}: the result \"{value}\" is not a figure; not comparable with the target \"{target}\"",
    ),
    "indicator.unit_mismatch": Code("warning",
        "chỉ tiêu {indicator}: kết quả \"{value}\" tính bằng \"{value_unit}\", chỉ tiêu tính bằng \"{unit}\"; "
        "không so sánh được",
        "indicator {indicator}: the result \"{value}\" is in \"{value_unit}\", the indicator in \"{unit}\"; "
        "not comparable",
    ),
    "indicator.value_bound": Code("warning",
        "chỉ tiêu {indicator}: kết quả \"{value}\" không phải số chính xác; không kết luận được với mục tiêu \"{target}\"",
        "indicator {indicator}: the result \"{value}\" is not an exact figure; no conclusion against \"{target}\"",
    ),
    "indicator.not_reported": Code("info",
        "chỉ tiêu {indicator} chưa có đơn vị nào báo cáo (cơ quan theo dõi: {monitor})",
        "no agency reported indicator {indicator} (monitored by {monitor})",
    ),
}

# Codes whose severity depends on the case, given at the emission site (Finding(severity=...)); every
# other code takes the severity declared above. text.legacy_encoding: recognised by its font (sure: info)
# or only by its text (a guess: warning).
SEVERITY_VARIES = frozenset({"text.legacy_encoding"})

# Params that hold a key, not text: code → param → key → (vi, en) text, itself a template over the params.
LABELS: dict[str, dict[str, dict[str, tuple[str, str]]]] = {
    "agency.source": {"source": {
        "option": ("tùy chọn --agency", "the --agency option"),
        "title": ("phần đầu văn bản", "the title block"),
        "label": ("dòng \"Đơn vị:\" ở đầu văn bản", "the \"Đơn vị:\" label line"),
        "properties": ("thuộc tính của tệp", "the workbook's properties"),
        "filename": ("tên tệp", "the file name"),
    }},
    "agency.resubmitted": {"basis": {
        "option": ("tùy chọn --use", "the --use option"),
        "document_date": ("ngày văn bản {date}", "its document date {date}"),
        "name": ("tên tệp", "its file name"),
    }},
    "task.text_continued": {"field": {
        "result": ("kết quả thực hiện", "results"),
        "difficulties": ("khó khăn, vướng mắc", "difficulties"),
        "proposals": ("đề xuất, kiến nghị", "proposals"),
    }},
    "text.legacy_encoding": {"how": {
        "font": ("phông chữ {fonts}", "the font {fonts}"),
        "text": ("nội dung chữ", "the text"),
    }},
    "task.id_unreadable": {
        "what": {
            "error": ("lỗi Excel {value}", "the Excel error {value}"),
            "formula": ("công thức chưa có giá trị tính sẵn", "a formula without a cached value"),
        },
        "then": {
            "numbered": ("tạm đặt mã {assigned}", "numbered {assigned} for now"),
            "matched": ("dòng được khớp theo nội dung nhiệm vụ", "the row is matched by its task text"),
            "skipped": ("dòng không có nội dung nhiệm vụ để khớp, bỏ qua", "the row has no task text to match; skipped"),
        },
    },
}

# Codes whose ISO-date params (2025-10-01) are shown the Vietnamese way (01/10/2025) in both languages.
DATE_PARAM_CODES = frozenset({"date.invalid", "date.ambiguous", "date.month_first", "date.unparsed",
                              "deadline.no_date"})
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

SEVERITY_LABELS = {"error": ("lỗi", "error"), "warning": ("cảnh báo", "warning"), "info": ("thông tin", "info")}
_COUNT_WORDS = {"error": ("lỗi", "errors"), "warning": ("cảnh báo", "warnings"), "info": ("thông tin", "info")}


def severity_of(code: str) -> str:
    """The severity declared for a code (KeyError for a code not declared)."""
    return CODES[code].severity


def severity_label(severity: str, lang: str = "vi") -> str:
    """"lỗi" / "error", "cảnh báo" / "warning", "thông tin" / "info" (lower case)."""
    return SEVERITY_LABELS[severity][1 if lang == "en" else 0]


def count_by_severity(findings: Iterable[Finding]) -> dict[str, int]:
    """{"error": n, "warning": n, "info": n}, in that order."""
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts


def counts_text(counts: dict[str, int], lang: str = "vi") -> str:
    """"2 lỗi, 1 cảnh báo, 0 thông tin" / "2 errors, 1 warnings, 0 info"."""
    index = 1 if lang == "en" else 0
    return ", ".join(f"{counts[s]} {_COUNT_WORDS[s][index]}" for s in SEVERITIES)


def errors(findings: Iterable[Finding]) -> list[Finding]:
    """The findings of severity "error"."""
    return [f for f in findings if f.severity == "error"]


def _shown_date(value: Any) -> Any:
    match = _ISO_DATE.match(value) if isinstance(value, str) else None
    return f"{match.group(3)}/{match.group(2)}/{match.group(1)}" if match else value


def render(code: str, params: dict[str, Any], lang: str = "vi") -> str:
    """A declared code's message with these params (value and column included); raises KeyError for a
    code not declared or a placeholder without a param."""
    index = 1 if lang == "en" else 0
    declared = CODES[code]
    if code in DATE_PARAM_CODES:
        params = {k: _shown_date(v) for k, v in params.items()}
    else:
        params = dict(params)
    for name, texts in LABELS.get(code, {}).items():
        if name in params:
            params[name] = texts[params[name]][index].format(**params)
    return (declared.en if index else declared.vi).format(**params)


def finding_message(finding: Finding, lang: str = "vi") -> str:
    """The finding's message in the language asked for, with its parameters filled in (the code itself, or
    the bare template, when it cannot be: never an exception while printing)."""
    declared = CODES.get(finding.code)
    if declared is None:
        return finding.code
    try:
        text = render(finding.code, {"value": finding.value or "", "column": finding.column or "", **finding.params},
                      lang)
    except (KeyError, ValueError, IndexError):
        text = declared.en if lang == "en" else declared.vi
    return text + repeats_text(finding.params.get(REPEATS), lang)


REPEATS = "repeats"  # param of a finding standing for the same finding on more rows: [(cell, value, params), ...]


def repeats_text(repeats: Any, lang: str = "vi") -> str:
    """The rows a grouped finding also stands for: "; cùng loại ở 19 ô khác: F7, F8, …"."""
    if not repeats:
        return ""
    cells = ", ".join(str(cell) for cell, _, _ in repeats)
    if lang == "en":
        return f"; the same kind in {len(repeats)} more cells: {cells}"
    return f"; cùng loại ở {len(repeats)} ô khác: {cells}"
