"""The hall as the park's signing authority: its own Ed25519 key, certificates for station keys, and the
hall-signed trust lists stations pull with sync (``station.core.trust`` describes the documents).

The hall's private key is made on first use in the hall's data directory (``hall/hall-key.pem``, 0600)
and never leaves it. ``POST /v1/station-key`` certifies the calling station's public key and republishes
the station-key list in the same transaction; ``revoke_licences`` republishes the revocation list.
"""

# No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
import base64
import datetime as dt
import json
import logging
import os
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from station.core import signing, trust
from station.core.db import utcnow
from station.errors import UserError

log = logging.getLogger(__name__)

KEY_FILE = "hall-key.pem"
_key_dir: Path | None = None
_lock = threading.Lock()
_cached: tuple[Path, signing.Ed25519PrivateKey] | None = None


def configure(key_dir: Path) -> None:
    """Where the hall keeps its key (``station hall serve`` passes ``<data dir>/hall``)."""
    global _key_dir
    _key_dir = key_dir


def key_dir() -> Path:
    if _key_dir is not None:
        return _key_dir
    from station import paths

    return paths.data_dir() / "hall"


def hall_key() -> signing.Ed25519PrivateKey:
    """The hall's signing key, made on first use."""
    global _cached
    path = key_dir() / KEY_FILE
    with _lock:
        if _cached is not None and _cached[0] == path:
            return _cached[1]
        if path.exists():
            key = signing.load_private_pem(path.read_bytes())
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            key = signing.new_private_key()
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(signing.private_pem(key))
            log.info("hall signing key created in %s", path.parent)
        _cached = (path, key)
        return key


def hall_public() -> bytes:
    return signing.public_bytes(hall_key())


# -- reading what the hall published -----------------------------------------------------------------


def _published(session: Session, uid: str) -> bytes | None:
    from station.hall.models import Row

    row = session.get(Row, {"table_name": trust.TRUST_TABLE, "row_uid": uid})
    if row is None or row.deleted or not row.data:
        return None
    return trust.document_of(json.loads(row.data)["document"])


def current_keys(session: Session) -> list[trust.StationKey]:
    data = _published(session, trust.STATION_KEYS)
    return list(trust.open_station_key_list(data, hall_public()).keys) if data else []


def current_revocations(session: Session) -> dict[str, dt.datetime]:
    data = _published(session, trust.REVOKED_LICENCES)
    return dict(trust.open_revocation_list(data, hall_public()).revoked) if data else {}


def _publish(session: Session, tables: Mapping[str, Any], uid: str, row: dict[str, object]) -> None:
    from station.hall.publish import publish_rows

    publish_rows(session, tables, trust.TRUST_TABLE, [(uid, row)])


# -- certifying ------------------------------------------------------------------------------------


def end_station_keys(
    session: Session, tables: Mapping[str, Any], station_code: str, now: dt.datetime | None = None
) -> int:
    """A station locked out of the hall signs nothing more: its keys stay listed (licences it signed before
    still verify) but end now, and the list is republished. Returns how many keys were ended."""
    if trust.TRUST_TABLE not in tables:
        return 0
    now = (now or utcnow()).replace(microsecond=0)
    keys = current_keys(session)
    ending = [k for k in keys if k.station_code == station_code and k.valid_to > now]
    if not ending:
        return 0
    keys = [trust.StationKey(k.station_code, k.public_key, k.valid_from, now) if k in ending else k for k in keys]
    document = trust.station_key_list(hall_key(), keys, now)
    _publish(session, tables, trust.STATION_KEYS, trust.as_row(document, "station_keys", now))
    log.info("station %s locked out: %d signing keys end now", station_code, len(ending))
    return len(ending)


