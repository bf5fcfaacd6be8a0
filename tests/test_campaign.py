"""Campaigns: matching units, the deadline (its own day on time), collection of both bundle
kinds, status, reminders and the level's report listing who did not report."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from builders import make_session
from click.testing import CliRunner
from docx import Document

from facilitator.bundle.io import write_bundle
from facilitator.bundle.report_bundle import read_report_bundle
from facilitator.campaign.matching import MatchKind, match_unit
from facilitator.campaign.model import Campaign, ExpectedUnit, Plan, Receipt, ReceiptKind, UnitKind
from facilitator.campaign.status import State, campaign_status, is_late
from facilitator.campaign.storage import CampaignStore
from facilitator.cli.main import main
from facilitator.domain.models import Unit
from facilitator.export.report_model import build_report

TODAY = date.today()
UNITS = (
    ExpectedUnit("Chi bộ Thôn 1", "Đảng bộ xã Di Linh", "CB", UnitKind.CHI_BO),
    ExpectedUnit("Chi bộ Thôn 2", "Đảng bộ xã Di Linh", "CB", UnitKind.CHI_BO),
    ExpectedUnit("Chi bộ Trường học", "Đảng bộ xã Di Linh", "CB", UnitKind.CHI_BO),
    ExpectedUnit("Chi bộ Thôn 1", "Đảng bộ xã Gia Hiệp", "CB", UnitKind.CHI_BO),
    ExpectedUnit("Hội Cựu chiến binh xã", "Đảng bộ xã Di Linh", "", UnitKind.HOI),
)


# --- matching ------------------------------------------------------------------------------


def test_exact_name_wins_then_accent_and_case_free() -> None:
    assert match_unit("Chi bộ Trường học", "", UNITS).unit == UNITS[2]
    assert match_unit("Chi bộ Trường học", "", UNITS).kind is MatchKind.EXACT
    found = match_unit("chi bo  truong HOC", "", UNITS)
    assert (found.kind, found.unit) == (MatchKind.FOLDED, UNITS[2])


def test_a_shared_name_is_told_apart_by_the_parent_else_asked() -> None:
    assert match_unit("Chi bộ Thôn 1", "Đảng bộ xã Gia Hiệp", UNITS).unit == UNITS[3]
    assert match_unit("chi bo thon 1", "dang bo xa di linh", UNITS).unit == UNITS[0]
    asked = match_unit("Chi bộ Thôn 1", "", UNITS)
    assert asked.kind is MatchKind.AMBIGUOUS and asked.unit is None
    assert set(asked.candidates) == {UNITS[0], UNITS[3]}
    assert match_unit("Chi bộ Thôn 9", "", UNITS).kind is MatchKind.UNKNOWN


def test_unit_kinds_from_labels_codes_or_the_name() -> None:
    assert UnitKind.parse("Chi bộ") is UnitKind.CHI_BO
    assert UnitKind.parse("dang-bo") is UnitKind.DANG_BO
    assert UnitKind.parse("HỘI") is UnitKind.HOI
    assert UnitKind.parse("", "Hội Nông dân xã") is UnitKind.HOI
    assert UnitKind.parse("", "Tổ dân phố 3") is UnitKind.OTHER
    assert UnitKind.parse("bộ phận") is None


# --- the deadline ----------------------------------------------------------------------------


def receipt(unit: str, day: date) -> Receipt:
    return Receipt("f.json", ReceiptKind.SESSION, "s", unit, day, day, 1, 10, 6, 4)


@pytest.mark.parametrize(
    ("offset", "late"), [(-1, False), (0, False), (1, True)], ids=["before", "on", "after"]
)
def test_the_deadline_day_itself_is_on_time(offset: int, late: bool) -> None:
    deadline = date(2024, 5, 31)
    assert is_late(deadline + timedelta(days=offset), deadline) is late
    campaign = Campaign(
        "dot", "Đợt", "Đảng bộ xã Di Linh", Plan(deadline=deadline), units=UNITS[:2],
        receipts=(receipt(UNITS[0].name, deadline + timedelta(days=offset)),),
    )  # fmt: skip
    line = campaign_status(campaign, deadline + timedelta(days=3)).units[0]
    assert line.state is (State.LATE if late else State.RECEIVED)
    assert line.below_two_thirds  # 6 of 10 present
    assert line.participation == "60%"


def test_missing_is_overdue_only_after_the_deadline_and_days_left_count_down() -> None:
    deadline = date(2024, 5, 31)
    campaign = Campaign("dot", "Đợt", "Xã", Plan(deadline=deadline), units=UNITS[:1])
    on_day = campaign_status(campaign, deadline)
    assert on_day.units[0].state is State.MISSING and on_day.days_left == 0
    assert not on_day.late
    after = campaign_status(campaign, deadline + timedelta(days=2))
    assert after.units[0].state is State.OVERDUE and after.days_left == -2
    assert after.late == after.missing
    assert campaign_status(campaign, deadline - timedelta(days=5)).days_left == 5


# --- the command line ------------------------------------------------------------------------


def cli(data: Path, *args: str, code: int = 0) -> Any:
    result = CliRunner().invoke(main, ["--data-dir", str(data), *args])
    assert result.exit_code == code, result.output
    return result


def write_units(path: Path) -> Path:
    lines = ["DANH SÁCH ĐƠN VỊ", "Tên đơn vị;Cấp trên;Viết tắt;Loại"]
    lines += [
        f"{u.name};{u.parent};{u.abbrev};{u.kind.value}" for u in UNITS if "Gia" not in u.parent
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def campaign(tmp_path: Path) -> dict[str, Any]:
    data = tmp_path / "data"
    deadline = (TODAY + timedelta(days=4)).strftime("%d/%m/%Y")
    out = cli(
        data, "campaign", "create", "Học tập chuyên đề 2024", "--unit", "Đảng bộ xã Di Linh",
        "--number", "172-KH/HU", "--issuer", "Ban Thường vụ Huyện ủy", "--deadline", deadline,
    ).output  # fmt: skip
    assert "hoc-tap-chuyen-de-2024" in out
    cli(data, "campaign", "units", "import", "hoc-tap", str(write_units(tmp_path / "dv.csv")))
    return {"data": data, "id": "hoc-tap-chuyen-de-2024", "tmp": tmp_path}


def session_files(folder: Path) -> list[Path]:
    """Thôn 1 and Trường học send sessions; a file of a unit nobody expects comes too."""
    folder.mkdir()
    units = {
        "thon-1": Unit("chi bo thon 1", "Đảng bộ xã Di Linh"),
        "truong": Unit("Chi bộ Trường học", "Đảng bộ xã Di Linh"),
        "la": Unit("Chi bộ Lạ", "Đảng bộ xã Di Linh"),
    }
    paths = []
    for key, unit in units.items():
        path = folder / f"{key}.json"
        write_bundle(make_session(id=f"buoi-{key}", unit=unit), path)
        paths.append(path)
    return paths


def test_create_import_collect_status_report(campaign: dict[str, Any]) -> None:
    data, tmp = campaign["data"], campaign["tmp"]
    usb = tmp / "usb"
    sessions = session_files(usb)
    # The Hội sends a report bundle made from its own session (in a subfolder, as on a USB).
    hoi = make_session(id="buoi-hoi", unit=Unit("Hội Cựu chiến binh xã", "Đảng bộ xã Di Linh"))
    (usb / "hoi").mkdir()
    write_bundle(hoi, tmp / "hoi-session.json")
    cli(data, "report", "--unit", hoi.unit.name, "--format", "bundle",
        "-o", str(usb / "hoi" / "bao-cao.json"), str(tmp / "hoi-session.json"))  # fmt: skip

    result = cli(data, "campaign", "collect", campaign["id"], str(usb))
    assert "Chi bộ Lạ" in result.output  # reported, not collected
    assert "Đã nhận 3 tệp" in result.output

    status = json.loads(cli(data, "campaign", "status", campaign["id"], "--json").output)
    states = {u["name"]: u["state"] for u in status["units"]}
    assert states == {
        "Chi bộ Thôn 1": "received",
        "Chi bộ Thôn 2": "missing",
        "Chi bộ Trường học": "received",
        "Hội Cựu chiến binh xã": "received",
    }
    assert status["days_left"] == 4
    thon_1 = next(u for u in status["units"] if u["name"] == "Chi bộ Thôn 1")
    assert (thon_1["sessions"], thon_1["present"], thon_1["expected"]) == (1, 23, 25)

    text = cli(data, "campaign", "status", campaign["id"], "--missing").output
    assert "Chi bộ Thôn 2" in text and "Chi bộ Trường học" not in text
    assert "còn 4 ngày" in text and "Đã nhận 3/4 đơn vị" in text

    reminders = tmp / "nhac.csv"
    cli(data, "campaign", "reminders", campaign["id"], "-o", str(reminders))
    rows = list(csv.reader(io.StringIO(reminders.read_bytes().decode("utf-8-sig"))))
    assert rows == [["TT", "Đơn vị", "Cấp trên"], ["1", "Chi bộ Thôn 2", "Đảng bộ xã Di Linh"]]

    # The level's report: every collected file, and who did not report.
    docx = tmp / "bao-cao.docx"
    cli(data, "campaign", "report", campaign["id"], "--format", "docx", "-o", str(docx))
    paragraphs = [p.text for p in Document(str(docx)).paragraphs]
    assert any("Đơn vị chưa báo cáo (1 đơn vị)" in p for p in paragraphs)
    assert "- Chi bộ Thôn 2" in paragraphs
    md = tmp / "bao-cao.md"
    cli(data, "campaign", "report", campaign["id"], "--format", "md", "-o", str(md))
    assert "Chi bộ Thôn 2" in md.read_text(encoding="utf-8")

    direct = build_report([hoi], unit=Unit("x"))
    up = tmp / "xa.json"
    cli(data, "campaign", "report", campaign["id"], "--format", "bundle", "-o", str(up))
    bundle = read_report_bundle(up)
    assert bundle.missing == ("Chi bộ Thôn 2",)
    assert bundle.campaign is not None and bundle.campaign.number == "172-KH/HU"
    # Rows carry the names of the list of units, not the spelling of each file.
    assert [r.unit for r in bundle.rows] == [
        "Chi bộ Thôn 1",
        "Chi bộ Trường học",
        "Hội Cựu chiến binh xã",
    ]
    assert bundle.totals.sessions == 3
    hoi_row = next(r for r in bundle.rows if r.unit == hoi.unit.name)
    assert hoi_row.present == direct.total.present
    assert len(sessions) == 3


def test_collect_refuses_repeats_unless_replace_and_keeps_files_private(
    campaign: dict[str, Any],
) -> None:
    data, tmp = campaign["data"], campaign["tmp"]
    paths = session_files(tmp / "usb")
    cli(data, "campaign", "collect", campaign["id"], str(paths[0]))
    again = cli(data, "campaign", "collect", campaign["id"], str(paths[0]), code=1)
    assert "--replace" in again.output
    cli(data, "campaign", "collect", campaign["id"], str(paths[0]), "--replace")
    folder = CampaignStore(data).bundles_dir(campaign["id"])
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == ["s-buoi-thon-1.json"]
    if os.name == "posix":
        assert stat.S_IMODE((folder / kept[0]).stat().st_mode) == 0o600
    stored = CampaignStore(data).load(campaign["id"])
    assert [r.bundle_id for r in stored.receipts] == ["buoi-thon-1"]


def test_collect_of_an_invalid_file_keeps_nothing(campaign: dict[str, Any]) -> None:
    data, tmp = campaign["data"], campaign["tmp"]
    paths = session_files(tmp / "usb")
    broken = json.loads(paths[1].read_text(encoding="utf-8"))
    broken["attendance"][0]["status"] = "ngủ"
    paths[1].write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    result = cli(data, "campaign", "collect", campaign["id"], str(tmp / "usb"), code=1)
    assert "$.attendance[0].status" in result.output and str(paths[1]) in result.output
    assert CampaignStore(data).load(campaign["id"]).receipts == ()


def test_units_file_problems_are_located(tmp_path: Path) -> None:
    data = tmp_path / "data"
    cli(data, "campaign", "create", "Đợt 1", "--unit", "Xã")
    bad = tmp_path / "dv.csv"
    bad.write_text("Tên đơn vị,Loại\nChi bộ A,chi bộ\nChi bộ B,bộ phận\nchi bo a,\n", "utf-8")
    result = cli(data, "campaign", "units", "import", "dot-1", str(bad), code=1)
    assert f"{bad}:3" in result.output and "bộ phận" in result.output
    assert f"{bad}:4" in result.output
    missing = cli(data, "campaign", "status", "khong-co", code=1)
    assert "Không có đợt «khong-co»" in missing.output


def test_the_plan_comes_from_the_pack(tmp_path: Path, content_dir: Path) -> None:
    pack = tmp_path / "goi.md"
    pack.write_text(
        (content_dir / "cay-tre.md").read_text(encoding="utf-8").replace(
            "---\n", "---\nplan:\n  number: 99-KH/HU\n  date: 2024-04-24\n  issuer: Huyện ủy\n"
            "deadline: 2024-06-30\n", 1,
        ),
        encoding="utf-8",
    )  # fmt: skip
    data = tmp_path / "data"
    cli(data, "campaign", "create", "--pack", str(pack), "--unit", "Đảng bộ xã Di Linh")
    (stored,) = CampaignStore(data).all()
    assert stored.plan == Plan("99-KH/HU", date(2024, 4, 24), "Huyện ủy", date(2024, 6, 30))
    assert stored.content_id == "cay-tre"


def test_every_report_format_lists_the_units_that_did_not_report(
    campaign: dict[str, Any],
) -> None:
    from openpyxl import load_workbook

    data, tmp = campaign["data"], campaign["tmp"]
    cli(data, "campaign", "collect", campaign["id"], str(session_files(tmp / "usb")[1]))
    out = {fmt: tmp / f"bc.{fmt}" for fmt in ("csv", "xlsx")}
    for fmt, path in out.items():
        cli(data, "campaign", "report", campaign["id"], "--format", fmt, "-o", str(path))
    rows = list(csv.reader(io.StringIO(out["csv"].read_bytes().decode("utf-8-sig"))))
    tail = rows[rows.index([]) + 1 :]
    assert tail == [
        ["Đơn vị chưa báo cáo (3 đơn vị)"],
        ["1", "Chi bộ Thôn 1"],
        ["2", "Chi bộ Thôn 2"],
        ["3", "Hội Cựu chiến binh xã"],
    ]
    book = load_workbook(out["xlsx"])
    assert book.sheetnames[-1] == "Chưa báo cáo"
    cells = [c for row in book["Chưa báo cáo"].iter_rows(values_only=True) for c in row if c]
    assert "Chi bộ Thôn 2" in cells and "Hội Cựu chiến binh xã" in cells
    assert "Chi bộ Trường học" not in cells


def test_a_pack_is_given_by_its_id_as_for_content_script(tmp_path: Path, content_dir: Path) -> None:
    data = tmp_path / "data"
    result = CliRunner().invoke(
        main,
        ["--data-dir", str(data), "--content-dir", str(content_dir), "campaign", "create",
         "--pack", "cay-tre", "--unit", "Đảng bộ xã Di Linh"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (stored,) = CampaignStore(data).all()
    assert stored.content_id == "cay-tre" and stored.title


def _two_thon_1(tmp_path: Path) -> tuple[Path, str, Path]:
    """A campaign whose list has two "Chi bộ Thôn 1" (two communes) and a file that
    names neither superior."""
    data = tmp_path / "data"
    cli(data, "campaign", "create", "Đợt huyện", "--unit", "Huyện ủy Di Linh")
    units = tmp_path / "dv.csv"
    units.write_text(
        "Tên đơn vị;Cấp trên\n"
        + "".join(f"{u.name};{u.parent}\n" for u in UNITS if u.name == "Chi bộ Thôn 1"),
        encoding="utf-8",
    )
    cli(data, "campaign", "units", "import", "dot-huyen", str(units))
    path = tmp_path / "thon-1.json"
    write_bundle(make_session(id="buoi-thon-1", unit=Unit("Chi bộ Thôn 1", "")), path)
    return data, "dot-huyen", path


def test_an_ambiguous_unit_is_left_out_then_collected_under_the_chosen_superior(
    tmp_path: Path,
) -> None:
    data, campaign_id, path = _two_thon_1(tmp_path)
    left = cli(data, "campaign", "collect", campaign_id, str(path))
    assert "--assign" in left.output and "Đã nhận 0 tệp" in left.output
    cli(data, "campaign", "collect", campaign_id, str(path), "--assign", f"{path}=Đảng bộ xã X",
        code=1)  # fmt: skip
    cli(data, "campaign", "collect", campaign_id, str(path),
        "--assign", f"{path}=dang bo xa gia hiep")  # fmt: skip
    status = json.loads(cli(data, "campaign", "status", campaign_id, "--json").output)
    # Only the unit of Gia Hiệp has reported, though both are named "Chi bộ Thôn 1".
    states = {(u["name"], u["parent"]): u["state"] for u in status["units"]}
    assert states == {
        ("Chi bộ Thôn 1", "Đảng bộ xã Di Linh"): "missing",
        ("Chi bộ Thôn 1", "Đảng bộ xã Gia Hiệp"): "received",
    }
    receipt = CampaignStore(data).load(campaign_id).receipts[0]
    assert (receipt.unit, receipt.parent) == ("Chi bộ Thôn 1", "Đảng bộ xã Gia Hiệp")


def test_in_a_terminal_the_user_is_asked_which_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import facilitator.cli.campaign as campaign_cli

    data, campaign_id, path = _two_thon_1(tmp_path)
    monkeypatch.setattr(campaign_cli, "_interactive", lambda: True)
    result = CliRunner().invoke(
        main, ["--data-dir", str(data), "campaign", "collect", campaign_id, str(path)], input="1\n"
    )
    assert result.exit_code == 0, result.output
    assert "1. Chi bộ Thôn 1 (cấp trên: Đảng bộ xã Di Linh)" in result.output
    assert "Đã nhận 1 tệp" in result.output
    status = json.loads(cli(data, "campaign", "status", campaign_id, "--json").output)
    received = [(u["name"], u["parent"]) for u in status["units"] if u["state"] == "received"]
    assert received == [("Chi bộ Thôn 1", "Đảng bộ xã Di Linh")]
