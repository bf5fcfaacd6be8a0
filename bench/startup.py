"""Startup benchmark: the presenter app's time to first screen and peak memory.

Run by hand from the repository root (this is not a test)::

    python bench/startup.py                    # app with 200 stored sessions vs a bare app
    python bench/startup.py --sessions 0 500   # issue 6: does the store's size show?
    python bench/startup.py --runs 9 --people 500

Every measured run is a fresh ``python -c`` subprocess, so imports are cold the way a
user starting the app meets them (one discarded warm-up run per variant fills the
bytecode and disk caches first; variants are interleaved so drift hits them alike).
A run ends right after the first screen is painted: the app's ``on_ready`` schedules
``call_after_refresh(exit)``. Reported per variant, as medians:

* first screen: in-process time from the script's first line to that refresh (the
  ~20 ms interpreter start is excluded, as in performance-reliability-facts.md §2.2);
* wall: the whole process, interpreter start and teardown included;
* peak RSS: the child's ``ru_maxrss`` as its parent sees it, i.e. what
  ``getrusage(RUSAGE_CHILDREN)`` reports, taken per child with ``os.wait4``.

Targets: app(200 sessions) / bare app <= 1.3x; app(500) / app(0) <= 1.2x (issue 6).
The exit status is 0 when every target is met, 1 when one is missed, 2 when a variant
cannot start (e.g. ``facilitator.ui.app`` is not importable yet).

The data folder is temporary and realistic: a 500-person roster and N closed
sessions written through ``Store.put_session`` (attendance with reasons, notes,
votes, timings), from the shipped ``content/cay-tre.md`` pack.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from facilitator.domain.content import ContentPack  # noqa: E402
from facilitator.domain.models import (  # noqa: E402
    Approval,
    Attendance,
    Event,
    Note,
    Person,
    Progress,
    Roles,
    Roster,
    Session,
    Unit,
    Vote,
)
from facilitator.domain.votes import voting_base  # noqa: E402
from facilitator.parsing import load_pack  # noqa: E402
from facilitator.services.planning import SessionPlan, build_session  # noqa: E402
from facilitator.storage.store import Store  # noqa: E402

SIZE = (120, 40)
APP_TARGET = 1.3
SCALING_TARGET = 1.2
MARKER = "BENCH-FIRST-SCREEN"
ICT = timezone(timedelta(hours=7))

_FIRST_SCREEN_HOOK = """
    def on_ready(self) -> None:
        self.call_after_refresh(self._bench_first_screen)

    def _bench_first_screen(self) -> None:
        global READY
        READY = time.perf_counter()
        self.exit()
"""

APP_CHILD = f"""
import time
T0 = time.perf_counter()
READY = None
import inspect
import sys
from pathlib import Path
from facilitator.storage.store import Store
from facilitator.ui.app import FacilitatorApp

class Bench(FacilitatorApp):
    # Relative CSS_PATH resolves against the subclass's file, which `-c` code lacks.
    _BASE_PATH = inspect.getfile(FacilitatorApp)
{_FIRST_SCREEN_HOOK}

app = Bench(Store(Path(sys.argv[1])), content_dir=Path("content"))
app.run(headless=True, size={SIZE})
print("{MARKER}", -1 if READY is None else READY - T0)
"""

BARE_CHILD = f"""
import time
T0 = time.perf_counter()
READY = None
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

