"""Fixtures of the agencies tests (helpers live in agencies_market, a name no other test folder uses)."""

from agencies_market import market, park  # noqa: F401 - the fixtures
from conftest_hall import hall, hall_db  # noqa: F401 - a real hall for the sync tests
