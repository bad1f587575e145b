"""Who sent a submission: from the title block, an explicit option, or the file name."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from nq57cli.core.text import clean, header_key, match_key, one_line

# Title-block lines that name an agency start with one of these (compared without diacritics).
_AGENCY_PREFIXES = tuple(
    match_key(p) + " "
    for p in (
        "Sở", "UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân", "Ban", "Công an", "Văn phòng",
        "Bộ Chỉ huy", "Trung tâm", "Đài", "Báo", "Trường", "Bệnh viện", "Cục", "Chi cục",
        "Thanh tra", "Kho bạc", "Đảng ủy", "Đảng uỷ", "Tỉnh ủy", "Tỉnh uỷ", "Hội", "Liên đoàn",
        "Tỉnh đoàn", "Bảo hiểm", "Ngân hàng", "Công ty", "Phòng", "Viện", "Bộ", "Ủy ban", "Uỷ ban",
        "HĐND", "Hội đồng nhân dân", "Mặt trận", "Liên minh", "Liên hiệp", "Viễn thông", "Điện lực", "BQL",
        "VP", "Đoàn", "Hiệp hội", "Kiểm toán", "Tòa án", "Toà án", "Cảng vụ", "Hải quan",
    )
)
_NOT_AGENCY = tuple(
    match_key(p) + " "
    for p in ("Cộng hòa xã hội", "Cộng hoà xã hội", "Độc lập", "Báo cáo", "Kế hoạch", "Danh mục",
              "Phụ lục", "Biểu mẫu", "Kèm theo", "Số", "Kết quả")
)
_LABEL = re.compile(
    r"^\s*(?:tên\s+)?(?:đơn\s*vị|cơ\s*quan)(?:\s+báo\s+cáo)?\s*[:：]\s*(?P<name>.+)$", re.IGNORECASE
)
_ACRONYMS = {"ubnd", "hđnd", "khcn", "kh&cn", "cntt", "ttđt", "vnpt", "bcđ"}
_PLACE_WORDS = {"tỉnh", "xã", "phường", "huyện", "quận", "phố", "trấn"}  # then a place name


def agency_label(lines: list[str]) -> str | None:
    """The agency a label line names ("Đơn vị: Sở Tài chính", "Cơ quan báo cáo: …"), or None."""
    for line in lines:
        match = _LABEL.match(line)
        if match and cut_title(match.group("name")):
            return cut_title(match.group("name"))
    return None


# Words that begin the document's own title ("BÁO CÁO", "PHỤ LỤC 03"): a title-block line is cut there.
_DOCUMENT_WORDS = re.compile(r"\b(?:bao cao|ke hoach|phu luc|bieu mau|bieu|danh muc|ket qua thuc hien|tong hop|"
                             r"tinh hinh thuc hien)\b")
_DASH = re.compile(r"\s+[-–—]\s+|\s*[–—]\s*")
# "TỈNH QUẢNG NGÃI", "THÀNH PHỐ HÀ NỘI" at the end of a title line: the province, not the agency.
_PROVINCE_SUFFIX = re.compile(r"(?i)\b(tỉnh|thành phố)(?:\s+[^\s,;]+){1,3}$")


def cut_title(line: str) -> str:
    """A title-block line without the document's own title after a dash or after the agency name."""
    text = (one_line(line) or "").strip(" .;:-")
    parts = _DASH.split(text)
    if len(parts) > 1:  # "UBND xã X - Báo cáo kết quả…": a dash inside a name ("Lao động - Thương binh") stays
        keep = [parts[0]]
        for part in parts[1:]:
            if _DOCUMENT_WORDS.match(header_key(part)) or len(part) > 60:
                break
            keep.append(part)
        text = " - ".join(keep)
    key_words = text.split()
    for index in range(1, len(key_words)):  # "SỞ Y TẾ BÁO CÁO KẾT QUẢ…"
        if _DOCUMENT_WORDS.match(header_key(" ".join(key_words[index:]))):
            text = " ".join(key_words[:index])
            break
    return text.strip(" .;:-(")


def without_province(name: str) -> str:
    """ "VĂN PHÒNG UBND TỈNH QUẢNG NGÃI" → "VĂN PHÒNG UBND TỈNH" (the province a title line ends with)."""
    key = header_key(name)
    if key.startswith(("ubnd tinh", "uy ban nhan dan tinh", "ubnd thanh pho", "uy ban nhan dan thanh pho")) and \
            len(key.split()) <= 5:
        return name  # the province's own people's committee: the province is its name
    return _PROVINCE_SUFFIX.sub(lambda m: m.group(1), name).strip()


