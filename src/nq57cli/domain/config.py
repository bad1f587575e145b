"""Report metadata from `nq57.toml`, the models: agency, number, date, signer, recipients, report and plan
texts, appendices, consolidated results; each value checked as it is set. Reading the file: configfile.py;
`--set`: overrides.py; the starter file of `nq57 init`: starter.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

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

    def scaled(self, share: float) -> ResultsConfig:
        """These budgets for a result column `share` as wide as Phụ lục 03's (characters quoted, names
        listed), so a narrower column holds about as many pages of text; the mode and thresholds stay."""
        if share == 1:
            return self
        return self.model_copy(update={
            "quote_chars": int(self.quote_chars * share), "names_max": max(1, int(self.names_max * share)),
            "lead_chars": max(100, int(self.lead_chars * share)), "excerpt_chars": max(50, int(self.excerpt_chars * share)),
        })


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


def config_keys() -> list[str]:
    """Every key nq57.toml takes, dotted ('document.number'; 'style' at the top)."""
    keys: list[str] = []
    for name, field in ReportConfig.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            keys.extend(f"{name}.{sub}" for sub in annotation.model_fields)
        else:
            keys.append(name)
    return keys
