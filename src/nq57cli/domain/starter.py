"""The starter files of `nq57 init`: a commented nq57.toml (identity fields filled when given) and the
README of the submissions folder, written without overwriting existing files."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from nq57cli.domain.config import CONFIG_NAME


class Starter(NamedTuple):
    """What `write_starter` did: files created and files left alone because they existed."""

    created: list[Path]
    skipped: list[Path]


STARTER_README = """\
THƯ MỤC BÁO CÁO CỦA CÁC ĐƠN VỊ
==============================

Chép vào thư mục này các tệp Excel (.xlsx, .xlsm, .xls, .ods) mà các sở, ban, ngành và địa phương
gửi về, mỗi đơn vị một tệp. Tên tệp nên là tên đơn vị, ví dụ "so-noi-vu.xlsx", "cong-an-tinh.xlsx":
khi trong tệp không ghi tên đơn vị, nq57 lấy tên đơn vị từ tên tệp.

Các bước thường dùng (chạy trong thư mục chứa nq57.toml):

  1. Gộp báo cáo theo danh mục nhiệm vụ:
       nq57 merge submissions --catalog danh-muc.xlsx -o out/merged.xlsx
  2. Mở out/merged.xlsx, sửa lại kết quả tổng hợp hoặc tình trạng nếu cần, lưu lại.
  3. Xuất văn bản Word (và PDF nếu máy có LibreOffice):
       nq57 render --form bao-cao -i out/merged.xlsx -o out/bao-cao.docx --pdf
       nq57 render --form phu-luc-03 -i out/merged.xlsx -o out/phu-luc-03.docx
  4. Xem danh sách mẫu: nq57 forms

Số, ngày, người ký, nơi nhận... của văn bản nằm trong nq57.toml; sửa tệp đó hoặc dùng --set, ví dụ:
       nq57 render --form bao-cao -i out/merged.xlsx --set document.number=300 --set document.date=2025-07-20
"""

STARTER_TOML = """\
# nq57.toml — thông tin chung của văn bản do `nq57 render` xuất ra.
# Tệp viết theo cú pháp TOML: mỗi dòng `khóa = giá trị`; chữ đặt trong dấu "..."; dòng bắt đầu bằng # là ghi chú.
# Mọi khóa đều có thể ghi đè khi chạy lệnh, ví dụ:
#     nq57 render --form bao-cao -i merged.xlsx --set document.number=300 --set signer.name="Nguyễn Văn A"
# Khóa nào không ghi thì nq57 dùng giá trị mặc định (chính là các giá trị dưới đây). Riêng tên cơ quan,
# địa danh và người ký không có mặc định: để trống "" thì văn bản in chỗ đánh dấu vàng ("[Họ và tên]",
# "[Chức vụ người ký]", "Số: …/BC-…") và `nq57 render` nói mục nào còn thiếu. Điền nhanh khi tạo tệp:
#     nq57 init --agency "Sở Khoa học và Công nghệ tỉnh X" --signer "Nguyễn Văn A" --position "Giám đốc"

# Thể thức văn bản:
#   "state" — văn bản hành chính nhà nước (Nghị định 30/2020/NĐ-CP): "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
#             số "Số: 300/BC-SKHCN", ký "TM.", "KT.", "TL.";
#   "party" — văn bản của Đảng (Hướng dẫn 36-HD/VPTW): "ĐẢNG CỘNG SẢN VIỆT NAM", dấu "*" dưới tên cơ quan,
#             số "Số 127-BC/TU" (không có dấu hai chấm), ký "T/M", "K/T", "T/L".
style = "state"

# Thư mục chứa mẫu Word do anh/chị tự sửa (tên tệp giống mẫu có sẵn, ví dụ phu-luc-03.docx).
# Mẫu nào có trong thư mục này thì được dùng thay mẫu có sẵn, kể cả phụ lục đi kèm báo cáo.
# Đường dẫn tương đối tính từ thư mục chứa tệp nq57.toml này. Bỏ dấu # ở đầu dòng để dùng;
# `nq57 init --templates` chép các mẫu vào thư mục "templates" và ghi sẵn dòng này.
{template_dir}

# Danh mục nhiệm vụ và thư mục báo cáo của kỳ này: khi có hai dòng này (bỏ dấu #), chạy `nq57 merge` không cần
# ghi --catalog và các tệp. Đường dẫn tương đối tính từ thư mục chứa tệp nq57.toml này.
# catalog = "danh-muc.xlsx"
# submissions = "submissions"

