"""Verify a licence QR payload offline, against the trust lists cached at this station. No Qt, no database.

Verdicts, in the order they are decided:
``not_a_license`` (no prefix) → ``tampered`` (malformed after the prefix, bad signature, odd claims) →
``unknown_signer`` (a key the hall never certified, or not at the time of issue) → ``revoked`` →
``expired`` → ``valid``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from station.api import SHANGHAI, local_text, signing, trust

VALID, TAMPERED, UNKNOWN_SIGNER, EXPIRED, REVOKED, NOT_A_LICENSE = (
    "valid", "tampered", "unknown_signer", "expired", "revoked", "not_a_license",
)  # fmt: skip

LABELS = {
    VALID: "有效",
    TAMPERED: "被篡改或伪造",
    UNKNOWN_SIGNER: "签发者不明",
    EXPIRED: "已过期",
    REVOKED: "已吊销",
    NOT_A_LICENSE: "不是执照二维码",
}
ADVICE = {
    VALID: "执照真实有效，所载许可证如下。",
    TAMPERED: "二维码内容与签名不符：执照被改动过或是伪造的。请勿采信，并联系发证服务站。",
    UNKNOWN_SIGNER: "签发这张执照的密钥不在服务大厅认证的名单中。请同步后重试；仍不认识则请勿采信。",
    EXPIRED: "执照已过有效期，请企业到服务站换发。",
    REVOKED: "执照已被吊销或已换发，请勿采信，请企业出示最新执照。",
    NOT_A_LICENSE: "扫到的不是本园区一照通执照的二维码。",
}
EPOCH = dt.date(1970, 1, 1)


@dataclass(frozen=True)
class TrustSnapshot:
    keys: tuple[trust.StationKey, ...] = ()
    keys_date: dt.datetime | None = None
    revoked: dict[str, str] = field(default_factory=dict)  # licence number -> reason
    revoked_date: dt.datetime | None = None

    def key(self, kid: bytes) -> trust.StationKey | None:
        return next((k for k in self.keys if k.kid == kid), None)


@dataclass
class Verdict:
    verdict: str
    message: str = ""
    number: str = ""
    uscc: str = ""
    name: str = ""
    station: str = ""
    issued_at: str = ""
    expires_on: str = ""
    permits: list[dict[str, str]] = field(default_factory=list)
    revoked_reason: str = ""
    keys_list_date: str = ""
    revoked_list_date: str = ""

    @property
    def label(self) -> str:
        return LABELS[self.verdict]

    @property
    def ok(self) -> bool:
        return self.verdict == VALID

    def as_dict(self) -> dict[str, object]:
        return {
            "verdict": self.verdict,
            "label": self.label,
            "message": self.message,
            "number": self.number,
            "uscc": self.uscc,
            "name": self.name,
            "station": self.station,
            "issued_at": self.issued_at,
            "expires_on": self.expires_on,
            "permits": self.permits,
            "revoked_reason": self.revoked_reason,
            "trust_lists": {"station_keys": self.keys_list_date, "revoked_licences": self.revoked_list_date},
        }


def _claims(raw: object) -> dict[str, object] | None:
    """The claims in their types, or None when anything is missing or odd."""
    if not isinstance(raw, dict):
        return None
    try:
        number, uscc, name, permits, issued, expires, station = (raw[k] for k in range(1, 8))
        if not all(isinstance(v, str) for v in (number, uscc, name, station)) or not isinstance(permits, list):
            return None
        plist = [(str(k), str(n), None if d is None else EPOCH + dt.timedelta(days=int(d))) for k, n, d in permits]
        return {
            "number": number,
            "uscc": uscc,
            "name": name,
            "station": station,
            "permits": plist,
            "issued": dt.datetime.fromtimestamp(int(issued), dt.UTC),
            "expires": EPOCH + dt.timedelta(days=int(expires)),
        }
    except (KeyError, TypeError, ValueError, OverflowError):
        return None


def clean_scan(text: str) -> str:
    """A USB scanner types the payload and Enter; some add CR. Spaces are Base45 and stay."""
    return text.strip("\r\n\t")


def verify(text: str, snapshot: TrustSnapshot, now: dt.datetime, kind_names: dict[str, str] | None = None) -> Verdict:
    from station_licenses import catalogue

    names = kind_names if kind_names is not None else {k: v.name for k, v in catalogue.kinds().items()}
    dates: dict[str, Any] = {
        "keys_list_date": local_text(snapshot.keys_date) if snapshot.keys_date else "",
        "revoked_list_date": local_text(snapshot.revoked_date) if snapshot.revoked_date else "",
    }
    text = clean_scan(text)
    if not signing.has_prefix(text):
        return Verdict(NOT_A_LICENSE, ADVICE[NOT_A_LICENSE], **dates)
    try:
        signed = signing.decode(text)
        claims = _claims(signed.claims())
    except signing.DecodeError:
        return Verdict(TAMPERED, ADVICE[TAMPERED], **dates)
    key = snapshot.key(signed.kid)
    if key is None:
        return Verdict(UNKNOWN_SIGNER, ADVICE[UNKNOWN_SIGNER], **dates)
    if not signing.cose_verify(signed, key.public_key) or claims is None or claims["station"] != key.station_code:
        return Verdict(TAMPERED, ADVICE[TAMPERED], **dates)
    issued: dt.datetime = claims["issued"]  # type: ignore[assignment]
    expires: dt.date = claims["expires"]  # type: ignore[assignment]
    found = Verdict(
        VALID,
        ADVICE[VALID],
        number=str(claims["number"]),
        uscc=str(claims["uscc"]),
        name=str(claims["name"]),
        station=str(claims["station"]),
        issued_at=local_text(issued),
        expires_on=expires.isoformat(),
        permits=[
            {"kind": k, "name": names.get(k, k), "number": n, "expires_on": catalogue.expiry_text(d)}
            for k, n, d in claims["permits"]  # type: ignore[attr-defined]
        ],
        **dates,
    )
    if not key.covers(issued):
        found.verdict, found.message = UNKNOWN_SIGNER, "签发时该服务站的密钥不在认证有效期内。请勿采信。"
    elif found.number in snapshot.revoked:
        found.verdict, found.message = REVOKED, ADVICE[REVOKED]
        found.revoked_reason = snapshot.revoked[found.number]
    elif now.astimezone(SHANGHAI).date() > expires:
        found.verdict, found.message = EXPIRED, ADVICE[EXPIRED]
    return found
