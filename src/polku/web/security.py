"""Who may talk to the dashboard: allowed hosts, cross-site request forgery, headers.

- **Allowed hosts.** A request whose ``Host`` is not one of the allowed names answers
  400 (DNS rebinding: a hostile page's name resolving to 127.0.0.1 must not reach the
  datasets). Default: 127.0.0.1, localhost and ::1; ``POLKU_ALLOWED_HOSTS`` (comma
  separated) or ``polku serve --allowed-host`` add others.
- **Cross-site requests.** A state-changing request (POST, PUT, PATCH, DELETE) whose
  ``Origin`` (or, lacking it, ``Referer``) is another site answers 403, and so does one
  that a browser marks ``Sec-Fetch-Site: cross-site``. The dashboard's forms also carry
  a double-submit token: a random value in a ``SameSite=Strict`` cookie, repeated in
  the form field ``csrf_token`` or the ``X-CSRF-Token`` header (htmx sends it from the
  page's ``hx-headers``); a form post without the matching token answers 403. The JSON
  API (``/api``) is for scripts, which send no cookie: the origin rule guards it.
- **Login (optional).** With ``POLKU_LOGIN_TOKEN`` set in the server's environment,
  every request needs it: HTTP basic authentication with the token as the password
  (any user name; browsers ask once) or ``Authorization: Bearer <token>`` (scripts).
  Without it the dashboard is open to whoever reaches its allowed hosts, as on
  127.0.0.1 by default.
- **Headers.** Every answer carries a Content-Security-Policy that allows only the
  package's own scripts and styles (inline styles, which Vega and htmx set, included;
  ``eval``, which Vega's expression compiler needs), no inline scripts anywhere (the
  API reference at ``/docs`` is a page without scripts), no framing, no plugins, and
  forms that post only here.
"""

from __future__ import annotations

import hmac
import os
import re
import secrets
from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_HOSTS = ("127.0.0.1", "localhost", "::1")
COOKIE = "polku_csrf"
FIELD = "csrf_token"
HEADER = b"x-csrf-token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# 'unsafe-eval': Vega compiles its chart expressions with the Function constructor.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
_MULTIPART_FIELD = re.compile(
    rb'name="' + FIELD.encode() + rb'"\r\n(?:[^\r\n]*\r\n)*\r\n([A-Za-z0-9_-]{1,128})\r\n'
)


def allowed_hosts(extra: Iterable[str] = ()) -> frozenset[str]:
    """The default hosts, those of ``POLKU_ALLOWED_HOSTS`` and ``extra``."""
    named = [h.strip() for h in os.environ.get("POLKU_ALLOWED_HOSTS", "").split(",")]
    return frozenset(h.lower() for h in (*DEFAULT_HOSTS, *named, *extra) if h)


def _hostname(host: str) -> str:
    """``[::1]:8000`` -> ``::1``; ``localhost:8000`` -> ``localhost``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _cookie(headers: dict[bytes, bytes]) -> str | None:
    for part in headers.get(b"cookie", b"").decode("latin-1").split(";"):
        name, _, value = part.strip().partition("=")
        if name == COOKIE and re.fullmatch(r"[A-Za-z0-9_-]{20,128}", value):
            return value
    return None


def _token_in(body: bytes, content_type: str) -> str | None:
    if content_type.startswith("application/x-www-form-urlencoded"):
        found = parse_qs(body.decode("latin-1")).get(FIELD)
        return found[0] if found else None
    if content_type.startswith("multipart/form-data"):
        match = _MULTIPART_FIELD.search(body)
        return match.group(1).decode() if match else None
    return None


def _logged_in(headers: dict[bytes, bytes], secret: str) -> bool:
    """The request carries ``secret``: as a bearer token or a basic password."""
    import base64
    import binascii

    given = headers.get(b"authorization", b"").decode("latin-1")
    scheme, _, value = given.partition(" ")
    if scheme.lower() == "bearer":
        return hmac.compare_digest(value.strip(), secret)
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        return hmac.compare_digest(decoded.partition(":")[2], secret)
    return False


async def _refuse(send: Send, status: int, text: str) -> None:
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-security-policy", CSP.encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class Guard:
    """The allowed-hosts, cross-site and header rules above, as ASGI middleware."""

    def __init__(
        self, app: ASGIApp, hosts: frozenset[str] | None = None, login: str | None = None
    ) -> None:
        self.app = app
        self.hosts = hosts if hosts is not None else allowed_hosts()
        self.login = login if login is not None else os.environ.get("POLKU_LOGIN_TOKEN", "")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        host = headers.get(b"host", b"").decode("latin-1")
        if _hostname(host) not in self.hosts:
            await _refuse(send, 400, "host not allowed / palvelimen nimi ei ole sallittu")
            return
        if self.login and not _logged_in(headers, self.login):
            await send(
                {
                    "type": "http.response.start",
                    "status": 401,
                    "headers": [
                        (b"www-authenticate", b'Basic realm="Polku", charset="UTF-8"'),
                        (b"content-type", b"text/plain; charset=utf-8"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b"login needed / kirjaudu"})
            return
        token = _cookie(headers)
        fresh = token is None
        token = token or secrets.token_urlsafe(32)
        scope.setdefault("state", {})["csrf"] = token
        if scope["method"] in UNSAFE:
            problem = self._cross_site(headers, host)
            if problem is None and not scope["path"].startswith("/api"):
                receive, problem = await self._check_token(
                    receive, headers, None if fresh else token
                )
            if problem is not None:
                await _refuse(send, 403, problem)
                return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"same-origin"),
                ]
                if fresh:
                    extra.append(
                        (
                            b"set-cookie",
                            f"{COOKIE}={token}; Path=/; SameSite=Strict; HttpOnly".encode(),
                        )
                    )
                known = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in extra if k not in known or k == b"set-cookie"
                ]
            await send(message)

        await self.app(scope, receive, with_headers)

    @staticmethod
    def _cross_site(headers: dict[bytes, bytes], host: str) -> str | None:
        if headers.get(b"sec-fetch-site", b"") == b"cross-site":
            return "cross-site request refused / toiselta sivustolta tullut pyyntö torjuttu"
        origin = headers.get(b"origin", b"").decode("latin-1")
        referer = headers.get(b"referer", b"").decode("latin-1")
        seen = origin if origin and origin != "null" else referer
        if origin == "null" or (seen and urlsplit(seen).netloc.lower() != host.lower()):
            return "cross-site request refused / toiselta sivustolta tullut pyyntö torjuttu"
        return None

    @staticmethod
    async def _check_token(
        receive: Receive, headers: dict[bytes, bytes], token: str | None
    ) -> tuple[Receive, str | None]:
        """Read the body (already bounded by BodyLimit) to find the form's token; the
        app then reads the same body again."""
        chunks: list[bytes] = []
        more = True
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            more = bool(message.get("more_body"))
        body = b"".join(chunks)
        sent = headers.get(HEADER, b"").decode("latin-1") or _token_in(
            body, headers.get(b"content-type", b"").decode("latin-1")
        )
        done = False

        async def replay() -> Message:
            nonlocal done
            if done:
                return {"type": "http.disconnect"}
            done = True
            return {"type": "http.request", "body": body, "more_body": False}

        if token is None or not sent or not hmac.compare_digest(sent, token):
            return replay, (
                "the form's security token is missing or stale: reload the page and try "
                "again / lomakkeen tunniste puuttuu tai on vanhentunut: lataa sivu uudelleen"
            )
        return replay, None


__all__ = ["COOKIE", "CSP", "DEFAULT_HOSTS", "FIELD", "Guard", "allowed_hosts"]
