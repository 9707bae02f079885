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
) -> None:
    """Start the web dashboard and API. / Käynnistä selainkäyttöliittymä ja rajapinta."""
    import uvicorn
    from sqlalchemy.exc import ArgumentError, OperationalError

    from polku.web.app import create_app
    from polku.web.store import default_url

    url = db or default_url()
    try:
        app = create_app(url)
    except (ArgumentError, OperationalError) as exc:
        err_console.print(
            f"--db {url}: cannot open the database / tietokantaa ei voi avata", style="red"
        )
        err_console.print(str(exc).splitlines()[0])
        raise typer.Exit(2) from exc
    if host not in ("127.0.0.1", "localhost", "::1"):
        err_console.print(
            f"Listening on {host}: anyone who reaches this address can use the app. / "
            "Sovellus on kaikkien tähän osoitteeseen pääsevien käytettävissä.",
            style="yellow",
        )
    console.print(f"Polku: http://{host}:{port}/  (database / tietokanta: {url})")
    uvicorn.run(app, host=host, port=port, log_level="warning")
