"""Alembic environment: run on the connection :func:`polku.web.store.migrate` passes."""

from __future__ import annotations

from alembic import context

from polku.web.store import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
