"""``facilitator report --unit``: the stored unit found without accents or case."""

from __future__ import annotations

from pathlib import Path

from builders import UNIT, make_session
from click.testing import CliRunner
from docx import Document

from facilitator.cli.main import main
from facilitator.domain.models import Unit
from facilitator.storage.store import Store


def run(data: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--data-dir", str(data), *args])
    return result.exit_code, result.stdout, result.stderr


def test_unit_typed_in_lower_case_finds_the_stored_unit(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Store(data).put_session(make_session())
    out = tmp_path / "bc.docx"
    code, _, stderr = run(data, "report", "--unit", "chi bộ khối dân vận", "-o", str(out))
    assert code == 0, stderr
    assert "«Chi bộ Khối Dân vận»" in stderr
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Không có buổi sinh hoạt nào" not in text
    assert "Tổng số đảng viên: 26 đồng chí" in text


def test_unit_matching_several_lists_them_and_nothing_is_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store(data)
    store.put_session(make_session(unit=Unit(name="Chi bộ thôn Tân Lập", parent=UNIT.parent)))
    store.put_session(
        make_session(id="2024-05-11-khac", unit=Unit(name="Chi bộ thôn Tấn Lập", parent="X"))
    )
    out = tmp_path / "bc.docx"
    code, _, stderr = run(data, "report", "--unit", "chi bo thon tan lap", "-o", str(out))
    assert code == 1
    assert "Chi bộ thôn Tân Lập" in stderr and "Chi bộ thôn Tấn Lập" in stderr
    assert not out.exists()


def test_unknown_unit_without_bundles_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Store(data).put_session(make_session())
    out = tmp_path / "bc.docx"
    code, stdout, stderr = run(data, "report", "--unit", "Chi bộ không có", "-o", str(out))
    assert code == 1 and not out.exists()
    assert "Không có đơn vị «Chi bộ không có»" in stderr and "Chi bộ Khối Dân vận" in stderr
    assert "Traceback" not in stdout + stderr
