"""One small HTTP client for every official source: cache, retries, rate, offline.

Each answer is kept in a cache folder with its URL, request and retrieval time, so a
dataset can say where each number came from and ``--offline`` can rebuild it without
the network. 429 and 5xx answers (and dropped connections) are retried with
exponential backoff, honouring ``Retry-After``; other 4xx answers fail at once with
the source's own message (for example a month Statistics Finland has not published),
as a :class:`SourceStatusError` that keeps the status for a caller's fallback.

A cached GET is asked again with ``If-None-Match`` / ``If-Modified-Since`` (the
validators the server gave): a ``304 Not Modified`` keeps the cached body and nothing is
downloaded twice. Requests are spaced by ``min_interval`` and, where the service states
a limit (``calls`` per ``window`` seconds), kept inside it by a sliding window.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http.client
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from polku import __version__
from polku.errors import SourceError, SourceStatusError

USER_AGENT = f"polku/{__version__} (+https://github.com/polku; planning employment services)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Answer:
    """A source's answer: the body, where it came from and when it was retrieved."""

    url: str
    body: bytes
    retrieved: str  # ISO 8601, UTC
    from_cache: bool
    last_modified: str | None = None  # the server's Last-Modified header
    etag: str | None = None
    not_modified: bool = False  # a conditional request answered 304

    @property
    def sha256(self) -> str:
        """The SHA-256 of the body, as hex."""
        return hashlib.sha256(self.body).hexdigest()

    def json(self) -> Any:
        try:
            return json.loads(self.body.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise SourceError(f"{self.url}: the answer is not JSON ({exc})") from exc


class Client:
    """HTTP GET and POST for one source, through a cache folder."""

    def __init__(
        self,
        source: str,
        cache: str | Path,
        *,
        offline: bool = False,
        retries: int = 4,
        backoff: float = 0.5,
        min_interval: float = 0.0,
        timeout: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.source = source
        self.cache = Path(cache) / source
        self.offline, self.retries, self.backoff = offline, retries, backoff
        self.min_interval, self.timeout, self.sleep = min_interval, timeout, sleep
        self._last = 0.0
        self._times: deque[float] = deque()
        self.window: tuple[int, float] | None = None  # (calls, seconds), if the service says
        self.requests = 0  # made over the network, for tests and logs
        self.last: Answer | None = None  # the newest answer, for provenance

    def get(self, url: str, params: dict[str, Any] | None = None) -> Answer:
        full = url + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
        self.last = self._fetch("GET", full, None)
        return self.last

    def post_json(self, url: str, body: Any) -> Answer:
        data = json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")
        self.last = self._fetch("POST", url, data)
        return self.last

    # ---------------------------------------------------------------------------------

    def _key(self, method: str, url: str, data: bytes | None) -> str:
        digest = hashlib.sha256(f"{method} {url}\n".encode() + (data or b""))
        return digest.hexdigest()[:32]

    def _fetch(self, method: str, url: str, data: bytes | None) -> Answer:
        key = self._key(method, url, data)
        meta_path, body_path = self.cache / f"{key}.json", self.cache / f"{key}.body"
        cached = self._cached(meta_path, body_path, url)
        if self.offline:
            if cached is None:
                raise SourceError(
                    f"{self.source}: {method} {url} is not in the cache {self.cache}; "
                    "run once without --offline"
                )
            return cached
        validators = {}
        if method == "GET" and cached is not None:
            if cached.etag:
                validators["If-None-Match"] = cached.etag
            if cached.last_modified:
                validators["If-Modified-Since"] = cached.last_modified
        status, body, headers = self._network(method, url, data, validators)
        retrieved = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        if status == 304 and cached is not None:
            return Answer(
                url,
                cached.body,
                retrieved,
                True,
                cached.last_modified,
                cached.etag,
                not_modified=True,
            )
        self.cache.mkdir(parents=True, exist_ok=True)
        # body first, description last, each written whole: an interrupted run leaves
        # no description of a half-written body
        meta_path.unlink(missing_ok=True)
        _write_whole(body_path, body)
        meta = {
            "source": self.source,
            "method": method,
            "url": url,
            "request": data.decode("utf-8") if data else None,
            "retrieved": retrieved,
            "last_modified": headers.get("Last-Modified"),
            "etag": headers.get("ETag"),
        }
        _write_whole(meta_path, json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8"))
        return Answer(url, body, retrieved, False, meta["last_modified"], meta["etag"])

    def _cached(self, meta_path: Path, body_path: Path, url: str) -> Answer | None:
        """The cached answer, or None if there is none (or only half of one)."""
        if not (meta_path.is_file() and body_path.is_file()):
            return None
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
            return Answer(
                url,
                body_path.read_bytes(),
                str(meta["retrieved"]),
                True,
                meta.get("last_modified") or None,
                meta.get("etag") or None,
            )
        except (json.JSONDecodeError, KeyError, TypeError, UnicodeDecodeError) as exc:
            if not self.offline:
                return None  # asked again over the network, and rewritten
            raise SourceError(
                f"{self.source}: the cached answer {meta_path} is damaged; run once "
                "without --offline"
            ) from exc

    def _pace(self) -> None:
        """Wait as the service's limits ask: a minimum interval, and at most ``calls``
        requests in any ``window`` seconds."""
        wait = self.min_interval - (time.monotonic() - self._last)
        if wait > 0:
            self.sleep(wait)
        if self.window is not None:
            calls, seconds = self.window
            now = time.monotonic()
            while self._times and now - self._times[0] >= seconds:
                self._times.popleft()
            if len(self._times) >= calls:
                self.sleep(max(0.0, seconds - (now - self._times[0])))
                self._times.popleft()
        self._last = time.monotonic()
        self._times.append(self._last)

    def _network(
        self, method: str, url: str, data: bytes | None, validators: dict[str, str]
    ) -> tuple[int, bytes, dict[str, str]]:
        """The status, body and headers of a successful (or 304) answer."""
        headers = {
            "User-Agent": USER_AGENT,
            "Accept": "application/json, text/csv, */*",
            **validators,
        }
        if data is not None:
            headers["Content-Type"] = "application/json"
        last = ""
        for attempt in range(self.retries + 1):
            self._pace()
            self.requests += 1
            try:
                request = urllib.request.Request(url, data=data, headers=headers, method=method)
            except ValueError as exc:
                raise SourceError(f"{self.source}: {url!r} is not a URL ({exc})") from exc
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.status, bytes(response.read()), dict(response.headers)
            except urllib.error.HTTPError as exc:
                try:
                    detail = exc.read()[:300].decode("utf-8", "replace").strip()
                except (http.client.HTTPException, OSError):
                    detail = ""
                exc.close()
                if exc.code == 304 and validators:
                    return 304, b"", dict(exc.headers)
                if exc.code not in RETRY_STATUSES:
                    raise SourceStatusError(
                        f"{self.source}: {method} {url} answered {exc.code} {exc.reason}"
                        + (f": {detail}" if detail else ""),
                        exc.code,
                    ) from exc
                last = f"{exc.code} {exc.reason}"
                delay = _retry_after(exc.headers.get("Retry-After"))
            except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
                # refused, reset, timed out, cut short or garbled: worth another try
                last = str(getattr(exc, "reason", exc)) or type(exc).__name__
                delay = None
            if attempt < self.retries:
                self.sleep(delay if delay is not None else min(self.backoff * 2**attempt, 60.0))
        hint = (
            ""
            if last[:3].isdigit()  # the service answered: busy or broken
            else " (no answer: check the network, or use --offline with a cache from an "
            "earlier run / ei vastausta: tarkista verkkoyhteys)"
        )
        raise SourceError(
            f"{self.source}: {method} {url} failed "
            + ("once" if self.retries == 0 else f"{self.retries + 1} times")
            + f"; last: {last}{hint}"
        )


def _write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place."""
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    part.replace(path)


def _retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (seconds only; dates fall back to backoff)."""
    if value and value.strip().isdigit():
        return min(float(value.strip()), 120.0)
    return None


__all__ = ["RETRY_STATUSES", "USER_AGENT", "Answer", "Client"]
