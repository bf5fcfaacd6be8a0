"""Generic fixtures shared by the UI tests: a temporary store, a roster, a frozen clock."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from facilitator.domain.models import Person, Roster, Unit
from facilitator.storage.store import Store

ROOT = Path(__file__).resolve().parents[1]
ICT = timezone(timedelta(hours=7))


class FrozenClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        self.now += timedelta(seconds=seconds)


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:
    """Per-user folders (data, config, logs) of a fresh HOME: no test reads or writes the
    developer's own, and no config.toml of theirs changes a result."""
    home = tmp_path_factory.mktemp("home")
    for name, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        monkeypatch.setenv(name, str(home / sub))
    for name in ("FACILITATOR_DATA_DIR", "FACILITATOR_CONTENT_DIR", "FACILITATOR_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def frozen_clock() -> FrozenClock:
    """10/05/2024 07:30 (+07:00), moved only by ``advance``."""
    return FrozenClock(datetime(2024, 5, 10, 7, 30, tzinfo=ICT))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty store in a temporary folder."""
    yield Store(tmp_path / "sessions")


@pytest.fixture
def roster(store: Store) -> Roster:
    """A small chi bộ roster, saved in ``store``: members, a probationary and an exempt one."""
    saved = Roster(
        Unit("Chi bộ Khối Dân vận", "Đảng bộ xã Di Linh", "CB", "party", "Di Linh"),
        (
            Person("p01", "Nguyễn Văn An", position="Bí thư chi bộ"),
            Person("p02", "Trần Thị Bình", position="Phó Bí thư"),
            Person("p03", "Lê Văn Cường"),
            Person("p04", "Phạm Thị Dung", category="du-bi"),
            Person("p05", "Đinh Hữu Đức"),
            Person("p06", "Võ Thị Én", exempt=True),
        ),
    )
    store.save_roster(saved)
    return saved


@pytest.fixture
def content_dir() -> Path:
    """The content packs shipped with the product."""
    return ROOT / "content"


@pytest.fixture
def session_id(store: Store, roster: Roster, content_dir: Path, frozen_clock: FrozenClock) -> str:
    """A planned "cây tre" session of ``roster``, stored and closed (unlocked)."""
    from facilitator.parsing import load_pack
    from facilitator.services.planning import SessionPlan, start_session

    pack = load_pack(content_dir / "cay-tre.md")
    plan = SessionPlan(
        "Sinh hoạt chuyên đề cây tre", frozen_clock(), place="Hội trường", chair="p01",
        secretary="p02", presenters=("p01",),
    )  # fmt: skip
    service = start_session(store, pack, roster, plan, frozen_clock)
    service.close()
    return service.session.id


@pytest.fixture
def running(store: Store, session_id: str, frozen_clock: FrozenClock) -> str:
    """The session with everyone present but Dung, started on its first item."""
    from facilitator.services.session import SessionService

    service = SessionService.open(store, session_id, frozen_clock)
    for person in ("p01", "p02", "p03", "p05", "p06"):
        service.mark(person, "present")
    service.start()
    service.close()
    return session_id


def _typing_without_idle_waits() -> None:
    """Pilot waits for the app to go idle after every key it presses: twice, in 20 ms
    sleeps (``textual._wait``), so typing a name cost 40 ms a letter and most of a UI
    test was that sleep. Letters typed in a row are queued and handled in order anyway;
    the wait is kept after the last letter of a run and after every other key (Enter,
    F-keys, arrows), where the app reacts. Textual is pinned for the tests (pyproject's
    ``test`` extra) and this wraps its private ``_press_keys``."""
    from textual import events
    from textual.app import App
    from textual.keys import _character_to_key

    original = App._press_keys

    def send_letter(app: App[object], letter: str) -> None:
        key = letter if letter.isalnum() else _character_to_key(letter)
        event = events.Key(key, letter)
        event.set_sender(app)
        assert app._driver is not None
        app._driver.send_message(event)

    async def press_keys(self: App[object], keys: Iterable[str]) -> None:
        keys = list(keys)
        for index, key in enumerate(keys):
            following = keys[index + 1] if index + 1 < len(keys) else ""
            if _is_letter(key) and _is_letter(following):
                send_letter(self, key)  # the rest of its run follows at once
            else:
                await original(self, [key])

    App._press_keys = press_keys  # type: ignore[method-assign]


def _is_letter(key: str) -> bool:
    """A letter or a space of typed text; digits and signs are often bindings (marks,
    menus) whose effect the next key depends on, so they keep Pilot's waits."""
    return len(key) == 1 and (key.isalpha() or key == " ")


_typing_without_idle_waits()
