"""Fixtures for the licences plugin's tests."""

from __future__ import annotations

import pytest
from licenses_helpers import add_enterprise, certify_locally, install_trust_lists

from station.core import signing
from station.core.context import StationContext


@pytest.fixture(scope="session")
def hall_key() -> signing.Ed25519PrivateKey:
    return signing.new_private_key()


@pytest.fixture
def station(ctx: StationContext, hall_key, admin):
    """A station ST01 with a certified key, one enterprise, and its own key in the trust lists."""
    own = certify_locally(ctx.data_dir, hall_key, "ST01")
    install_trust_lists(ctx, hall_key, [own])
    uscc = add_enterprise(ctx, admin)
    return ctx, uscc