class Bench(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Xin chào")
        yield Footer()
{_FIRST_SCREEN_HOOK}

Bench().run(headless=True, size={SIZE})
print("{MARKER}", -1 if READY is None else READY - T0)
"""

IMPORT_CHECK = "from facilitator.ui.app import FacilitatorApp; FacilitatorApp.__init__"


# -- data --------------------------------------------------------------------------

_HO = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ")
_DEM = ("Văn", "Thị", "Minh", "Quốc", "Ngọc", "Hữu", "Thanh", "Đức", "Thu", "Hoài", "Kim", "Xuân")
_TEN = (
    "An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Khánh",
    "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trang",
    "Tuấn", "Uyên", "Vinh", "Xuân", "Yến", "Đạt",
)  # fmt: skip
_POSITIONS = ("", "", "", "Bí thư chi bộ", "Phó Bí thư", "Chi ủy viên", "Trưởng ban", "Chuyên viên")
_REASONS = (
    "đi công tác theo quyết định của cơ quan",
    "ốm, có giấy của cơ sở y tế",
    "việc gia đình đột xuất",
    "đi học lớp trung cấp lý luận chính trị",
)
_SAYINGS = (
    "Tôi thống nhất cao với nội dung báo cáo viên đã trình bày",
    "Đề nghị chi bộ cụ thể hóa việc học tập thành kế hoạch hành động của từng đồng chí",
    "Cần tăng cường tuyên truyền trên mạng xã hội, đấu tranh với các luận điệu xuyên tạc",
    "Liên hệ bản thân, tôi thấy cần nâng cao hơn nữa tinh thần tự học",
    "Đề nghị cấp trên cung cấp thêm tài liệu tham khảo cho đảng viên",
    "Hình tượng cây tre thể hiện sự kiên định về nguyên tắc và linh hoạt về sách lược",
)


def make_roster(people: int, rng: random.Random) -> Roster:
    """A large đảng bộ: mostly chính thức, some dự bị, a few exempt or temporary."""
    persons = []
    for n in range(1, people + 1):
        name = f"{rng.choice(_HO)} {rng.choice(_DEM)} {rng.choice(_TEN)}"
        roll = rng.random()
        category = "chinh-thuc" if roll < 0.86 else "du-bi" if roll < 0.96 else "quan-chung"
        persons.append(
            Person(
                id=f"p{n:04d}",
                name=name,
                category=category,
                position=rng.choice(_POSITIONS),
                exempt=category == "chinh-thuc" and rng.random() < 0.03,
                temporary=rng.choice((None,) * 40 + ("den", "di")),
            )
        )
    unit = Unit(name="Đảng bộ Khối Cơ quan huyện Di Linh", parent="Huyện ủy Di Linh")
    return Roster(unit=unit, people=tuple(persons))


def make_session(
    store: Store, pack: ContentPack, roster: Roster, index: int, rng: random.Random
) -> Session:
    """A closed session with attendance, notes, votes and item timings."""
    started = datetime(2016, 1, 8, 7, 30, tzinfo=ICT) + timedelta(days=7 * index)
    plan = SessionPlan(title=f"{pack.title} (lần {index + 1})", started_at=started)
    session = build_session(store, pack, roster, plan)
    attendance = []
    for person in session.people:
        roll = rng.random()
        if person.exempt:
            status, reason = ("present", None) if roll < 0.3 else ("exempt-absent", None)
        elif roll < 0.86:
            status, reason = "present", None
        elif roll < 0.90:
            status, reason = "late", None
        elif roll < 0.97:
            status, reason = "absent-excused", rng.choice(_REASONS)
        else:
            status, reason = "absent", None
        arrived = started + timedelta(minutes=rng.randint(5, 25)) if status == "late" else None
        attendance.append(
            Attendance(person=person.id, status=status, arrived_at=arrived, reason=reason)
        )
    clock = started
    agenda = []
    for item in session.agenda:
        spent = item.minutes * 60 * rng.uniform(0.7, 1.3)
        agenda.append(
            replace(
                item,
                started_at=clock,
                ended_at=clock + timedelta(seconds=spent),
                spent_seconds=round(spent, 1),
            )
        )
        clock += timedelta(seconds=spent)
    notes = tuple(
        Note(
            id=f"n{k + 1}",
            item=rng.choice(agenda).id,
            at=started + timedelta(minutes=k),
            text=". ".join(rng.sample(_SAYINGS, rng.randint(1, 3))) + ".",
            kind=rng.choice(("opinion", "opinion", "question", "proposal")),
            speaker=rng.choice(session.people).id,
        )
        for k in range(rng.randint(30, 60))
    )
    base = voting_base(session.people, attendance)  # derived, as the store checks
    hands = base * 3 // 4  # those present of the members entitled to vote
    votes = (
        Vote(item="bieu-quyet", question="Thông qua nghị quyết", for_=hands, base=base),
        Vote(item="bieu-quyet", question="Thông qua biên bản", for_=hands - 1, other=1, base=base),
    )
    people = session.people
    return session.with_changes(
        status="closed",
        ended_at=clock,
        roles=Roles(chair=people[0].id, secretary=people[1].id, presenters=(people[2].id,)),
        attendance=tuple(attendance),
        agenda=tuple(agenda),
        notes=notes,
        votes=votes,
        conclusion="Chi bộ thống nhất triển khai kế hoạch học tập và làm theo.",
        approved=Approval(at=clock, for_=base, base=base),
        progress=Progress(current=agenda[-1].id, entered_at=None),
        events=(Event(at=clock, kind="closed"),),
    )


def make_data(folder: Path, sessions: int, people: int) -> Path:
    """A data folder holding the roster and ``sessions`` stored sessions."""
    rng = random.Random(20240510 + sessions)
    store = Store(folder)
    pack = load_pack(REPO / "content" / "cay-tre.md")
    roster = make_roster(people, rng)
    store.save_roster(roster)
    for index in range(sessions):
        store.put_session(make_session(store, pack, roster, index, rng))
    return folder


# -- measuring ---------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One child process: seconds to first screen, wall seconds, peak RSS in MiB."""

    first_screen: float
    wall: float
    peak_mib: float | None


@dataclass
class Variant:
    """Something to start, and its runs."""

    label: str
    code: str
    args: tuple[str, ...] = ()
    runs: list[Run] | None = None

    def median(self, field: str) -> float:
        values = [getattr(r, field) for r in self.runs or () if getattr(r, field) is not None]
        return statistics.median(values) if values else float("nan")


class ChildFailed(Exception):
    """A variant's process did not reach its first screen."""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    for key in ("TEXTUAL", "TEXTUAL_DEVTOOLS_HOST", "TEXTUAL_DEVTOOLS_PORT"):
        env.pop(key, None)  # devtools and debug features would distort the timings
    # Both sides must load cached bytecode, as a user's second start does: Textual's was
    # compiled by pip at install, ours by compile_package() below.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_package() -> None:
    """Write facilitator's .pyc files (an editable install leaves them to the first run,
    and PYTHONDONTWRITEBYTECODE would otherwise make every run compile from source)."""
    import compileall

    compileall.compile_dir(str(REPO / "facilitator"), quiet=1, force=False)


def run_child(code: str, args: tuple[str, ...]) -> Run:
    """Start ``python -c code``, wait for it, and read its marker line and rusage."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            cwd=REPO,
            env=_env(),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
        )
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
            peak: float | None = usage.ru_maxrss * scale / 2**20
        else:  # pragma: no cover - Windows has no rusage
            proc.wait()
            wall = time.perf_counter() - start
            peak = None
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    marker = [line for line in stdout.splitlines() if line.startswith(MARKER)]
    if proc.returncode != 0 or not marker or float(marker[-1].split()[1]) < 0:
        raise ChildFailed(f"exit {proc.returncode}\n{stdout[-2000:]}\n{stderr[-4000:]}")
    return Run(first_screen=float(marker[-1].split()[1]), wall=wall, peak_mib=peak)


def check_importable() -> str | None:
    """Why the presenter app cannot be imported (``None`` when it can)."""
    proc = subprocess.run(
        [sys.executable, "-c", IMPORT_CHECK],
        cwd=REPO,
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode == 0:
        return None
    return (proc.stderr.strip().splitlines() or ["?"])[-1]


def measure(variants: list[Variant], runs: int) -> None:
    """One warm-up per variant, then ``runs`` interleaved rounds."""
    for variant in variants:
        variant.runs = []
        run_child(variant.code, variant.args)
    for round_ in range(runs):
        for variant in variants:
            assert variant.runs is not None
            variant.runs.append(run_child(variant.code, variant.args))
        print(f"  round {round_ + 1}/{runs} done", file=sys.stderr)


def report(variants: list[Variant], runs: int) -> None:
    print(f"\nheadless {SIZE[0]}x{SIZE[1]}, median of {runs} fresh processes per variant")
    print(f"{'variant':<34}{'first screen':>14}{'wall':>10}{'peak RSS':>12}")
    for v in variants:
        first, wall, peak = v.median("first_screen"), v.median("wall"), v.median("peak_mib")
        print(f"{v.label:<34}{first * 1000:>11.0f} ms{wall * 1000:>7.0f} ms{peak:>8.1f} MiB")


def ratio_line(label: str, top: Variant, bottom: Variant, target: float | None) -> bool:
    """Print first-screen, wall and memory ratios; True when within ``target``."""
    first = top.median("first_screen") / bottom.median("first_screen")
    wall = top.median("wall") / bottom.median("wall")
    memory = top.median("peak_mib") / bottom.median("peak_mib")
    verdict = "" if target is None else ("  OK" if first <= target else "  OVER TARGET")
    goal = "" if target is None else f" (target <= {target}x)"
    print(
        f"{label}: first screen {first:.2f}x{goal}{verdict}; wall {wall:.2f}x; "
        f"peak RSS {memory:.2f}x"
    )
    return target is None or first <= target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="measured runs per variant (>= 7)")
    parser.add_argument(
        "--sessions",
        type=int,
        nargs="+",
        default=[200],
        help="stored sessions; two values (e.g. 0 500) compare the app against itself",
    )
    parser.add_argument("--people", type=int, default=500, help="roster size")
    args = parser.parse_args(argv)
    if args.runs < 7:
        print("note: fewer than 7 runs; medians will be noisy", file=sys.stderr)

    problem = check_importable()
    if problem is not None:
        print(
            "bench/startup.py: cannot import facilitator.ui.app.FacilitatorApp "
            f"({problem}).\nThe presenter app must exist before its startup can be measured.",
            file=sys.stderr,
        )
        return 2
    compile_package()
    with tempfile.TemporaryDirectory(prefix="facilitator-bench-") as tmp:
        variants = [Variant("bare Textual app", BARE_CHILD)]
        for count in dict.fromkeys(args.sessions):
            started = time.perf_counter()
            folder = make_data(Path(tmp) / f"data-{count}", count, args.people)
            took = time.perf_counter() - started
            print(f"data: {count} sessions, {args.people} people ({took:.1f} s)", file=sys.stderr)
            label = f"facilitator, {count} sessions"
            variants.append(Variant(label, APP_CHILD, (str(folder),)))
        try:
            measure(variants, args.runs)
        except ChildFailed as exc:
            print(f"bench/startup.py: a run failed: {exc}", file=sys.stderr)
            return 2
    report(variants, args.runs)
    bare, apps = variants[0], variants[1:]
    ok = True
    if len(apps) == 1:
        ok &= ratio_line("app / bare", apps[0], bare, APP_TARGET)
    else:
        for app in apps:
            ratio_line(f"{app.label} / bare", app, bare, None)
        ok &= ratio_line(f"{apps[-1].label} / {apps[0].label}", apps[-1], apps[0], SCALING_TARGET)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
