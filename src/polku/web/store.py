"""What the dashboard keeps: uploaded datasets, saved scenarios and runs (SQLAlchemy).

The tables are created and changed by the Alembic migrations in ``migrations/``, run
at start-up (:func:`open_store`), never by ``create_all``. Saved scenarios carry a
version number: an update names the version it started from, and a save that would
overwrite someone else's newer save is refused (:class:`ConflictError`) rather than
lost. Names are unique; two saves of the same name give one row and one conflict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    create_engine,
    event,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from polku.errors import PolkuError


class StoreError(PolkuError):
    """A save or read the store refused; the message in English and Finnish."""

    def __init__(self, en: str, fi: str) -> None:
        super().__init__(f"{en} / {fi}")
        self.en, self.fi = en, fi

    def text(self, lang: str) -> str:
        return self.fi if lang == "fi" else self.en


class NotFoundError(StoreError):
    """No row with that id or name."""


class ConflictError(StoreError):
    """The save would overwrite a newer save, or the name is taken."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


Row = TypeVar("Row")


class Base(DeclarativeBase):
    """The declarative base of the dashboard's tables."""

    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON}


class DatasetRow(Base):
    """A dataset uploaded as a filled Excel template."""

    __tablename__ = "datasets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(400), default="")
    workbook: Mapped[bytes] = mapped_column(LargeBinary)
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class ScenarioRow(Base):
    """A saved scenario: the changes to the baseline, as a scenario file holds them."""

    __tablename__ = "scenarios"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(400), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    dataset: Mapped[str] = mapped_column(String(80))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's own dict


class RunRow(Base):
    """A simulation run of a dataset and (optionally) a saved scenario, and its summary."""

    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int | None] = mapped_column(
        ForeignKey("scenarios.id", ondelete="SET NULL"), nullable=True
    )
    dataset: Mapped[str] = mapped_column(String(80))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    mode: Mapped[str] = mapped_column(String(20))
    replications: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(Integer)
    months: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="queued")
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    error: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    finished: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


