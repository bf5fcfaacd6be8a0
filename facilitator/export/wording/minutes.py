"""Wording of the minutes (biên bản): vietnamese-formats.md §2.

Small format functions take already-formatted pieces (names, times, ``format_percent``
output...) so no number is formatted here twice. Legal document wording: never translated.
"""

from __future__ import annotations

from collections.abc import Sequence

MINUTES_TYPE = "BIÊN BẢN"
COMRADE = "đồng chí"
COMRADE_CAP = "Đồng chí"
FILL_DOTS = "……"
MINUTES_MEETING_NOUN = {"hoi-nghi": "Hội nghị"}
DEFAULT_MEETING_NOUN = "Cuộc họp"
SECTION_CONTENT = "I. NỘI DUNG"
SECTION_PROCEEDINGS = "II. DIỄN BIẾN"
SECTION_CONCLUSION = "III. KẾT LUẬN CỦA CHỦ TRÌ"
SECTION_VOTES = "IV. BIỂU QUYẾT"
PARTICIPANTS = "Thành phần:"
DOCUMENTS_STUDIED = "Tài liệu nghiên cứu, quán triệt:"
AGENDA_HELD = "Chương trình sinh hoạt:"
DISCUSSION = "Ý kiến thảo luận:"
NO_AGENDA = "(Chưa ghi nội dung sinh hoạt.)"
NO_PROCEEDINGS = "(Chưa ghi diễn biến của buổi sinh hoạt.)"
CONCLUSION_BLANK = "[Chủ trì bổ sung kết luận] " + FILL_DOTS * 6
NOTE_VERBS = {"question": "hỏi", "answer": "trả lời", "proposal": "đề xuất", "opinion": ""}
NOTE_LABELS_NO_SPEAKER = {
    "question": "Câu hỏi",
    "answer": "Trả lời",
    "proposal": "Đề xuất",
    "opinion": "",
}


def time_line(clock: str, day: str) -> str:
    """ "Thời gian: bắt đầu lúc 07 giờ 30 phút, ngày 10 tháng 5 năm 2024." """
    return f"Thời gian: bắt đầu lúc {clock}, {day}."


def place_line(place: str) -> str:
    return f"Địa điểm: {place or FILL_DOTS * 4}."


def person_with_position(name: str, position: str) -> str:
    """ "đồng chí Nguyễn Văn An – Bí thư chi bộ" (the en dash of §5.3)."""
    return f"{COMRADE} {name} – {position}" if position else f"{COMRADE} {name}"


def guests_line(guests: Sequence[str]) -> str:
    return f"Đại biểu dự: {'; '.join(guests)}."


def chair_line(who: str) -> str:
    return f"Chủ trì: {who}."


def secretary_line(who: str) -> str:
    return f"Thư ký: {who}."


def role_missing() -> str:
    return f"{COMRADE} {FILL_DOTS * 3}"


def member_noun(is_party: bool) -> str:
    """Who the roll counts: Party members, or the members of a mass organisation/body."""
    # Mass organisations (Hội CCB, Hội Nông dân…) count "hội viên" (#10.9).
    return "đảng viên" if is_party else "hội viên"


def total_members_line(
    total: int,
    official: int,
    probationary: int,
    exempt: int,
    temp_in: int,
    temp_out: int,
    *,
    is_party: bool = True,
) -> str:
    """ "Tổng số đảng viên: 25 đồng chí (chính thức 22, dự bị 3; miễn sinh hoạt 1; …)." """
    parts = [f"chính thức {official}, dự bị {probationary}"] if is_party or probationary else []
    parts.append(f"miễn sinh hoạt {exempt}")
    if is_party or temp_in:
        parts.append(f"sinh hoạt tạm thời {temp_in}")
    if temp_out:
        parts.append(f"sinh hoạt tạm thời nơi khác {temp_out}")
    return f"Tổng số {member_noun(is_party)}: {total} {COMRADE} ({'; '.join(parts)})."


def present_line(
    present: int,
    official: int,
    probationary: int,
    late: int,
    *,
    is_party: bool = True,
    latecomers: Sequence[tuple[str, str | None]] = (),
    left_early: Sequence[tuple[str, str | None]] = (),
) -> str:
    """ "Có mặt: 20 đồng chí (…); trong đó đến muộn 1 đồng chí (đồng chí Lê Văn Cường, đến
    lúc 07 giờ 45 phút); về sớm 1 đồng chí (…)." ``latecomers`` and ``left_early`` are
    (name, formatted clock or ``None``) pairs in roster order."""
    text = f"Có mặt: {present} {COMRADE}"
    if is_party or probationary:
        text += f" (chính thức {official}, dự bị {probationary})"
    if late:
        text += f"; trong đó đến muộn {late} {COMRADE}" + _timed(latecomers, "đến lúc")
    if left_early:
        text += f"; về sớm {len(left_early)} {COMRADE}" + _timed(left_early, "về lúc")
    return text + "."


def _timed(people: Sequence[tuple[str, str | None]], verb: str) -> str:
    """ " (đồng chí A, đến lúc 07 giờ 45 phút; đồng chí B)" or "" when nobody is named."""
    if not people:
        return ""
    parts = [
        f"{COMRADE} {name}, {verb} {clock}" if clock else f"{COMRADE} {name}"
        for name, clock in people
    ]
    return f" ({'; '.join(parts)})"


def absent_line(count: int) -> str:
    return f"Vắng mặt: {count} {COMRADE}" + (", trong đó:" if count else ".")


