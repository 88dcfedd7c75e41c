"""The station's side of enrolment: trade the hall's one-time token for a credential, keep it safe.

The credential lives in ``hall-credential.json`` in the data directory, readable by its owner only,
and not in the database: a backup copied to a USB stick must not carry the station's secret.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from station.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import httpx

FILE_NAME = "hall-credential.json"
TIMEOUT_S = 15


@dataclass(frozen=True)
class Credential:
    url: str
    station_code: str
    station_name: str
    secret: str

    @property
    def authorization(self) -> str:
        return f"Bearer {self.station_code}:{self.secret}"


def _save(data_dir: Path, credential: Credential) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=data_dir, prefix=".credential-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(credential), fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, data_dir / FILE_NAME)


def load(data_dir: Path) -> Credential | None:
    try:
        return Credential(**json.loads((data_dir / FILE_NAME).read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (ValueError, TypeError) as exc:
        raise UserError(
            "本站登记到服务大厅的凭据已损坏，请管理员重新为本站登记。",
            detail=str(exc),
            command="station enroll 地址 登记码",
        ) from exc


def _hall_error(response: httpx.Response) -> str:
    try:
        return str(response.json().get("detail") or response.text)
    except ValueError:
        return f"服务大厅返回了错误（HTTP {response.status_code}）。"


def enroll(data_dir: Path, url: str, token: str) -> Credential:
    import httpx

    url = url.rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise UserError("服务大厅地址应以 http:// 或 https:// 开头。")
    try:
        response = httpx.post(f"{url}/v1/enroll", json={"token": token}, timeout=TIMEOUT_S)
    except httpx.HTTPError as exc:
        raise UserError(f"连接不上服务大厅 {url}（{exc}）。请检查网络和地址后重试。") from exc
    if response.status_code != 200:
        raise UserError(_hall_error(response))
    body = response.json()
    credential = Credential(url, body["station_code"], body["station_name"], body["secret"])
    _save(data_dir, credential)
    return credential


def whoami(credential: Credential) -> dict[str, str]:
    """Ask the hall who it thinks we are: proves the credential works."""
    import httpx

    try:
        response = httpx.get(
            f"{credential.url}/v1/whoami", headers={"Authorization": credential.authorization}, timeout=TIMEOUT_S
        )
    except httpx.HTTPError as exc:
        raise UserError(f"连接不上服务大厅 {credential.url}（{exc}）。请检查网络后重试。") from exc
    if response.status_code != 200:
        raise UserError(_hall_error(response))
    return response.json()