def certify(
    session: Session, tables: Mapping[str, Any], station_code: str, public_key: bytes, now: dt.datetime | None = None
) -> bytes:
    """Certify ``public_key`` for ``station_code`` and republish the station-key list.

    An earlier key of the same station stays listed but ends now, so licences it signed before still
    verify and nothing new can be signed with it.
    """
    if len(public_key) != 32:
        raise UserError("公钥格式不对（应为32字节的 Ed25519 公钥）。")
    if trust.TRUST_TABLE not in tables:
        raise UserError("服务大厅没有启用执照插件，不能认证签名密钥。")
    now = (now or utcnow()).replace(microsecond=0)
    key = hall_key()
    keys = current_keys(session)
    same = next((k for k in keys if k.public_key == public_key and k.station_code == station_code), None)
    if same is not None and same.valid_to > now:
        entry = same
    else:
        entry = trust.StationKey(station_code, public_key, now, now.replace(year=now.year + trust.CERT_YEARS))
        ended = [
            trust.StationKey(k.station_code, k.public_key, k.valid_from, min(k.valid_to, now))
            if k.station_code == station_code
            else k
            for k in keys
            if k.public_key != public_key  # each key once: a key certified again has only its new entry
        ]
        # A key ended the moment it began never signed anything that verifies: it need not stay listed.
        keys = [k for k in ended if k.valid_to > k.valid_from] + [entry]
        document = trust.station_key_list(key, keys, now)
        _publish(session, tables, trust.STATION_KEYS, trust.as_row(document, "station_keys", now))
        log.info("station %s key certified", station_code)
    return trust.certificate(key, entry)


def revoke_licences(
    publish: Any, session: Session, numbers: Iterable[tuple[str, dt.datetime]], now: dt.datetime | None = None
) -> int:
    """Add licence numbers to the revocation list and republish it (once) if anything was new."""
    revoked = current_revocations(session)
    added = {n: at for n, at in numbers if n not in revoked}
    if not added:
        return 0
    now = (now or utcnow()).replace(microsecond=0)
    revoked.update(added)
    document = trust.revocation_list(hall_key(), revoked, now)
    publish(trust.TRUST_TABLE, [(trust.REVOKED_LICENCES, trust.as_row(document, "revoked_licences", now))])
    return len(added)


# -- HTTP ------------------------------------------------------------------------------------------


def add_routes(app: Any, store: Any, synced: Mapping[str, Any], authenticated: Any) -> None:
    """``POST /v1/station-key``: the calling station's public key in, the hall's certificate out.
    ``GET /v1/hall-key``: the hall's public key, which a station keeps to check the trust lists.

    ``authenticated(db, request, authorization)`` proves the caller (with the hall's lock-outs). A station
    may have a new key certified a few times a day: each one stays listed for good once ended, so an
    unlimited number would grow the list every station pulls without bound."""
    from typing import Annotated

    from fastapi import Header, Request
    from pydantic import BaseModel, Field

    from station.hall import throttle

    class KeyIn(BaseModel):
        public_key: str = Field(min_length=40, max_length=60)

    class CertificateOut(BaseModel):
        certificate: str
        hall_public_key: str

    class HallKeyOut(BaseModel):
        hall_public_key: str

    @app.get("/v1/hall-key")
    def hall_key_route(
        request: Request, authorization: Annotated[str | None, Header(max_length=300)] = None
    ) -> HallKeyOut:
        with store.session() as db:
            authenticated(db, request, authorization)
        return HallKeyOut(hall_public_key=base64.b64encode(hall_public()).decode("ascii"))

    @app.post("/v1/station-key")
    def station_key(
        body: KeyIn, request: Request, authorization: Annotated[str | None, Header(max_length=300)] = None
    ) -> CertificateOut:
        try:
            public = base64.b64decode(body.public_key, validate=True)
        except ValueError:
            raise UserError("公钥格式不对（应为 Base64）。") from None
        with store.session() as db, db.begin():
            caller = authenticated(db, request, authorization)
            known = any(k.public_key == public and k.station_code == caller.code for k in current_keys(db))
            if not known:
                throttle.check(store, throttle.STATION_KEY, caller.code)
            cert = certify(db, synced, caller.code, public)
        if not known:
            throttle.record(store, throttle.STATION_KEY, caller.code, failure=False)
        return CertificateOut(
            certificate=base64.b64encode(cert).decode("ascii"),
            hall_public_key=base64.b64encode(hall_public()).decode("ascii"),
        )