def excused_line(count: int) -> str:
    return f"Vắng có lý do: {count} {COMRADE}" + (":" if count else ".")


def excused_person(name: str, reason: str) -> str:
    return f"{COMRADE_CAP} {name} – {reason}." if reason else f"{COMRADE_CAP} {name}."


def unexcused_line(count: int) -> str:
    """Heading of the numbered list of unexcused absentees (numbered like the excused)."""
    return f"Vắng không có lý do: {count} {COMRADE}" + (":" if count else ".")


def unexcused_person(name: str) -> str:
    return f"{COMRADE_CAP} {name}."


def below_quorum_line(present: int, expected: int, percent: str, *, is_party: bool = True) -> str:
    """The attendance against the two-thirds rule, stated (never a blank to fill)."""
    return (
        f"Số {member_noun(is_party)} có mặt {present}/{expected} ({percent}), "
        "chưa đủ hai phần ba theo quy định."
    )


ROLE_CHAIR = "chủ trì"
ROLE_SECRETARY = "thư ký"


def minutes_nobody_present(*, is_party: bool = True) -> str:
    return (
        f"Không xuất biên bản: không có {member_noun(is_party)} nào có mặt, nên buổi họp không "
        "diễn ra. Kiểm tra lại điểm danh; nếu buổi họp đã diễn ra, hãy đánh dấu người có mặt."
    )


def minutes_signer_absent(role: str, name: str) -> str:
    return (
        f"Không xuất biên bản: đồng chí {name} được phân công làm {role} nhưng điểm danh là "
        f"vắng mặt, nên không thể ký biên bản. Hãy chọn {role} khác trong số người có mặt, "
        "hoặc sửa lại điểm danh."
    )


def exempt_absent_line(count: int) -> str:
    return f"Miễn sinh hoạt, không dự: {count} {COMRADE}."


def unmarked_line(names: Sequence[str]) -> str:
    return f"[Chưa điểm danh – cần bổ sung] {len(names)} {COMRADE}: {', '.join(names)}."


def others_line(non_members: int, guests: int) -> str:
    return f"Quần chúng dự: {non_members} người; khách mời dự: {guests} người."


def presenter_line(names: Sequence[str]) -> str:
    joined = ", ".join(f"{COMRADE} {n}" for n in names)
    return f"{joined[0].upper()}{joined[1:]} trình bày."


def item_voted_line(question: str) -> str:
    """Under a voted item in DIỄN BIẾN; the counts are in IV. BIỂU QUYẾT."""
    return f"Biểu quyết: {question} (kết quả tại mục IV)."


def agenda_entry(title: str, presenters: Sequence[str]) -> str:
    if not presenters:
        return title
    return f"{title} ({', '.join(f'{COMRADE} {n}' for n in presenters)} trình bày)"


def discussion_line(speaker: str | None, kind: str, text: str) -> str:
    """ "Đồng chí Nguyễn Văn An: …" / "Đồng chí Lê Hoa hỏi: …" / "Đề xuất: …"."""
    if speaker:
        verb = NOTE_VERBS.get(kind, "")
        lead = f"{COMRADE_CAP} {speaker}" + (f" {verb}" if verb else "")
    else:
        lead = NOTE_LABELS_NO_SPEAKER.get(kind, "")
    return f"{lead}: {text}" if lead else text


def item_conclusion_line(text: str) -> str:
    return f"Đồng chí chủ trì kết luận: {text}"


def vote_line(
    question: str, votes_for: int, base: int, percent: str, against: int, other: int
) -> str:
    """ "Thông qua …: tán thành 22/23 đồng chí (95,65%); không tán thành 1; ý kiến khác 0." """
    return (
        f"{question}: tán thành {votes_for}/{base} {COMRADE} ({percent}); "
        f"không tán thành {against}; ý kiến khác {other}."
    )


def vote_nobody_entitled(question: str, *, is_party: bool = True) -> str:
    """A vote where no member had the right to vote (only probationary members...)."""
    return (
        f"{question}: không có {member_noun(is_party)} nào có quyền biểu quyết, "
        "nên không có kết quả biểu quyết."
    )


def vote_result(passed: bool, *, is_party: bool = True) -> str:
    noun = member_noun(is_party)
    if passed:
        return f"Kết quả: được thông qua (trên một nửa số {noun} có quyền biểu quyết tán thành)."
    return f"Kết quả: không được thông qua (chưa được trên một nửa số {noun} có quyền biểu quyết tán thành)."


APPROVAL_BEFORE = {True: "chi bộ", False: "hội nghị"}  # keyed by "is a Party body"


def approval_line(votes_for: int, base: int, percent: str, before: str) -> str:
    return (
        f"Biên bản đã được thông qua trước {before}, {votes_for}/{base} {COMRADE} "
        f"tán thành ({percent})."
    )


def approval_blank(before: str) -> str:
    return (
        f"[Chưa thông qua – điền khi đọc lại biên bản] Biên bản đã được thông qua trước "
        f"{before}, {FILL_DOTS}/{FILL_DOTS} {COMRADE} tán thành ({FILL_DOTS}%)."
    )


def closing_line(noun: str, clock: str, day: str | None) -> str:
    """Same day: "… cùng ngày."; a meeting that ran past midnight names the date."""
    when = f"{clock}, {day}." if day else f"{clock} cùng ngày."
    return f"{noun} kết thúc lúc {when}"


def closing_blank(noun: str) -> str:
    return f"{noun} kết thúc lúc {FILL_DOTS} giờ {FILL_DOTS} phút cùng ngày."
