"""Report metadata from `nq57.toml`: agency, number, date, signer, recipients, appendices."""

from __future__ import annotations

import difflib
import re
import tomllib
import datetime as dt
from pathlib import Path
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from nq57cli.errors import UsageError
from nq57cli.domain.forms import APPENDIX_FORMS, FORMS

CONFIG_NAME = "nq57.toml"
Style = Literal["state", "party"]

# Signature authority: what people write → code; code → printed prefix per style.
AUTHORITY_ALIASES = {
    "": "", "TM": "TM", "T/M": "TM", "KT": "KT", "K/T": "KT", "TL": "TL", "T/L": "TL", "TUQ": "TUQ",
}
PARTY_AUTHORITIES = ("", "TM", "KT", "TL")  # Guideline 36-HD/VPTW: T/M, K/T, T/L only
AUTHORITY_PREFIX = {
    "state": {"TM": "TM.", "KT": "KT.", "TL": "TL.", "TUQ": "TUQ."},
    "party": {"TM": "T/M", "KT": "K/T", "TL": "T/L", "TUQ": "TUQ."},
}


class ConfigValueError(ValueError):
    """A configuration value refused: its Vietnamese text (str(), what pydantic shows) and its English one."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(message_vi)
        self.message_en = message_en


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class AgencyConfig(Section):
    """The issuing agency and its parent, as printed in the header block."""

    parent: str = ""
    name: str = ""
    full_name: str = ""
    code: str = ""


class DocumentConfig(Section):
    """Number, place, date and recipients of the document."""

    number: str = ""
    place: str = ""
    date: dt.date | None = None
    month: int | None = Field(default=None, ge=1, le=12)
    year: int | None = Field(default=2025, ge=1900, le=2199)
    recipients: list[str] = Field(
        default_factory=lambda: [
            "Bộ Khoa học và Công nghệ (b/c)",
            "UBND tỉnh (b/c)",
            "GĐ, các PGĐ Sở",
            "Các phòng, đơn vị trực thuộc Sở",
            "Lưu: VT, VP",
        ]
    )
    period: str = ""  # the reporting period merge records ("Quý III/2025"; domain/period.py), unless --period

    @field_validator("period")
    @classmethod
    def _period(cls, value: str) -> str:
        from nq57cli.domain.period import check_period

        try:
            return check_period(value) or ""
        except UsageError as exc:
            raise ConfigValueError(exc.message_vi, exc.message_en) from None

    @field_validator("date", mode="before")
    @classmethod
    def _day_first(cls, value: Any) -> Any:
        """Accept '20/7/2025' besides TOML dates and ISO text."""
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, str) and value.strip():
            from nq57cli.domain.deadline import DATE_FORMS_EN, DATE_FORMS_VI, read_day

            parsed = read_day(value)
            if parsed is None:
                raise ConfigValueError(f"ngày không đọc được: {value!r} (viết {DATE_FORMS_VI})",
                                      f"cannot read the date {value!r} (write {DATE_FORMS_EN})")
            return parsed
        return None if value == "" else value

    @field_validator("recipients")
    @classmethod
    def _ends_with_archive(cls, value: list[str]) -> list[str]:
        items = [v.strip().lstrip("-–").strip() for v in value if v.strip()]
        if items and not items[-1].lower().startswith("lưu"):
            raise ConfigValueError("dòng cuối của nơi nhận phải là \"Lưu: VT, ...\"",
                                  "the last recipient line must be \"Lưu: VT, ...\"")
        return items

    @field_validator("number", mode="before")
    @classmethod
    def _number_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class SignerConfig(Section):
    """Signature block: authority prefix (TM/KT/TL/TUQ), on behalf of whom, position, name."""

    authority: str = ""
    on_behalf: str = ""
    position: str = ""
    name: str = ""

    @field_validator("authority", mode="before")
    @classmethod
    def _authority(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        key = value.strip().upper().rstrip(".").replace(" ", "")
        if key not in AUTHORITY_ALIASES:
            raise ConfigValueError(
                f"thẩm quyền ký phải là một trong TM, KT, TL, TUQ (hoặc T/M, K/T, T/L), không phải {value!r}",
                f"the signing authority must be one of TM, KT, TL, TUQ (or T/M, K/T, T/L), not {value!r}")
        return AUTHORITY_ALIASES[key]

    @model_validator(mode="after")
    def _needs_on_behalf(self) -> SignerConfig:
        if self.authority and not self.on_behalf.strip():
            raise ConfigValueError("khi có thẩm quyền ký (TM/KT/TL/TUQ) cần ghi on_behalf, ví dụ \"GIÁM ĐỐC\"",
                                   "a signing authority (TM/KT/TL/TUQ) needs on_behalf, such as \"GIÁM ĐỐC\"")
        return self


# The BC's default opening and closing, about whichever agency nq57.toml names ({agency}).
OPENING = ("Thực hiện chỉ đạo của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo "
           "và chuyển đổi số, {agency} báo cáo kết quả thực hiện các nhiệm vụ được giao như sau:")
CLOSING = "{agency} kính báo cáo./."
# The fields that say who issues and signs a document: no default, never invented; a document whose
# nq57.toml leaves one empty shows this placeholder (highlighted, render.document) in its place.
PLACEHOLDERS = {
    "agency.parent": "[CƠ QUAN CHỦ QUẢN]",
    "agency.name": "[TÊN CƠ QUAN BAN HÀNH]",
    "agency.full_name": "[Tên cơ quan]",
    "agency.code": "…",
    "document.place": "[Địa danh]",
    "signer.position": "[Chức vụ người ký]",
    "signer.name": "[Họ và tên]",
}


class ReportTextConfig(Section):
    """The BC: title, summary line (trích yếu), opening and closing, the appendices it carries."""

    title: str = "BÁO CÁO"
    summary: str = ("Kết quả thực hiện các nhiệm vụ theo Nghị quyết số 57-NQ/TW ngày 22/12/2024 "
                    "của Bộ Chính trị")
    opening: str = ""  # empty: OPENING with the agency's full name
    closing: str = ""  # empty: CLOSING with the agency's full name
    appendices: list[str] = Field(default_factory=lambda: ["phu-luc-03"])

    @field_validator("appendices")
    @classmethod
    def _known_appendices(cls, value: list[str]) -> list[str]:
        names = [v.strip().lower() for v in value if v.strip()]
        for name in names:
            if name not in APPENDIX_FORMS:
                raise ConfigValueError(f"phụ lục {name!r} không có; chọn trong {', '.join(APPENDIX_FORMS)}",
                                      f"no appendix {name!r}; choose among {', '.join(APPENDIX_FORMS)}")
        if len(set(names)) != len(names):
            raise ConfigValueError("một phụ lục được ghi hai lần", "an appendix is named twice")
        return names


class PlanTextConfig(Section):
    """The KH: title, summary line, the 'Căn cứ ...' paragraphs and the closing."""

    title: str = "KẾ HOẠCH"
    summary: str = ("Triển khai các nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo "
                    "và chuyển đổi số năm 2025")
    bases: list[str] = Field(
        default_factory=lambda: [
            "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
            "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;",
            "Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ sửa đổi, bổ sung, cập nhật Chương trình "
            "hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW;",
        ]
    )
    closing: str = ("Yêu cầu các cơ quan, đơn vị, địa phương có liên quan tổ chức triển khai thực hiện "
                    "Kế hoạch này đạt kết quả./.")


class AppendixConfig(Section):
    """Heading of one appendix; `attached` replaces the whole '(Kèm theo ...)' line."""

    title: str | None = None
    name: str | None = None
    attached: str | None = None


class ResultsConfig(Section):
    """How a task's result cell sums up its agencies' reports (render.consolidate): `mode` "full" quotes
    every agency, "lead" the lead and partners then a summary of the others, "summary" only the
    summary; "auto" is "full" up to `full_max_agencies` reports and "lead" above. Texts at least
    `similarity` % alike (rapidfuzz) are stated once with the agencies that wrote them; other agencies'
    texts are quoted up to `quote_chars` characters a task; at most `names_max` names a list; the
    lead's text is cut at `lead_chars`, the others' at `excerpt_chars` (the whole text stays in
    merged.xlsx and in the phu-luc-chi-tiet form)."""

    mode: Literal["auto", "full", "lead", "summary"] = "auto"
    full_max_agencies: int = Field(default=8, ge=0)
    similarity: int = Field(default=90, ge=50, le=100)
    quote_chars: int = Field(default=1200, ge=0)
    names_max: int = Field(default=40, ge=1)
    lead_chars: int = Field(default=1500, ge=100)  # the lead's text past this is cut ("…"), except in "full"
    excerpt_chars: int = Field(default=300, ge=50)  # a partner's or a shared text past this is cut


class ReportConfig(BaseModel):
    """Everything `nq57 render` needs besides the data: read from nq57.toml, overridable by --set."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    style: Style = "state"
    agency: AgencyConfig = Field(default_factory=AgencyConfig)
    document: DocumentConfig = Field(default_factory=DocumentConfig)
    signer: SignerConfig = Field(default_factory=SignerConfig)
    report: ReportTextConfig = Field(default_factory=ReportTextConfig)
    plan: PlanTextConfig = Field(default_factory=PlanTextConfig)
    appendix: dict[str, AppendixConfig] = Field(default_factory=dict)
    template_dir: Path | None = None
    results: ResultsConfig = Field(default_factory=ResultsConfig)
    catalog: Path | None = None  # the period's task catalog: `nq57 merge` without --catalog reads it
    submissions: Path | None = None  # the period's submissions folder: `nq57 merge` without files reads it

    @field_validator("style", mode="before")
    @classmethod
    def _style(cls, value: Any) -> Any:
        aliases = {"nha-nuoc": "state", "nhanuoc": "state", "dang": "party", "đảng": "party"}
        if isinstance(value, str):
            key = value.strip().lower()
            return aliases.get(key, key)
        return value

    @model_validator(mode="after")
    def _party_authorities(self) -> ReportConfig:
        if self.style == "party" and self.signer.authority not in PARTY_AUTHORITIES:
            raise ConfigValueError("văn bản của Đảng chỉ dùng thẩm quyền ký T/M, K/T hoặc T/L (Hướng dẫn "
                                   f"36-HD/VPTW), không phải {self.signer.authority!r}",
                                   "a Party document signs only with T/M, K/T or T/L (Guidance 36-HD/VPTW), "
                                   f"not {self.signer.authority!r}")
        return self

    @field_validator("appendix")
    @classmethod
    def _known_forms(cls, value: dict[str, AppendixConfig]) -> dict[str, AppendixConfig]:
        for name in value:
            form = FORMS.get(name)
            if form is None or form.kind not in ("appendix", "plan"):
                choices = ", ".join(n for n, f in FORMS.items() if f.kind in ("appendix", "plan"))
                raise ConfigValueError(f"[appendix.{name}] không phải mẫu có phụ lục; chọn trong {choices}",
                                      f"[appendix.{name}] is not a form with an appendix; choose among {choices}")
        return value


