"""Every synced table's declared fields are columns of its table, in the migrated schema and in its model.

A synced table's fields are written in its declaration, its model and its migration; a field misspelt in one
of them used to show only at the first insert or sync. This test finds it at once, for every installed plugin."""

from __future__ import annotations

import importlib.util
import sqlite3

from station.contributions import SyncedTable
from station.core import enterprises  # noqa: F401  # the registry's model, so Base knows its table
from station.core.context import StationContext
from station.core.db import Base


def test_declared_fields_are_columns_of_the_table_and_of_its_model(tmp_path) -> None:
    ctx = StationContext(tmp_path)
    ctx.open()  # every active plugin's migrations
    tables = ctx.host.collect("register_synced_tables", SyncedTable)
    assert {t.plugin for t in tables} >= {"registry", "startup", "policy", "agencies", "licenses"}
    for info in ctx.host.plugins.values():  # the plugins' models, so Base knows every table
        package = importlib.import_module(info.module.partition(":")[0])
        if hasattr(package, "__path__") and importlib.util.find_spec(f"{package.__name__}.models"):
            importlib.import_module(f"{package.__name__}.models")
    conn = sqlite3.connect(ctx.db_path)
    wrong = []
    for table in tables:
        columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{table.name}")')}
        if not columns:
            wrong.append(f"{table.plugin}: {table.name} is declared but no migration creates it")
            continue
        for name in ("uid", "version", *table.fields):
            if name not in columns:
                wrong.append(f"{table.plugin}: {table.name}.{name} is declared but not a column of the table")
        model = Base.metadata.tables.get(table.name)
        if model is None:
            wrong.append(f"{table.plugin}: {table.name} has no model")
        else:
            missing = set(table.fields) - set(model.columns.keys())
            wrong += [f"{table.plugin}: {table.name}.{name} is declared but not in its model" for name in missing]
        for group in (*table.unique, *((column,) for column, _ in table.refs)):
            wrong += [
                f"{table.plugin}: {table.name} names {n}, not a synced field" for n in group if n not in table.fields
            ]
    conn.close()
    ctx.close()
    assert not wrong, "\n".join(wrong)
