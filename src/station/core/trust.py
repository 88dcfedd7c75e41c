"""What the hall signs so stations can trust each other offline: key certificates and two trust lists.

- a **certificate** binds a station code to its Ed25519 public key for a period;
- the **station-key list** holds every certified key of the park (one document, re-signed on each change);
- the **revocation list** holds the numbers of revoked licences.

All three are COSE_Sign1 documents signed by the hall's key (``station.core.signing``). The lists travel
to stations as rows of the hall-published synced table ``TRUST_TABLE`` (declared by the licences plugin,
the one that uses them): its ``document`` field is the signed document in Base64. A station checks each
document against the hall's public key it received when its own key was certified.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass

from station.core import signing

TRUST_TABLE = "licenses_trust"
STATION_KEYS = "station-keys"  # row uid of the station-key list
REVOKED_LICENCES = "revoked-licences"  # row uid of the revocation list
CERT_YEARS = 10


def _ts(value: dt.datetime) -> int:
    return int(value.timestamp())


def _dt(value: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(value, dt.UTC)


@dataclass(frozen=True)
class StationKey:
    station_code: str
    public_key: bytes
    valid_from: dt.datetime
    valid_to: dt.datetime

    @property
    def kid(self) -> bytes:
        return signing.key_id(self.public_key)

    def as_cbor(self) -> list[object]:
        return [self.station_code, self.public_key, _ts(self.valid_from), _ts(self.valid_to)]

    @classmethod
    def from_cbor(cls, value: object) -> StationKey:
        if not isinstance(value, list) or len(value) != 4:
            raise signing.DecodeError("station key entry malformed")
        code, public, start, end = value
        if not isinstance(code, str) or not isinstance(public, bytes) or len(public) != 32:
            raise signing.DecodeError("station key entry malformed")
        return cls(code, public, _dt(int(start)), _dt(int(end)))

    def covers(self, when: dt.datetime) -> bool:
        # The end is exclusive: a key ended at a lock-out (to the second) signs nothing in that second either.
        return self.valid_from <= when < self.valid_to


@dataclass(frozen=True)
class StationKeyList:
    issued_at: dt.datetime
    keys: tuple[StationKey, ...]


@dataclass(frozen=True)
class RevocationList:
    issued_at: dt.datetime
    revoked: dict[str, dt.datetime]  # licence number -> when revoked


# -- certificates ------------------------------------------------------------------------------------


def certificate(hall_key: signing.Ed25519PrivateKey, key: StationKey) -> bytes:
    return signing.sign_document({1: "cert", 2: key.as_cbor()}, hall_key)


def open_certificate(data: bytes, hall_public: bytes) -> StationKey:
    claims = signing.open_document(data, hall_public)
    if not isinstance(claims, dict) or claims.get(1) != "cert":
        raise signing.DecodeError("not a station key certificate")
    return StationKey.from_cbor(claims.get(2))


# -- lists -----------------------------------------------------------------------------------------


def station_key_list(hall_key: signing.Ed25519PrivateKey, keys: list[StationKey], issued_at: dt.datetime) -> bytes:
    ordered = sorted(keys, key=lambda k: (k.station_code, k.valid_from))
    return signing.sign_document({1: "keys", 2: _ts(issued_at), 3: [k.as_cbor() for k in ordered]}, hall_key)


def open_station_key_list(data: bytes, hall_public: bytes) -> StationKeyList:
    claims = signing.open_document(data, hall_public)
    if not isinstance(claims, dict) or claims.get(1) != "keys" or not isinstance(claims.get(3), list):
        raise signing.DecodeError("not a station-key list")
    return StationKeyList(_dt(int(claims[2])), tuple(StationKey.from_cbor(v) for v in claims[3]))


def revocation_list(
    hall_key: signing.Ed25519PrivateKey, revoked: dict[str, dt.datetime], issued_at: dt.datetime
) -> bytes:
    entries = [[number, _ts(at)] for number, at in sorted(revoked.items())]
    return signing.sign_document({1: "revoked", 2: _ts(issued_at), 3: entries}, hall_key)


def open_revocation_list(data: bytes, hall_public: bytes) -> RevocationList:
    claims = signing.open_document(data, hall_public)
    if not isinstance(claims, dict) or claims.get(1) != "revoked" or not isinstance(claims.get(3), list):
        raise signing.DecodeError("not a revocation list")
    return RevocationList(_dt(int(claims[2])), {str(n): _dt(int(at)) for n, at in claims[3]})


# -- as rows of the trust table ----------------------------------------------------------------------


def as_row(document: bytes, kind: str, issued_at: dt.datetime) -> dict[str, object]:
    return {"kind": kind, "document": base64.b64encode(document).decode("ascii"), "issued_at": issued_at.isoformat()}


def document_of(row_document: str) -> bytes:
    return base64.b64decode(row_document.encode("ascii"), validate=True)