def identity_value(config: ReportConfig, key: str) -> str:
    """The value of an identity field ('signer.name') as configured, stripped ('' when not set)."""
    section, field = key.split(".")
    return str(getattr(getattr(config, section), field)).strip()


def missing_identity(config: ReportConfig) -> list[str]:
    """The identity fields (PLACEHOLDERS) nq57.toml and --set leave empty, in their order."""
    return [key for key in PLACEHOLDERS if not identity_value(config, key)]


class Starter(NamedTuple):
    """What `write_starter` did: files created and files left alone because they existed."""

    created: list[Path]
    skipped: list[Path]


def default_config_path(folder: Path | None = None) -> Path | None:
    """`nq57.toml` in `folder` (the working folder by default) when it exists."""
    path = (folder or Path.cwd()) / CONFIG_NAME
    return path if path.is_file() else None


def _split_dotted(key: str) -> list[str]:
    """'a."b.c".d' → ['a', 'b.c', 'd'] (TOML dotted keys, quotes allowed)."""
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([^.\s]+)', key)
    return [next(p for p in part if p) if any(part) else "" for part in parts]


def _key_lines(text: str) -> dict[str, int]:
    """Dotted key path → line number where it is set or its table opens (best effort)."""
    lines: dict[str, int] = {}
    prefix: list[str] = []
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        code = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', '""', line).split("#", 1)[0]
        if depth > 0:
            depth += code.count("[") - code.count("]")
            continue
        header = re.match(r"\s*\[\[?\s*(.+?)\s*\]\]?\s*$", line.split("#", 1)[0])
        if header:
            prefix = _split_dotted(header.group(1))
            lines.setdefault(".".join(prefix), number)
            continue
        assign = re.match(r"\s*((?:[A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*'))*)\s*=",
                          line)
        if assign:
            lines.setdefault(".".join(prefix + _split_dotted(assign.group(1))), number)
            value = code[code.index("=") + 1:]
            depth = max(0, value.count("[") - value.count("]"))
    return lines


