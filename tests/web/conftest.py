"""The hall's web face: its pages run against the hall's database on SQLite and on the real PostgreSQL."""

from conftest_hall import hall_db  # noqa: F401 - a fixture for this folder