def title_candidates(lines: list[str]) -> list[str]:
    """The title block's agency lines, in order, as Decree 30 lays them out: the parent body first,
    then the issuing body (separate rows, or one cell with line breaks), each cut at the document's
    own title."""
    out: list[str] = []
    for raw in lines:
        for line in str(raw).split("\n"):
            key = match_key(line) + " "
            if not line.strip() or key.startswith(_NOT_AGENCY) or not key.startswith(_AGENCY_PREFIXES):
                continue
            name = cut_title(line)
            if name and len(name) < 120:
                out.append(name)
    return out


def agency_from_title(lines: list[str]) -> str | None:
    """The reporting agency named in the rows above the table, or None (no roster to compare with)."""
    label = agency_label(lines)
    if label:
        return display_name(label)
    candidates = title_candidates(lines)
    if not candidates:
        return None
    # "UBND TỈNH QUẢNG NGÃI" above "SỞ KHOA HỌC VÀ CÔNG NGHỆ": the issuing agency is the second.
    return display_name(without_province(candidates[1] if len(candidates) > 1 else candidates[0]))


def agency_from_filename(path: Path) -> str:
    """A readable agency name from a file name ("so-noi-vu_bao-cao.xlsx" → "so noi vu bao cao")."""
    stem = re.sub(r"[_\-.]+", " ", path.stem).strip()
    return stem or path.name


def display_name(name: str) -> str:
    """Agency name for display: all-caps title-block text in Vietnamese capitalisation ("SỞ TÀI CHÍNH"
    → "Sở Tài chính": the first word and the agency's proper name capitalised, UBND, HĐND, KH&CN kept);
    a name on the known-names list is written as there."""
    text = one_line(name) or ""
    text = text.strip(" .;:-")
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters):
        return text
    known = _known_spelling(header_key(text))
    if known:
        return known
    words = text.lower().split()
    out: list[str] = []
    in_place = False
    capital_next = False
    for index, word in enumerate(words):
        bare = header_key(word)
        if word in _ACRONYMS or word.upper() in _KEEP_UPPER:
            out.append(word.upper())
            capital_next = False
        elif index == 0 or in_place or capital_next:
            out.append(word[:1].upper() + word[1:])
            capital_next = False
        else:
            out.append(word)
        if " ".join(header_key(w) for w in words[:index + 1]) in _TYPE_WORDS or (
                bare in ("va", "-") and out[0].lower() in ("sở", "bộ")):
            capital_next = True  # "Sở Tài chính", "Bộ Lao động - Thương binh và Xã hội"
        following = header_key(words[index + 1]) if index + 1 < len(words) else ""
        in_place = in_place or (index > 0 and word in _PLACE_WORDS and out[index - 1].lower() != "lao"
                                and following not in ("uy", "doan", "hoi"))  # "Tỉnh ủy", "Tỉnh đoàn", "xã hội"
    return " ".join(out)


# "Sở Tài chính", "Ban Quản lý …", "Trung tâm Phục vụ …", "Văn phòng Tỉnh ủy": the word after these is capitalised.
_TYPE_WORDS = {"so", "bo", "cuc", "vu", "ban", "chi cuc", "trung tam", "van phong", "vien", "hoi", "dai"}
_KEEP_UPPER = {"VNPT", "MTTQ", "KKT", "KCN", "CĐS", "BCĐ", "TTHC", "ĐMST"}
COMMON_NAMES = (
    "Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp", "Sở Y tế", "Sở Công Thương", "Sở Xây dựng", "Sở Ngoại vụ",
    "Công an tỉnh", "Văn phòng UBND tỉnh", "Thanh tra tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Sở Giao thông vận tải",
    "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Bảo hiểm xã hội tỉnh",
)


@lru_cache(maxsize=1)
def _known_spellings() -> dict[str, str]:
    return {header_key(n): n for n in KNOWN_NAMES + COMMON_NAMES}


def _known_spelling(key: str) -> str | None:
    return _known_spellings().get(key)


