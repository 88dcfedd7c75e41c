"""Helpers for the licences tests: a station with a hall-certified key, made without a hall process."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers import enterprise_values
from station.core import signing, station_key, trust
from station.core.context import StationContext

LONG_NAME = "郑州航空港经济综合实验区豫发食品药品连锁经营管理有限公司第一百零八分公司"
NOW = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)


def certify_locally(data_dir: Path, hall_key: signing.Ed25519PrivateKey, code: str = "ST01") -> trust.StationKey:
    """What ``station enroll`` achieves with a hall: a station key and the hall's certificate for it."""
    key = station_key.private_key(data_dir, create=True)
    assert key is not None
    entry = trust.StationKey(
        code, signing.public_bytes(key), NOW - dt.timedelta(days=30), NOW + dt.timedelta(days=3650)
    )
    return station_key.store_certificate(
        data_dir, trust.certificate(hall_key, entry), signing.public_bytes(hall_key), code
    )


def install_trust_lists(
    ctx: StationContext,
    hall_key: signing.Ed25519PrivateKey,
    keys: list[trust.StationKey],
    revoked: dict[str, dt.datetime] | None = None,
    issued_at: dt.datetime = NOW,
) -> None:
    """What a sync brings: the hall's signed lists in the station's trust table (and the hall's public key)."""
    from station_licenses.models import TrustDocument

    pub_dir = ctx.data_dir / station_key.DIR_NAME
    pub_dir.mkdir(parents=True, exist_ok=True)
    (pub_dir / station_key.HALL_KEY_FILE).write_bytes(signing.public_bytes(hall_key))
    docs = {
        trust.STATION_KEYS: trust.as_row(trust.station_key_list(hall_key, keys, issued_at), "station_keys", issued_at),
        trust.REVOKED_LICENCES: trust.as_row(
            trust.revocation_list(hall_key, revoked or {}, issued_at), "revoked_licences", issued_at
        ),
    }
    with ctx.db.write() as session, session.begin():
        for uid, row in docs.items():
            found = session.query(TrustDocument).filter_by(uid=uid).one_or_none()
            if found is None:
                session.add(TrustDocument(uid=uid, **row))
            else:
                found.document, found.issued_at = row["document"], row["issued_at"]


def add_enterprise(ctx: StationContext, actor, seed: int = 7, name: str = LONG_NAME) -> str:
    from station.core import enterprises

    with ctx.work(actor) as work:
        e = enterprises.create(work, enterprise_values(seed, name=name))
        return e.uscc
