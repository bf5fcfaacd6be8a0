"""Vietnamese wording of issuers, recipients and the blanks a signer must fill (#10.4, 6, 7, 9).

Recipient names here are without the leading "- " and the closing punctuation: the
profile adds "," (Party) or ";" (NĐ 30) and the full stop of the last line.
"""

from __future__ import annotations

from collections.abc import Sequence

# Committees of a đảng bộ by its level: "Đảng bộ huyện Di Linh" is led by the "Huyện ủy".
LEVEL_COMMITTEES = {
    "huyen": "Huyện ủy",
    "tinh": "Tỉnh ủy",
    "thanh pho": "Thành ủy",
    "quan": "Quận ủy",
    "thi xa": "Thị ủy",
}
PARTY_COMMITTEE = "Đảng ủy"
FOR_REPORT = "(b/c)"


def standing_committee(committee: str) -> str:
    return f"Ban Thường vụ {committee} {FOR_REPORT}"


def propaganda_board(committee: str) -> str:
    return f"Ban Tuyên giáo {committee}"


def committee_for_report(committee: str) -> str:
    return f"{committee} {FOR_REPORT}"


def standing_office(parent: str) -> str:
    """NĐ 30 / mass organisations: the standing office of the level above."""
    return f"Thường trực {parent} {FOR_REPORT}"


ARCHIVE_CELL = "Lưu chi bộ"
ARCHIVE_COMMITTEE = "Lưu VP"
ARCHIVE_STATE = "Lưu: VT"
ARCHIVE_PREFIX = "lưu"

# Mass organisations sign for their executive: "TM. BAN CHẤP HÀNH / CHỦ TỊCH".
ASSOCIATION_SIGNER_BODY = "BAN CHẤP HÀNH"
BRANCH_SIGNER_BODY = "CHI HỘI"
ASSOCIATION_SIGNER_TITLE = "CHỦ TỊCH"
BRANCH_SIGNER_TITLE = "CHI HỘI TRƯỞNG"

# --- What a signer still has to fill in ----------------------------------------------------

# Field -> (its name, the `facilitator report` option that fills it).
BLANK_FIELDS: dict[str, tuple[str, str]] = {
    "number": ("số văn bản", "--number"),
    "signer_name": ("họ tên người ký", "--signer-name"),
    "signer_position": ("chức vụ người ký", "--signer-position"),
    "parent": ("cấp trên trực tiếp", "--parent"),
    "locality": ("địa danh ở dòng ngày tháng", "--locality"),
    "abbrev": ("ký hiệu cơ quan ban hành trong số văn bản", "--abbrev"),
    "narrative": ("phần {part}", "--narrative {key}=…"),
}


def blank_words(field: str, part: str, key: str, *, console: bool) -> str:
    """ "số văn bản (--number)"; in the console, where no option is typed, "số văn bản"."""
    name, option = BLANK_FIELDS[field]
    name = name.format(part=part)
    return name if console else f"{name} ({option.format(key=key)})"


def blanks_before_export(blanks: Sequence[str]) -> str:
    return "Báo cáo còn để trống, cần bổ sung trước khi ký: " + "; ".join(blanks) + "."


def blanks_after_export(path: str, blanks: Sequence[str]) -> str:
    """The last line: the list itself was printed once, on stderr, before writing."""
    return f"Đã ghi {path}, còn {len(blanks)} chỗ trống phải điền tay (kể trên)."


def no_roster_for_unit(unit: str) -> str:
    return (
        f'Chưa có danh sách (đơn vị) "{unit}" trong máy: báo cáo không biết cấp trên, địa danh '
        "và ký hiệu cơ quan ban hành. Hãy nhập danh sách đơn vị (facilitator roster import … "
        "--parent … --locality … --abbrev …) hoặc cho biết ngay: --parent, --locality, --abbrev."
    )


def association_on_party_profile(unit: str) -> str:
    return (
        f'"{unit}" là tổ chức hội nhưng đang dùng thể thức văn bản của Đảng (HD 36): tiêu đề '
        '"ĐẢNG CỘNG SẢN VIỆT NAM", "đảng viên", "T/M". Văn bản của hội theo Nghị định 30: '
        "nhập lại danh sách với --profile state."
    )


def bad_narrative_option(value: str, keys: Sequence[str]) -> str:
    return f'"{value}" không đúng dạng PHẦN=NỘI DUNG; PHẦN là một trong: {", ".join(keys)}.'


# --- Command-line help of `facilitator report` ---------------------------------------------

NUMBER_HELP = 'Số văn bản, ví dụ "07" hoặc "07-BC/ĐU" (chữ "Số" tự thêm).'
SIGNER_NAME_HELP = "Họ tên người ký báo cáo."
SIGNER_POSITION_HELP = 'Chức vụ người ký dưới dòng T/M, ví dụ "Phó Bí thư", "Chủ tịch".'
RECIPIENT_HELP = (
    'Một nơi nhận (lặp lại cho nhiều nơi), ví dụ --recipient "Ban Thường vụ Huyện ủy (b/c)"; '
    "thay cho nơi nhận mặc định."
)
NARRATIVE_HELP = (
    "Một phần nhận xét, dạng PHẦN=NỘI DUNG (lặp lại được); PHẦN: situation (thuận lợi, khó "
    "khăn), leadership (lãnh đạo, chỉ đạo), strengths (ưu điểm), weaknesses (hạn chế), "
    "proposals (đề xuất)."
)
PARENT_HELP = "Cấp trên trực tiếp (khi đơn vị chưa có danh sách trong máy)."
LOCALITY_HELP = "Địa danh ở dòng ngày tháng (khi đơn vị chưa có danh sách)."
ABBREV_HELP = 'Ký hiệu cơ quan ban hành trong số văn bản, ví dụ "ĐU", "CB".'

ISSUED_WHAT = "Sổ số báo cáo đã ban hành"
