"""The source client against a local server: cache, offline, retries, clear 4xx errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polku.errors import SourceError
from polku.sources.client import USER_AGENT, Client
from source_server import Script, serve

OK = (200, {"Content-Type": "application/json"}, b'{"ok": 1}')


def client(tmp_path: Path, **kwargs: object) -> tuple[Client, list[float]]:
    slept: list[float] = []
    made = Client("statfin", tmp_path / "cache", sleep=slept.append, **kwargs)  # type: ignore[arg-type]
    return made, slept


def test_answers_are_cached_with_url_and_time_and_offline_uses_only_the_cache(
    tmp_path: Path,
) -> None:
    script = Script({"/data": [OK]})
    with serve(script) as base:
        online, _ = client(tmp_path)
        first = online.post_json(
            f"{base}/data", {"query": [], "response": {"format": "json-stat2"}}
        )
        assert first.json() == {"ok": 1}
        assert not first.from_cache
    assert script.seen[0].method == "POST"
    assert json.loads(script.seen[0].body)["response"]["format"] == "json-stat2"
    assert script.seen[0].headers["User-Agent"] == USER_AGENT
    meta = json.loads(next((tmp_path / "cache" / "statfin").glob("*.json")).read_text())
    assert meta["url"] == f"{base}/data"
    assert meta["retrieved"] == first.retrieved
    # the server is gone: offline answers come from the cache, byte for byte
    offline, _ = client(tmp_path, offline=True)
    again = offline.post_json(f"{base}/data", {"response": {"format": "json-stat2"}, "query": []})
    assert again.body == first.body
    assert again.from_cache
    assert again.retrieved == first.retrieved
    assert offline.requests == 0
    with pytest.raises(SourceError, match="not in the cache"):
        offline.get(f"{base}/other")


def test_429_then_success_waits_as_told(tmp_path: Path) -> None:
    script = Script({"/busy": [(429, {"Retry-After": "3"}, b"slow down"), OK]})
    with serve(script) as base:
        c, slept = client(tmp_path)
        assert c.get(f"{base}/busy").json() == {"ok": 1}
    assert c.requests == 2
    assert slept == [3.0]


def test_500_until_giving_up_with_backoff(tmp_path: Path) -> None:
    script = Script({"/broken": [(500, {}, b"internal")]})
    with serve(script) as base:
        c, slept = client(tmp_path, retries=3, backoff=0.5)
        with pytest.raises(SourceError) as caught:
            c.get(f"{base}/broken", {"indicator": 127})
    assert c.requests == 4
    assert slept == [0.5, 1.0, 2.0]
    assert "failed 4 times" in str(caught.value)
    assert "500" in str(caught.value)
    assert "indicator=127" in str(caught.value)
    assert "check the network" not in str(caught.value)  # it answered, it is broken
    assert not (tmp_path / "cache" / "statfin").exists()  # nothing cached from a failure


def test_a_4xx_fails_at_once_with_the_source_s_message(tmp_path: Path) -> None:
    message = b"Month 2031M01 is not in the table"
    script = Script({"/px": [(400, {}, message)]})
    with serve(script) as base:
        c, slept = client(tmp_path)
        with pytest.raises(SourceError) as caught:
            c.post_json(f"{base}/px", {"query": []})
    assert c.requests == 1
    assert slept == []
    assert "400" in str(caught.value)
    assert "2031M01" in str(caught.value)


def test_requests_keep_their_distance(tmp_path: Path) -> None:
    script = Script({"/a": [OK], "/b": [OK]})
    with serve(script) as base:
        c, slept = client(tmp_path, min_interval=0.35)
        c.get(f"{base}/a")
        c.get(f"{base}/b")
    assert len(slept) == 1
    assert 0.0 < slept[0] <= 0.35


def test_a_non_json_answer_is_a_clear_error(tmp_path: Path) -> None:
    script = Script({"/html": [(200, {}, b"<html>maintenance</html>")]})
    with serve(script) as base:
        c, _ = client(tmp_path)
        with pytest.raises(SourceError, match="not JSON"):
            c.get(f"{base}/html").json()


def test_connection_refused_is_retried_then_reported(tmp_path: Path) -> None:
    with serve(Script()) as base:
        pass  # the port is closed again
    c, slept = client(tmp_path, retries=1, backoff=0.1)
    with pytest.raises(SourceError, match="failed 2 times") as caught:
        c.get(f"{base}/gone")
    assert slept == [0.1]
    assert "check the network" in str(caught.value)


def test_a_damaged_cache_entry_is_a_clear_error(tmp_path: Path) -> None:
    script = Script({"/data": [OK]})
    with serve(script) as base:
        client(tmp_path)[0].get(f"{base}/data")
    meta = next((tmp_path / "cache" / "statfin").glob("*.json"))
    meta.write_text("{not json")
    offline, _ = client(tmp_path, offline=True)
    with pytest.raises(SourceError, match="damaged"):
        offline.get(f"{base}/data")
    assert not list((tmp_path / "cache" / "statfin").glob("*.part"))  # whole files only


def test_an_unchanged_resource_is_asked_conditionally_and_not_downloaded_again(
    tmp_path: Path,
) -> None:
    tagged = (
        200,
        {"ETag": '"v1"', "Last-Modified": "Tue, 20 Oct 2026 06:00:00 GMT"},
        b"a,b\n1,2\n",
    )
    script = Script({"/data.csv": [tagged]})
    with serve(script) as base:
        first, _ = client(tmp_path)
        got = first.get(f"{base}/data.csv")
        assert (got.etag, got.last_modified) == ('"v1"', "Tue, 20 Oct 2026 06:00:00 GMT")
        second, _ = client(tmp_path)
        again = second.get(f"{base}/data.csv")
    assert again.not_modified
    assert again.body == got.body
    assert again.sha256 == got.sha256
    assert script.seen[1].headers["If-None-Match"] == '"v1"'
    assert script.seen[1].headers["If-Modified-Since"] == "Tue, 20 Oct 2026 06:00:00 GMT"
    assert [r.status for r in script.seen] == [200, 304]


def test_the_services_window_of_calls_is_kept(tmp_path: Path) -> None:
    script = Script({"/x": [OK]})
    with serve(script) as base:
        c, slept = client(tmp_path)
        c.window = (3, 60.0)  # three calls a minute
        for i in range(4):
            c.get(f"{base}/x", {"i": i})
    assert len(slept) == 1
    assert 59.0 < slept[0] <= 60.0  # the fourth waits for the first to leave the window