def _all_keys() -> list[str]:
    keys: list[str] = []
    for name, field in ReportConfig.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            keys.extend(f"{name}.{sub}" for sub in annotation.model_fields)
        else:
            keys.append(name)
    return keys


def _describe(exc: ValidationError, lines: dict[str, int], source: str) -> UsageError:
    """The first validation error as a message naming the key (and its line in the file)."""
    problems_vi, problems_en = [], []
    for error in exc.errors()[:5]:
        loc = [str(p) for p in error["loc"] if not isinstance(p, int)]
        key = ".".join(loc) or "(gốc)"
        line = None
        for cut in range(len(loc), 0, -1):
            line = lines.get(".".join(loc[:cut]))
            if line:
                break
        where_vi = f" (dòng {line})" if line else ""
        where_en = f" (line {line})" if line else ""
        if error["type"] == "extra_forbidden":
            close = difflib.get_close_matches(key, _all_keys(), n=1)
            hint_vi = f"; có phải \"{close[0]}\"?" if close else ""
            hint_en = f"; did you mean \"{close[0]}\"?" if close else ""
            problems_vi.append(f"khóa không hợp lệ \"{key}\"{where_vi}{hint_vi}")
            problems_en.append(f"unknown key \"{key}\"{where_en}{hint_en}")
        else:
            message = str(error["msg"]).removeprefix("Value error, ")
            cause = (error.get("ctx") or {}).get("error")
            problems_vi.append(f"\"{key}\"{where_vi}: {message}")
            problems_en.append(f"\"{key}\"{where_en}: {cause.message_en if isinstance(cause, ConfigValueError) else message}")
    return UsageError(f"Cấu hình {source} không hợp lệ: " + "; ".join(problems_vi),
                      f"Invalid configuration {source}: " + "; ".join(problems_en))


