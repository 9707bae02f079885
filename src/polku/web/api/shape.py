"""The refusals of the outer middleware (host not allowed 400, login 401, cross-site
403: :mod:`polku.web.security` answers them in plain text before any route runs) in
the API's one error shape under ``/api``."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class ApiErrorShape:
    """ASGI middleware: a plain-text error answer under ``/api`` becomes
    ``{"detail": [{"loc": ["header"], "msg": <the text>, "type": "http_<status>"}]}``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api"):
            await self.app(scope, receive, send)
            return
        held: Message | None = None
        body = b""

        async def shaped(message: Message) -> None:
            nonlocal held, body
            if message["type"] == "http.response.start":
                kind = dict(message.get("headers", [])).get(b"content-type", b"")
                if message["status"] >= 400 and kind.startswith(b"text/plain"):
                    held = message
                    return
            elif held is not None and message["type"] == "http.response.body":
                body += message.get("body", b"")
                if message.get("more_body"):
                    return
                await _send_shaped(send, held, body)
                return
            await send(message)

        await self.app(scope, receive, shaped)


async def _send_shaped(send: Send, start: Message, text: bytes) -> None:
    status = int(start["status"])
    item = {"loc": ["header"], "msg": text.decode("utf-8", "replace"), "type": f"http_{status}"}
    payload = json.dumps({"detail": [item]}, ensure_ascii=False).encode()
    headers = [
        (k, v)
        for k, v in start.get("headers", [])
        if k.lower() not in (b"content-type", b"content-length")
    ]
    headers += [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
    ]
    await send({**start, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


__all__ = ["ApiErrorShape"]