def default_url() -> str:
    """A SQLite file in the user's data folder: no set-up needed."""
    import platformdirs

    folder = Path(platformdirs.user_data_dir("polku", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'polku.sqlite3'}"


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema with the package's Alembic migrations."""
    from alembic import command
    from alembic.config import Config

    with resources.as_file(resources.files("polku.web") / "migrations") as folder:
        config = Config()
        config.set_main_option("script_location", str(folder))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


class Store:
    """The dashboard's database: sessions and the few operations the app needs."""

    def __init__(self, url: str) -> None:
        is_sqlite = url.startswith("sqlite")
        self.engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 10} if is_sqlite else {},
            pool_pre_ping=not is_sqlite,
        )
        if is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.url = url

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success; store errors keep their meaning."""
        with self.sessions() as session:
            try:
                yield session
                session.commit()
            except IntegrityError as exc:
                session.rollback()
                raise ConflictError("name already taken", "nimi on jo käytössä") from exc
            except StaleDataError as exc:
                session.rollback()
                raise ConflictError(
                    "saved by someone else meanwhile; reload",
                    "tallennettu välillä, lataa uudelleen",
                ) from exc

    @staticmethod
    def _get(session: Session, model: type[Row], key: int, what: tuple[str, str]) -> Row:
        row = session.get(model, key)
        if row is None:
            raise NotFoundError(f"{what[0]} {key} not found", f"{what[1]} {key} ei löydy")
        return row

    # scenarios -------------------------------------------------------------------------

    def scenarios(self) -> list[ScenarioRow]:
        with self.session() as s:
            return list(s.scalars(select(ScenarioRow).order_by(ScenarioRow.name)))

    def scenario(self, scenario_id: int) -> ScenarioRow:
        with self.session() as s:
            row = self._get(s, ScenarioRow, scenario_id, ("scenario", "skenaario"))
            return row

    def add_scenario(self, **fields: Any) -> ScenarioRow:
        row = ScenarioRow(**fields)
        with self.session() as s:
            s.add(row)
        return row

    def update_scenario(self, scenario_id: int, version: int, **fields: Any) -> ScenarioRow:
        """Change a scenario saved at ``version``; a newer save gives ConflictError."""
        with self.session() as s:
            row = self._get(s, ScenarioRow, scenario_id, ("scenario", "skenaario"))
            if row.version != version:
                raise ConflictError(
                    f"version {version} is not the newest ({row.version})",
                    f"versio {version} ei ole uusin ({row.version})",
                )
            for key, value in fields.items():
                setattr(row, key, value)
        return row

    def delete_scenario(self, scenario_id: int) -> None:
        with self.session() as s:
            row = self._get(s, ScenarioRow, scenario_id, ("scenario", "skenaario"))
            s.delete(row)

    def duplicate_scenario(self, scenario_id: int, attempts: int = 50) -> ScenarioRow:
        """A copy of a saved scenario under a free name ``<name>-copy``, ``-copy-2``...

        Atomic by the unique name: when a concurrent save takes the name first, the
        insert fails on the constraint and the copy retries with the next free name."""
        row = self.scenario(scenario_id)
        for _ in range(attempts - 1):
            try:
                return self._copy(row)
            except ConflictError as exc:
                if not isinstance(exc.__cause__, IntegrityError):
                    raise
        return self._copy(row)

    def _copy(self, row: ScenarioRow) -> ScenarioRow:
        return self.add_scenario(
            name=self.free_name(f"{row.name}-copy"),
            title=row.title,
            description=row.description,
            dataset=row.dataset,
            changes=row.changes,
        )

    def free_name(self, base: str) -> str:
        """``base`` or ``base-2``, ``base-3``... whichever no scenario has."""
        taken = {r.name for r in self.scenarios()}
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base[:70]}-{n}"
        return name

    # datasets --------------------------------------------------------------------------

    def datasets(self) -> list[DatasetRow]:
        with self.session() as s:
            return list(s.scalars(select(DatasetRow).order_by(DatasetRow.name)))

    def dataset(self, name: str) -> DatasetRow | None:
        with self.session() as s:
            return s.scalars(select(DatasetRow).where(DatasetRow.name == name)).first()

    def add_dataset(self, name: str, title: str, workbook: bytes) -> DatasetRow:
        row = DatasetRow(name=name, title=title, workbook=workbook)
        with self.session() as s:
            s.add(row)
        return row

    def delete_dataset(self, name: str) -> None:
        with self.session() as s:
            row = s.scalars(select(DatasetRow).where(DatasetRow.name == name)).first()
            if row is None:
                raise NotFoundError(f"dataset {name} not found", f"aineistoa {name} ei löydy")
            s.delete(row)

    # runs ------------------------------------------------------------------------------

    def add_run(self, **fields: Any) -> RunRow:
        row = RunRow(**fields)
        with self.session() as s:
            s.add(row)
        return row

    def run(self, run_id: int) -> RunRow:
        with self.session() as s:
            row = self._get(s, RunRow, run_id, ("run", "laskenta"))
            return row

    def runs(self, limit: int = 50) -> list[RunRow]:
        with self.session() as s:
            return list(s.scalars(select(RunRow).order_by(RunRow.id.desc()).limit(limit)))

    def set_run(self, run_id: int, **fields: Any) -> None:
        with self.session() as s:
            row = s.get(RunRow, run_id)
            if row is not None:
                for key, value in fields.items():
                    setattr(row, key, value)

    def interrupt_unfinished(self) -> int:
        """Runs left queued or running by a stopped server are marked interrupted."""
        with self.session() as s:
            rows = list(s.scalars(select(RunRow).where(RunRow.status.in_(("queued", "running")))))
            for row in rows:
                row.status = "interrupted"
            return len(rows)


def open_store(url: str | None = None) -> Store:
    """Connect to ``url`` (default: :func:`default_url`) and run the migrations."""
    store = Store(url or default_url())
    migrate(store.engine)
    store.interrupt_unfinished()
    return store


__all__ = [
    "Base",
    "ConflictError",
    "DatasetRow",
    "NotFoundError",
    "RunRow",
    "ScenarioRow",
    "Store",
    "StoreError",
    "default_url",
    "migrate",
    "open_store",
]
