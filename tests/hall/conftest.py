from conftest_hall import hall, hall_db  # noqa: F401 - fixtures for this folder
