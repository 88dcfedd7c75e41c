"""The station's signing key and the hall's certificate for it, kept in the data directory.

``signing/station-key.pem`` is the private key, readable by its owner only; it is never synced, logged
or copied into backups of the database. ``signing/station-cert.cose`` is the hall-signed certificate of
the public key and ``signing/hall-key.pub`` the hall's public key, received when the key was certified
(over the station's authenticated channel) and used to check everything the hall publishes.
"""

from __future__ import annotations

import base64
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from station.core import signing, trust
from station.errors import UserError

DIR_NAME = "signing"
KEY_FILE = "station-key.pem"
CERT_FILE = "station-cert.cose"
HALL_KEY_FILE = "hall-key.pub"

NO_KEY = (
    "本站还没有经服务大厅认证的签名密钥，不能签发执照。"
    "请管理员先为本站登记到服务大厅；已登记的，在能连上服务大厅时再签发一次即可自动认证。"
)
NO_KEY_COMMAND = "station enroll 地址 登记码；已登记的运行 station license key"


def _dir(data_dir: Path) -> Path:
    return data_dir / DIR_NAME


def write_file(path: Path, data: bytes, mode: int) -> None:
    """Write ``data`` to ``path`` atomically (a temporary file, fsync, rename) with permissions ``mode``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def private_key(data_dir: Path, *, create: bool = False) -> signing.Ed25519PrivateKey | None:
    path = _dir(data_dir) / KEY_FILE
    if path.exists():
        return signing.load_private_pem(path.read_bytes())
    if not create:
        return None
    key = signing.new_private_key()
    write_file(path, signing.private_pem(key), 0o600)
    return key


def hall_public_key(data_dir: Path) -> bytes | None:
    path = _dir(data_dir) / HALL_KEY_FILE
    return path.read_bytes() if path.exists() else None


@dataclass(frozen=True)
class Certified:
    key: signing.Ed25519PrivateKey
    station: trust.StationKey
    certificate: bytes
    hall_public: bytes


def certified(data_dir: Path) -> Certified | None:
    """The station's key with a hall certificate that matches it, or None."""
    key = private_key(data_dir)
    hall = hall_public_key(data_dir)
    cert_path = _dir(data_dir) / CERT_FILE
    if key is None or hall is None or not cert_path.exists():
        return None
    try:
        station = trust.open_certificate(cert_path.read_bytes(), hall)
    except signing.DecodeError:
        return None
    if station.public_key != signing.public_bytes(key):
        return None
    return Certified(key, station, cert_path.read_bytes(), hall)


def require_certified(data_dir: Path) -> Certified:
    found = certified(data_dir)
    if found is None:
        raise UserError(NO_KEY, command=NO_KEY_COMMAND)
    return found


def store_certificate(data_dir: Path, certificate: bytes, hall_public: bytes, station_code: str) -> trust.StationKey:
    """Check the hall's answer before keeping it: it must certify our own key, for our station."""
    key = private_key(data_dir)
    if key is None:
        raise UserError("本站的签名密钥不见了，请运行 station license key 重新生成并认证。")
    try:
        station = trust.open_certificate(certificate, hall_public)
    except signing.DecodeError as exc:
        raise UserError("服务大厅返回的密钥证书无法验证，请联系服务大厅。") from exc
    if station.public_key != signing.public_bytes(key) or station.station_code != station_code:
        raise UserError("服务大厅返回的密钥证书不属于本站，请联系服务大厅。")
    write_file(_dir(data_dir) / HALL_KEY_FILE, hall_public, 0o644)
    write_file(_dir(data_dir) / CERT_FILE, certificate, 0o644)
    return station


def _call(credential: object, method: str, path: str, body: dict[str, str] | None = None) -> dict[str, str]:
    import httpx

    from station.core.enrolment import TIMEOUT_S, Credential, _hall_error

    assert isinstance(credential, Credential)
    try:
        response = httpx.request(
            method,
            f"{credential.url}{path}",
            json=body,
            headers={"Authorization": credential.authorization},
            timeout=TIMEOUT_S,
        )
    except httpx.HTTPError as exc:
        raise UserError(f"连接不上服务大厅 {credential.url}（{exc}）。请检查网络后重试。") from exc
    if response.status_code != 200:
        raise UserError(_hall_error(response))
    return response.json()


def fetch_hall_key(data_dir: Path, credential: object) -> bytes:
    """Keep the hall's public key (``GET /v1/hall-key``): with it the station checks the trust lists it
    pulls, so it verifies licences offline even before it signs any."""
    public = base64.b64decode(_call(credential, "GET", "/v1/hall-key")["hall_public_key"])
    if len(public) != 32:
        raise UserError("服务大厅返回的公钥格式不对，请联系服务大厅。")
    write_file(_dir(data_dir) / HALL_KEY_FILE, public, 0o644)
    return public


def ensure_certified(data_dir: Path) -> Certified:
    """The certified key; an enrolled station without one has the hall certify it now (needs the hall)."""
    found = certified(data_dir)
    if found is not None:
        return found
    from station.core import enrolment

    credential = enrolment.load(data_dir)
    if credential is None:
        raise UserError(NO_KEY, command=NO_KEY_COMMAND)
    try:
        request_certificate(data_dir, credential)
    except UserError as exc:
        raise UserError(f"本站的签名密钥还没有经服务大厅认证，现在也认证不了：{exc.message}") from exc
    return require_certified(data_dir)


def request_certificate(data_dir: Path, credential: object) -> trust.StationKey:
    """Make the key if there is none and have the hall certify it (``POST /v1/station-key``); the hall
    republishes its station-key list, which every station pulls with its next sync."""
    from station.core.enrolment import Credential

    assert isinstance(credential, Credential)
    key = private_key(data_dir, create=True)
    assert key is not None
    body = {"public_key": base64.b64encode(signing.public_bytes(key)).decode("ascii")}
    answer = _call(credential, "POST", "/v1/station-key", body)
    return store_certificate(
        data_dir,
        base64.b64decode(answer["certificate"]),
        base64.b64decode(answer["hall_public_key"]),
        credential.station_code,
    )
