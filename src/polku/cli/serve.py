"""``polku serve``: the web dashboard and JSON API."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import console, err_console


def serve_command(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on. / Kuunneltava osoite.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port. / Portti.", min=1, max=65535)] = 8000,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="SQLAlchemy database URL; default a SQLite file in your data folder, e.g. "
            "postgresql+psycopg://user:password@localhost/polku. / Tietokannan osoite.",
        ),
    ] = None,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="Another name the dashboard answers to (repeatable; also "
            "POLKU_ALLOWED_HOSTS). / Sallittu palvelimen nimi.",
        ),
    ] = None,
) -> None:
    """Start the web dashboard and API. / Käynnistä selainkäyttöliittymä ja rajapinta."""
    import uvicorn
    from sqlalchemy.exc import ArgumentError, OperationalError

    from polku.web.app import create_app
    from polku.web.store import default_url

    url = db or default_url()
    shown = _redacted(url)
    try:
        app = create_app(url, hosts=allowed_host or ())
    except (ArgumentError, OperationalError) as exc:
        err_console.print(
            f"--db {shown}: cannot open the database / tietokantaa ei voi avata", style="red"
        )
        err_console.print(_without_secret(str(exc).splitlines()[0], url))
        raise typer.Exit(2) from exc
    if host not in ("127.0.0.1", "localhost", "::1") and host not in (allowed_host or ()):
        err_console.print(
            f"--host {host}: add --allowed-host NAME for each name users type in the "
            "address bar (the dashboard answers only to the names it is told). / "
            "Lisää --allowed-host.",
            style="yellow",
        )
    if host not in ("127.0.0.1", "localhost", "::1"):
        err_console.print(
            f"Listening on {host}: anyone who reaches this address can use the app. / "
            "Sovellus on kaikkien tähän osoitteeseen pääsevien käytettävissä.",
            style="yellow",
        )
    console.print(f"Polku: http://{host}:{port}/  (database / tietokanta: {shown})")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _redacted(url: str) -> str:
    """The database URL without its password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return url.split("@", 1)[-1] if "@" in url else url


def _without_secret(text: str, url: str) -> str:
    """``text`` with the URL's password, if any, replaced by ***."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        password = make_url(url).password
    except (ArgumentError, ValueError):
        password = None
    return text.replace(str(password), "***") if password else text
