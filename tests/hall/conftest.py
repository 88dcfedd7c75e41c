import pytest
from conftest_hall import hall, hall_db  # noqa: F401 - fixtures for this folder


@pytest.fixture(autouse=True)
def builtin_plugins_only(monkeypatch) -> None:
    """The protocol's tests count rows and changes of the core's tables; business plugins installed here
    would add their own (a licences trust list published at enrolment). Stations and halls started as
    processes inherit this; the plugins' own sync tests live with the plugins."""
    monkeypatch.setenv("STATION_PLUGINS", "registry,people,sync")