# Abbreviations of agency names, as header_key() leaves them ("Sở KH&CN" → "so kh cn"), and what they stand
# for: "Sở KH&CN", "Sở KHCN" and "SỞ KHOA HỌC VÀ CÔNG NGHỆ" are one agency.
_ABBREVIATIONS = [(re.compile(rf"\b{pattern}\b"), full) for pattern, full in (
    (r"ubnd", "uy ban nhan dan"),
    (r"vp", "van phong"),
    (r"hdnd", "hoi dong nhan dan"),
    (r"kh ?cn", "khoa hoc va cong nghe"),
    (r"kh ?dt", "ke hoach va dau tu"),
    (r"tt ?tt", "thong tin va truyen thong"),
    (r"gd ?dt", "giao duc va dao tao"),
    (r"nn ?(?:va )?ptnt", "nong nghiep va phat trien nong thon"),
    (r"tn ?mt", "tai nguyen va moi truong"),
    (r"ld ?tb ?xh", "lao dong thuong binh va xa hoi"),
    (r"vh ?tt ?dl", "van hoa the thao va du lich"),
    (r"gtvt", "giao thong van tai"),
    (r"bchqs", "bo chi huy quan su"),
    (r"cntt", "cong nghe thong tin"),
    (r"bql", "ban quan ly"),
    (r"kkt", "khu kinh te"),
    (r"kcn", "khu cong nghiep"),
    (r"svhttdl", "so van hoa the thao va du lich"),
)]


def agency_key(name: object) -> str:
    """Key for comparing agency names: case, diacritics, punctuation and the usual abbreviations
    (UBND, KH&CN, TT&TT, GD&ĐT...) ignored."""
    return _agency_key(name if isinstance(name, str) else str(name or ""))


@lru_cache(maxsize=8192)
def _agency_key(name: str) -> str:  # the catalog's agencies are compared with every file's
    key = header_key(name)
    for pattern, full in _ABBREVIATIONS:
        if pattern.search(key):
            key = pattern.sub(full, key)
    return key


# Agency names that hold a comma or "và" (and so are not split there): ministries' and departments'
# names as written in provincial catalogs. The catalog's own cells add to these (see registry.py).
KNOWN_NAMES = (
    "Sở Văn hóa, Thể thao và Du lịch", "Bộ Văn hóa, Thể thao và Du lịch",
    "Sở Lao động, Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội",
    "Bộ Lao động - Thương binh và Xã hội", "Sở Khoa học và Công nghệ", "Bộ Khoa học và Công nghệ",
    "Sở Nông nghiệp và Môi trường", "Bộ Nông nghiệp và Môi trường", "Sở Giáo dục và Đào tạo",
    "Bộ Giáo dục và Đào tạo", "Sở Tài nguyên và Môi trường", "Bộ Tài nguyên và Môi trường",
    "Sở Thông tin và Truyền thông", "Bộ Thông tin và Truyền thông", "Sở Kế hoạch và Đầu tư",
    "Bộ Kế hoạch và Đầu tư", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Dân tộc và Tôn giáo",
    "Bộ Dân tộc và Tôn giáo", "Ban Quản lý các Khu công nghiệp",
    "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi",
    "Đài Phát thanh và Truyền hình", "Báo và Phát thanh, Truyền hình Quảng Ngãi",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật",
)
# A fragment that starts one of these (compared without diacritics) starts a new agency; any other
# fragment after a comma or "và" continues the previous name ("Sở Văn hóa, Thể thao và Du lịch").
_STARTS = tuple(header_key(p) + " " for p in (
    "Sở", "UBND", "Ủy ban", "Uỷ ban", "Ban", "Công an", "Văn phòng", "Bộ", "Trung tâm", "Đài", "Báo",
    "Trường", "Bệnh viện", "Cục", "Chi cục", "Thanh tra", "Kho bạc", "Đảng ủy", "Đảng uỷ", "Tỉnh ủy",
    "Tỉnh uỷ", "Hội", "Liên đoàn", "Liên minh", "Liên hiệp", "Tỉnh đoàn", "Đoàn", "Bảo hiểm", "Ngân hàng",
    "Công ty", "Phòng", "Viện", "Viễn thông", "VNPT", "Viettel", "Bưu điện", "Điện lực", "Mặt trận",
    "Cảng vụ", "Hải quan", "Thuế", "Tòa án", "Viện kiểm sát", "Hiệp hội", "Đại học", "HĐND", "Hội đồng",
    "Tổng công ty", "Tập đoàn", "Chính phủ", "Kiểm toán", "Quỹ", "Các", "Cơ quan", "Đơn vị", "Địa phương",
    "BQL", "VP", "Thành viên",
))
# Words after "các" that make a collective phrase ("các sở, ngành", "các cơ quan, đơn vị liên quan");
# "các Khu công nghiệp" inside a name is not one.
_KIND_WORDS = {"so", "ban", "nganh", "bo", "co", "don", "dia", "xa", "phuong", "huyen", "to", "doanh",
               "hoi", "doan", "thanh", "tinh", "truong", "dac", "quan", "ubnd", "uy", "hiep", "cap"}
