"""audience --serve in a meeting room: a reachable URL, an access code, a cap on views."""

from __future__ import annotations

import pytest

pytest.importorskip("textual_serve", reason="the optional 'web' extra is not installed")

from aiohttp.test_utils import TestClient, TestServer

from facilitator.cli.web import offline_templates
from facilitator.cli.web_server import COOKIE, GuardedServer, reachable_address
from facilitator.strings import audience as audience_text


def _server(tmp_path, code: str | None, viewers: int = 20) -> GuardedServer:
    from pathlib import Path

    import textual_serve

    source = Path(textual_serve.__file__).parent / "templates"
    templates = offline_templates(source, tmp_path / "templates")
    return GuardedServer(
        "true", host="0.0.0.0", port=8765, title="t", templates_path=str(templates),
        access_code=code, max_viewers=viewers,
    )  # fmt: skip


def test_the_page_never_points_browsers_at_the_wildcard_address() -> None:
    assert reachable_address("0.0.0.0") != "0.0.0.0"
    assert reachable_address("192.168.1.20") == "192.168.1.20"


async def test_viewers_off_this_machine_need_the_access_code(tmp_path) -> None:
    server = _server(tmp_path, "042137")
    async with TestClient(TestServer(await server._make_app())) as client:
        refused = await client.get("/")
        assert refused.status == 403 and "mã truy cập" in (await refused.text()).lower()
        wrong = await client.get("/?code=000000")
        assert wrong.status == 403
        page = await client.get("/?code=042137")
        body = await page.text()
        assert page.status == 200 and "0.0.0.0" not in body
        assert "fonts.googleapis" not in body  # nothing asked of another host
        assert page.cookies[COOKIE].value == "042137"
        socket_without_code = await TestClient(TestServer(await server._make_app())).__aenter__()
        try:
            assert (await socket_without_code.get("/ws")).status == 403
        finally:
            await socket_without_code.close()


async def test_views_beyond_the_cap_are_refused(tmp_path) -> None:
    server = _server(tmp_path, None, viewers=0)
    async with TestClient(TestServer(await server._make_app())) as client:
        full = await client.get("/ws")
        assert full.status == 503
        assert await full.text() == audience_text.WEB_FULL.format(count=0)