def load_config(path: Path | None) -> ReportConfig:
    """Read nq57.toml (None → the built-in defaults); UsageError naming the key and line on a bad file."""
    if path is None:
        return ReportConfig()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"Không có tệp cấu hình {path}.", f"No configuration file {path}.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"Không đọc được tệp cấu hình {path}: {exc}",
                         f"Cannot read the configuration file {path}: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc).replace("at line", "tại dòng").replace("column", "cột").replace("at end of document",
                                                                                          "ở cuối tệp")
        raise UsageError(f"Tệp cấu hình {path} sai cú pháp TOML: {detail}",
                         f"The configuration file {path} is not valid TOML: {exc}") from None
    try:
        config = ReportConfig.model_validate(data)
    except ValidationError as exc:
        raise _describe(exc, _key_lines(text), str(path)) from None
    for key in ("template_dir", "catalog", "submissions"):  # relative to the folder of nq57.toml
        value = getattr(config, key)
        if value is not None and not value.is_absolute():
            setattr(config, key, (path.parent / value).resolve())
    return config


def _resolve_key(key: str) -> list[str]:
    """'signer.name' as given; a bare leaf name ('number') when it names one field only."""
    parts = _split_dotted(key.strip())
    if not parts:
        raise UsageError("--set cần dạng KHÓA=GIÁ TRỊ.", "--set needs KEY=VALUE.")
    if parts[0] in ReportConfig.model_fields:
        return parts
    candidates = [k for k in _all_keys() if k.split(".")[-1] == parts[-1] and len(parts) == 1]
    if len(candidates) == 1:
        return candidates[0].split(".")
    close = difflib.get_close_matches(key, _all_keys(), n=3)
    hint = f" ({', '.join(candidates or close)})" if candidates or close else ""
    raise UsageError(f"--set: không có khóa \"{key}\"{hint}.", f"--set: no key \"{key}\"{hint}.")


def _parse_value(text: str, is_list: bool) -> Any:
    """A --set value: a TOML array when it starts with '[', a list split on ';' for list fields."""
    value = text.strip()
    if value.startswith("["):
        try:
            return tomllib.loads(f"v = {value}")["v"]
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"--set: mảng không hợp lệ {value}: {exc}", f"--set: invalid array {value}: {exc}") from None
    if is_list:
        if not value:
            return []
        if ";" not in value and all(re.fullmatch(r"[a-z0-9\-]+", p.strip()) for p in value.split(",")):
            return [p.strip() for p in value.split(",")]
        return [p.strip() for p in value.split(";") if p.strip()]
    return value


def apply_overrides(config: ReportConfig, overrides: dict[str, str]) -> ReportConfig:
    """A copy of config with `--set key=value` pairs applied ('document.number', 'signer.name', ...)."""
    data = config.model_dump(mode="python")
    for key, raw in overrides.items():
        parts = _resolve_key(key)
        target = data
        for part in parts[:-1]:
            if not isinstance(target.get(part), dict):
                target[part] = {}
            target = target[part]
        current = target.get(parts[-1])
        target[parts[-1]] = _parse_value(raw, isinstance(current, list))
    try:
        return ReportConfig.model_validate(data)
    except ValidationError as exc:
        error = _describe(exc, {}, "--set")
        raise UsageError(error.message_vi, error.message_en) from None


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
