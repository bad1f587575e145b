"""The built-in document forms (`nq57 forms`): one DOCX template each, in `templates/`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from nq57cli.errors import UsageError

Orientation = Literal["portrait", "landscape"]
FormKind = Literal["appendix", "report", "plan"]


@dataclass(frozen=True)
class Form:
    """A form: its name on the command line, what it is, its template and page layout.

    `doc_type` is the type code of the document the form is (KH) or is attached to (BC);
    `appendix_title`/`appendix_name` are the default heading of the appendix table it holds;
    `data` is what it prints: the tasks (merged.xlsx) or the indicators (indicators.xlsx).
    """

    name: str
    description: str
    template: str
    orientation: Orientation
    kind: FormKind
    doc_type: str
    appendix_title: str = ""
    appendix_name: str = ""
    data: Literal["tasks", "indicators"] = "tasks"
    results_mode: str | None = None  # forces [results] mode (consolidate.py); None: nq57.toml's
    results_share: float = 1.0  # its result column's width against Phụ lục 03's: [results] budgets scaled by it


FORMS: dict[str, Form] = {
    form.name: form
    for form in (
        Form(
            name="phu-luc-03",
            description="Phụ lục 03: kết quả thực hiện nhiệm vụ theo các thông báo kết luận của Ban Chỉ đạo "
            "(STT, nhiệm vụ, văn bản giao, thời hạn, kết quả, tình trạng; theo nhóm).",
            template="phu-luc-03.docx",
            orientation="landscape",
            kind="appendix",
            doc_type="BC",
            appendix_title="PHỤ LỤC 03",
            appendix_name="KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO CÁC THÔNG BÁO KẾT LUẬN CỦA BAN CHỈ ĐẠO, "
            "TỔ GIÚP VIỆC BAN CHỈ ĐẠO",
        ),
        Form(
            name="phu-luc-chi-tiet",
            description="Phụ lục 03 chi tiết: như phu-luc-03 nhưng in toàn văn kết quả của từng đơn vị "
            "(không tóm tắt), cho người cần đọc đủ.",
            template="phu-luc-03.docx",
            orientation="landscape",
            kind="appendix",
            doc_type="BC",
            appendix_title="PHỤ LỤC 03",
            appendix_name="KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO CÁC THÔNG BÁO KẾT LUẬN CỦA BAN CHỈ ĐẠO, "
            "TỔ GIÚP VIỆC BAN CHỈ ĐẠO (CHI TIẾT THEO ĐƠN VỊ)",
            results_mode="full",
        ),
        Form(
            name="phu-luc-01",
            description="Phụ lục I: tiến độ thực hiện nhiệm vụ (thời hạn, kết quả, mô tả, ngày hoàn thành, "
            "khó khăn, đề xuất, đánh giá).",
            template="phu-luc-01.docx",
            orientation="landscape",
            kind="appendix",
            doc_type="BC",
            appendix_title="PHỤ LỤC I",
            appendix_name="TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ ĐƯỢC GIAO",
        ),
        Form(
            name="phu-luc-02",
            description="Phụ lục II: như Phụ lục I, thêm cột văn bản giao nhiệm vụ (các thông báo kết luận).",
            template="phu-luc-02.docx",
            orientation="landscape",
            kind="appendix",
            doc_type="BC",
            appendix_title="PHỤ LỤC II",
            appendix_name="TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ THEO CÁC THÔNG BÁO KẾT LUẬN CỦA BAN CHỈ ĐẠO "
            "TRUNG ƯƠNG, TỔ GIÚP VIỆC BAN CHỈ ĐẠO",
            results_share=0.6,  # ten columns: 8 cm of text against Phụ lục 03's 11.9 cm; at 130 agencies x 60
            # tasks 178 pages (2.97 a task; 3.8 unscaled, 3.1 at 0.65), Phụ lục 03 169
        ),
        Form(
            name="bao-cao",
            description="Báo cáo (BC): khối tiêu đề, số liệu tổng hợp và biểu đồ, các mục để viết, "
            "nơi nhận, chữ ký; kèm các phụ lục đã chọn trên trang ngang.",
            template="bao-cao.docx",
            orientation="portrait",
            kind="report",
            doc_type="BC",
        ),
        Form(
            name="ke-hoach",
            description="Kế hoạch (KH) kèm phụ lục nhiệm vụ: TT, tên nhiệm vụ, cơ quan chủ trì, phối hợp, "
            "dự kiến kết quả, thời gian hoàn thành, ghi chú; nhóm I, II, III.",
            template="ke-hoach.docx",
            orientation="portrait",
            kind="plan",
            doc_type="KH",
            appendix_title="PHỤ LỤC",
            appendix_name="DANH MỤC NHIỆM VỤ TRỌNG TÂM",
        ),
        Form(
            name="chi-tieu",
            description="Phụ lục chỉ tiêu: STT, tên chỉ tiêu, đơn vị, mục tiêu theo các mốc năm, cơ quan chủ trì "
            "theo dõi, kết quả đạt được, đánh giá (đạt / chưa đạt / không so sánh được / chưa báo cáo); "
            "chỉ tiêu cha in đậm. Dữ liệu từ nq57 indicators.",
            template="chi-tieu.docx",
            orientation="landscape",
            kind="appendix",
            doc_type="BC",
            appendix_title="PHỤ LỤC",
            appendix_name="KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỤ THỂ",
            data="indicators",
        ),
    )
}

APPENDIX_FORMS = tuple(name for name, form in FORMS.items() if form.kind == "appendix")


def list_forms() -> list[Form]:
    """Every built-in form, in the order `nq57 forms` shows them."""
    return list(FORMS.values())


def get_form(name: str | Form) -> Form:
    """The form called `name`; UsageError listing the known forms otherwise."""
    if isinstance(name, Form):
        return name
    form = FORMS.get(str(name).strip().lower())
    if form is None:
        known = ", ".join(FORMS)
        raise UsageError(f"Không có mẫu \"{name}\". Các mẫu có sẵn: {known}.",
                         f"No form \"{name}\". Available forms: {known}.")
    return form


def builtin_templates_dir() -> Path:
    """The folder of the built-in templates: the installed package data, else the repository's."""
    from importlib.resources import files

    try:
        folder = Path(str(files("nq57cli.templates")))
        if (folder / FORMS["phu-luc-03"].template).is_file():
            return folder
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parents[3] / "templates"


def template_file(name: str, template_dir: Path | None = None) -> Path:
    """The template file `name`: `template_dir/<name>` when that exists, else the built-in one."""
    if template_dir is not None and (Path(template_dir) / name).is_file():
        return Path(template_dir) / name
    return builtin_templates_dir() / name


def template_path(form: Form, template_dir: Path | None = None) -> Path:
    """The template file of a form (template_file of its file name)."""
    return template_file(form.template, template_dir)


def export_templates(folder: Path) -> tuple[list[Path], list[Path]]:
    """Copy the built-in templates into folder for restyling in Word: (copied, skipped because they
    exist). Point `template_dir` in nq57.toml at the folder to use the copies."""
    import shutil

    from nq57cli.core.fileio import atomic_create

    folder.mkdir(parents=True, exist_ok=True)
    copied: list[Path] = []
    skipped: list[Path] = []
    source = builtin_templates_dir()
    for form in FORMS.values():
        target = folder / form.template
        if target in copied or target in skipped:  # a template shared by two forms (phu-luc-chi-tiet)
            continue
        made = atomic_create(target, lambda tmp: shutil.copyfile(source / form.template, tmp))
        (copied if made else skipped).append(target)
    return copied, skipped