[agency]
# Tên cơ quan, tổ chức chủ quản trực tiếp (dòng trên cùng bên trái, chữ in hoa).
# Ví dụ "UBND TỈNH QUẢNG NGÃI"; văn bản Đảng: tên cấp ủy cấp trên, ví dụ "ĐẢNG BỘ TỈNH QUẢNG NGÃI".
parent = ""
# Tên cơ quan ban hành văn bản (in hoa, đậm; có đường kẻ ngắn bên dưới).
# Ví dụ "SỞ KHOA HỌC VÀ CÔNG NGHỆ"; văn bản Đảng: ví dụ "ĐẢNG ỦY UBND TỈNH".
name = {agency_name}
# Tên đầy đủ viết thường, dùng trong câu: "(Kèm theo Báo cáo số ... của Sở Khoa học và Công nghệ tỉnh Quảng Ngãi)".
# Cũng dùng trong câu mở đầu và câu kết của báo cáo ("... kính báo cáo./.").
full_name = {agency_full_name}
# Chữ viết tắt tên cơ quan trong ký hiệu văn bản: "Số: 300/BC-SKHCN" (Đảng: "Số 127-BC/ĐUUBNDT").
code = ""

[document]
# Số văn bản. Để trống "" thì in chỗ trống để điền tay: "Số:       /BC-SKHCN".
number = ""
# Địa danh ghi trước ngày tháng, ví dụ "Quảng Ngãi" → "Quảng Ngãi, ngày 20 tháng 7 năm 2025".
place = ""
# Ngày ban hành, viết 2025-07-20 (năm-tháng-ngày, không có dấu ngoặc kép) hoặc "20/07/2025".
# Không ghi thì văn bản để trống ngày, tháng cho người ký điền: "ngày     tháng     năm 2025".
# Ngày này cũng là mốc tính nhiệm vụ quá hạn trong báo cáo.
# date = 2025-07-20
# Khi chưa có ngày: tháng (1–12) và năm in sẵn trên dòng ngày tháng. Bỏ dấu # để in sẵn tháng.
# month = 7
year = 2025
# Kỳ báo cáo mà "nq57 merge" ghi vào merged.xlsx (khi không dùng --period), ví dụ "Quý III/2025",
# "Tháng 9/2025" hoặc ngày chốt số liệu "30/09/2025". Dùng để so sánh hai kỳ (nq57 diff, --previous).
# period = "Quý III/2025"
# Nơi nhận, mỗi nơi một dòng, không cần gạch đầu dòng và dấu chấm phẩy cuối (nq57 tự thêm).
# Dòng cuối cùng phải là "Lưu: VT, ..." (chữ viết tắt của đơn vị soạn thảo sau VT).
recipients = [
    "Bộ Khoa học và Công nghệ (b/c)",
    "UBND tỉnh (b/c)",
    "GĐ, các PGĐ Sở",
    "Các phòng, đơn vị trực thuộc Sở",
    "Lưu: VT, VP",
]

[signer]
# Thẩm quyền ký: để trống "" khi người đứng đầu ký trực tiếp; hoặc
#   "TM" (thay mặt tập thể), "KT" (ký thay người đứng đầu), "TL" (thừa lệnh), "TUQ" (thừa ủy quyền).
# Văn bản Đảng in thành "T/M", "K/T", "T/L".
authority = ""
# Khi có thẩm quyền ký: ký thay mặt/ký thay ai, ví dụ "GIÁM ĐỐC" (in thành "KT. GIÁM ĐỐC")
# hoặc "ỦY BAN NHÂN DÂN" (in thành "TM. ỦY BAN NHÂN DÂN").
on_behalf = ""
# Chức vụ của người ký (in hoa, đậm), ví dụ "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "CHỦ TỊCH".
position = {signer_position}
# Họ và tên người ký (in đậm), ví dụ "Nguyễn Văn A".
name = {signer_name}

[report]
# Mẫu bao-cao. Tên loại văn bản (in hoa, đậm, giữa trang).
title = "BÁO CÁO"
# Trích yếu nội dung (in đậm, dưới tên loại văn bản; có đường kẻ ngắn bên dưới).
summary = "Kết quả thực hiện các nhiệm vụ theo Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"
# Đoạn mở đầu. Để trống "" thì dùng câu có sẵn: "Thực hiện chỉ đạo của Ban Chỉ đạo Trung ương về phát triển
# khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, <full_name> báo cáo kết quả thực hiện các nhiệm vụ
# được giao như sau:".
opening = ""
# Câu kết thúc, trước phần nơi nhận và chữ ký. Để trống "" thì là "<full_name> kính báo cáo./.".
closing = ""
# Các phụ lục in kèm sau báo cáo, mỗi phụ lục trên trang ngang riêng, theo thứ tự ghi ở đây.
# Chọn trong: "phu-luc-03", "phu-luc-01", "phu-luc-02". Để [] nếu không kèm phụ lục.
# "chi-tieu" (phụ lục chỉ tiêu) cần thêm dữ liệu chỉ tiêu: nq57 render ... --indicators indicators.xlsx
appendices = ["phu-luc-03"]