_COLLECTIVE = re.compile(
    r"^(?:(?:ubnd|uy ban nhan dan) cac |cac |(?:so|ban|nganh|bo|co quan|don vi)(?: (?:so|ban|nganh|bo|co quan|"
    r"don vi|dia phuong|to chuc|doan the))+(?: |$)|dia phuong(?: |$)|co quan lien quan|don vi lien quan|"
    r"(?:cac )?thanh vien)")
_COLLECTIVE_TAIL = re.compile(r"^(?:so|ban|nganh|bo|co quan|don vi|dia phuong|xa|phuong|to chuc|doan the|"
                              r"doanh nghiep)(?: lien quan| tinh| truc thuoc)?$")
_NUMBERED = re.compile(r"(?:^| )(?:so )?\d+$")  # "Sở Ban ngành số 1", "Ban 2": one agency, numbered
_SEPARATORS = re.compile(r"(\s*[;\n]\s*|\s*,\s*|\s+và\s+|\s+va\s+)", re.IGNORECASE)


def is_collective(name: str) -> bool:
    """ "Các sở, ngành", "UBND các xã, phường", "các cơ quan, đơn vị liên quan": many agencies, none by name."""
    key = header_key(name)
    if not _COLLECTIVE.match(key) or _NUMBERED.search(key):
        return False
    words = key.split()
    if words[0] == "cac" or words[:2] == ["ubnd", "cac"] or words[:4] == ["uy", "ban", "nhan", "dan"]:
        after = words[words.index("cac") + 1] if "cac" in words else ""
        return after in _KIND_WORDS
    return True


def _starts_agency(fragment: str) -> bool:
    key = header_key(fragment) + " "
    if key.startswith("cac "):
        return key.split()[1:2] and key.split()[1] in _KIND_WORDS  # type: ignore[return-value]
    return key.startswith(_STARTS)


@lru_cache(maxsize=4096)
def _known_keys(known: tuple[str, ...]) -> frozenset[str]:
    return frozenset(agency_key(n) for n in KNOWN_NAMES + known)


def split_agencies(value: object, known: tuple[str, ...] = ()) -> list[str]:
    """An agency cell as a list of agencies: "Sở Nội vụ, Sở Tài chính và Công an tỉnh" → three names;
    "Sở Văn hóa, Thể thao và Du lịch" stays one. Semicolons and line breaks always separate; a comma
    or "và" separates when what follows starts an agency ("Sở", "UBND", "Công an"…) and the joined
    text is not a known name (KNOWN_NAMES, `known`). Collective phrases are kept whole."""
    text = clean(value) if value not in (None, "") else None
    if not text:
        return []
    names = _split_text(text, known)
    return [n for n in dict.fromkeys(names)]


@lru_cache(maxsize=8192)
def _split_text(text: str, known: tuple[str, ...]) -> list[str]:
    keys = _known_keys(known)
    out: list[str] = []
    for part in re.split(r"\s*[;\n]\s*", text):
        pieces = _SEPARATORS.split(part.strip(" .,-"))
        fragments = pieces[0::2]
        glue = pieces[1::2]
        index = 0
        while index < len(fragments):
            # the longest run of fragments from here that is a known name, else one fragment
            end = index + 1
            for stop in range(len(fragments), index + 1, -1):
                joined = _join(fragments, glue, index, stop)
                if agency_key(joined) in keys:
                    end = stop
                    break
            name = _join(fragments, glue, index, end)
            continues = not _starts_agency(fragments[index]) or (is_collective(out[-1]) and bool(
                _COLLECTIVE_TAIL.match(header_key(fragments[index])))) or _joint_office(
                fragments[index - 1], glue[index - 1], fragments[index]) if out and index > 0 else False
            if continues and end == index + 1:
                out[-1] = out[-1] + glue[index - 1] + name if glue[index - 1].strip() else out[-1] + " " + name
            else:
                out.append(name)
            index = end
    return [n.strip(" .,-") for n in out if n.strip(" .,-")]


def _joint_office(before: str, glue: str, fragment: str) -> bool:
    """ "Văn phòng HĐND và UBND huyện", "Văn phòng Đoàn ĐBQH và HĐND tỉnh": one office of two bodies."""
    last = header_key(before).rsplit(" ", 1)[-1]
    return header_key(glue) == "va" and last in ("hdnd", "ubnd", "dbqh") and \
        header_key(fragment).startswith(("ubnd", "hdnd", "uy ban nhan dan", "hoi dong nhan dan"))


def _join(fragments: list[str], glue: list[str], start: int, stop: int) -> str:
    text = fragments[start]
    for i in range(start + 1, stop):
        text += glue[i - 1] + fragments[i]
    return text
