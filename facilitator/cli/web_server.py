"""The textual-serve server, guarded for a meeting room's network (imported only when used).

textual-serve starts one app process per websocket and trusts whoever connects. Here:
the page names the address other machines can reach (not "0.0.0.0"), at most
``max_viewers`` views run at once, and off this machine a viewer needs the access code
printed for the presenter (given in the link; kept in a cookie for the websocket).
"""

from __future__ import annotations

import hmac
import secrets
import socket
from typing import Any

from aiohttp import web
from textual_serve.server import Server

from facilitator.strings import audience as audience_text

MAX_VIEWERS = 20
"""Views served at once: each is a process on an old laptop (30 sockets gave 30)."""
COOKIE = "facilitator-code"
LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})


def reachable_address(host: str) -> str:
    """The address to put in the page: ``host``, or this machine's LAN address for a
    wildcard ("0.0.0.0" in a browser's URL works nowhere but on this machine)."""
    if host not in ("0.0.0.0", "::", ""):
        return host
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.254.254.254", 1))  # UDP connect sends nothing; it picks a route
        address: str = probe.getsockname()[0]
        return address
    except OSError:  # no network at all: only this machine can watch
        return "127.0.0.1"
    finally:
        probe.close()


def new_access_code() -> str:
    """Six digits, easy to read out across a room."""
    return f"{secrets.randbelow(10**6):06d}"


class GuardedServer(Server):
    """textual-serve's server with a public URL, a cap on views and an access code."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        title: str,
        templates_path: str,
        access_code: str | None,
        max_viewers: int = MAX_VIEWERS,
    ) -> None:
        public = f"http://{reachable_address(host)}:{port}"
        super().__init__(
            command, host=host, port=port, title=title, public_url=public,
            templates_path=templates_path,
        )  # fmt: skip
        self.access_code = access_code
        self.max_viewers = max_viewers
        self.viewers = 0

    def _allowed(self, given: str | None) -> bool:
        if self.access_code is None:
            return True
        return given is not None and hmac.compare_digest(given, self.access_code)

    async def handle_index(self, request: web.Request) -> Any:
        if not self._allowed(request.query.get("code") or request.cookies.get(COOKIE)):
            raise web.HTTPForbidden(text=audience_text.WEB_CODE_NEEDED, content_type="text/plain")
        response = await super().handle_index(request)
        if self.access_code is not None:
            response.set_cookie(COOKIE, self.access_code, httponly=True, samesite="Strict")
        return response

    async def handle_websocket(self, request: web.Request) -> Any:
        if not self._allowed(request.cookies.get(COOKIE)):
            raise web.HTTPForbidden(text=audience_text.WEB_CODE_NEEDED, content_type="text/plain")
        if self.viewers >= self.max_viewers:
            raise web.HTTPServiceUnavailable(
                text=audience_text.WEB_FULL.format(count=self.max_viewers),
                content_type="text/plain",
            )
        self.viewers += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.viewers -= 1