[plan]
# Mẫu ke-hoach. Tên loại văn bản.
title = "KẾ HOẠCH"
# Trích yếu nội dung kế hoạch.
summary = "Triển khai các nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2025"
# Các căn cứ ban hành, mỗi căn cứ một đoạn.
bases = [
    "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;",
    "Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ sửa đổi, bổ sung, cập nhật Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW;",
]
# Câu kết thúc kế hoạch.
closing = "Yêu cầu các cơ quan, đơn vị, địa phương có liên quan tổ chức triển khai thực hiện Kế hoạch này đạt kết quả./."

# Tiêu đề của từng phụ lục. Mỗi phụ lục một mục [appendix.TÊN-MẪU]; khóa nào không ghi thì dùng mặc định:
#   title    — dòng "PHỤ LỤC 03";
#   name     — tên phụ lục (in hoa, đậm);
#   attached — thay cả dòng "(Kèm theo Báo cáo số ... ngày ... của ...)". Không ghi thì nq57 tự lập
#              từ số, ngày và tên cơ quan ở trên.
[appendix.phu-luc-03]
title = "PHỤ LỤC 03"
name = "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO CÁC THÔNG BÁO KẾT LUẬN CỦA BAN CHỈ ĐẠO, TỔ GIÚP VIỆC BAN CHỈ ĐẠO"
# attached = "(Kèm theo Báo cáo số      -BC/ĐUUBNDT ngày      /9/2025 của Đảng ủy UBND tỉnh Quảng Ngãi)"

# Phụ lục của mẫu ke-hoach.
[appendix.ke-hoach]
title = "PHỤ LỤC"
name = "DANH MỤC NHIỆM VỤ TRỌNG TÂM"

# Ô "Kết quả thực hiện" của phụ lục khi nhiều đơn vị cùng báo cáo một nhiệm vụ.
#   mode: "auto" (mặc định: nguyên văn khi không quá full_max_agencies đơn vị, nếu nhiều hơn thì như "lead"),
#         "full" (mọi đơn vị nguyên văn), "lead" (nguyên văn chủ trì và phối hợp, tóm tắt các đơn vị khác),
#         "summary" (chỉ tóm tắt: số đơn vị theo tình trạng, nội dung chung của nhiều đơn vị).
#   similarity: nội dung giống nhau từ mức này (%) thì ghi một lần kèm tên các đơn vị.
# Toàn văn luôn có trong merged.xlsx và mẫu phu-luc-chi-tiet.
[results]
mode = "auto"
full_max_agencies = 8
similarity = 90
# quote_chars = 1200     # số ký tự tối đa trích thêm từ các đơn vị khác trong một nhiệm vụ
# names_max = 40         # số tên đơn vị tối đa trong một danh sách (còn lại ghi "và N đơn vị khác")
# lead_chars = 1500      # nội dung của cơ quan chủ trì dài hơn thì cắt, ghi "[…]"
# excerpt_chars = 300    # nội dung của đơn vị khác dài hơn thì cắt
"""


def _toml_string(value: str) -> str:
    """A TOML basic string: "..." with backslashes, quotes and control characters escaped."""
    import json

    return json.dumps(value.strip(), ensure_ascii=False)


def starter_toml(agency: str = "", signer: str = "", position: str = "", template_dir: str | None = None) -> str:
    """The commented nq57.toml of `nq57 init`: identity fields empty unless given (`agency` is the
    agency's full name, printed in capitals in the header), `template_dir` set when given."""
    return STARTER_TOML.format(
        agency_name=_toml_string(agency.upper()), agency_full_name=_toml_string(agency),
        signer_position=_toml_string(position.upper()), signer_name=_toml_string(signer),
        template_dir=f"template_dir = {_toml_string(template_dir)}" if template_dir else '# template_dir = "templates"',
    )


def write_starter(folder: Path, agency: str = "", signer: str = "", position: str = "",
                  template_dir: str | None = None) -> Starter:
    """Write a commented nq57.toml (starter_toml) and submissions/README.txt into folder; existing files
    are skipped."""
    from nq57cli.core.fileio import atomic_create

    files = {
        folder / CONFIG_NAME: starter_toml(agency, signer, position, template_dir),
        folder / "submissions" / "README.txt": STARTER_README,
    }
    created: list[Path] = []
    skipped: list[Path] = []
    for path, text in files.items():
        made = atomic_create(path, lambda tmp: tmp.write_bytes(text.encode("utf-8")))
        (created if made else skipped).append(path)
    return Starter(created=created, skipped=skipped)

