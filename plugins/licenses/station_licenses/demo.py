"""Demo data: permits of the demo park's food, catering, drug, logistics and trade enterprises, and their
一照通 licences (Zhengzhou's reform loaded food sales, catering and drug retail first).

A demo station that is not enrolled with a hall has no certified key, so the demo makes a local
stand-in for the hall (``signing/demo-hall-key.pem``) and certifies the station's key with it; enrolling
with a real hall later replaces that certificate with the hall's. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from station.api import Enterprise, signing, station_key, trust, utcnow

DEMO_HALL_KEY = "demo-hall-key.pem"
PROVINCE = {"43": "湘", "62": "甘", "21": "辽", "33": "浙", "41": "豫"}
# Industry code of the demo park -> the permits such an enterprise holds.
KINDS_BY_INDUSTRY = {
    "C1490": ("SPJY",),
    "H6210": ("SPJY", "GGWS", "JLJY"),
    "C2720": ("YPJY", "PWXK"),
    "C3581": ("YLQX2",),
    "G5990": ("DLYS",),
    "C2669": ("PWXK",),
    "F5190": ("SPXS", "YCLS", "JLJY"),
}
MAX_ENTERPRISES = 80


def _number(kind: str, e: Enterprise, n: int, year: int) -> str:
    division = e.uscc[2:8]
    prov = PROVINCE.get(division[:2], "豫")
    return {
        "SPJY": f"JY1{division}{n:07d}",
        "SPXS": f"YB1{division}{n:07d}",
        "YPJY": f"{prov}AA{division[2:]}{n:04d}",
        "YLQX2": f"{prov}食药监械经营备{year}{n:04d}号",
        "GGWS": f"{prov}卫公证字〔{year}〕第{n:06d}号",
        "YCLS": f"{division}{n:06d}",
        "JLJY": f"酒经字{year}{n:05d}",
        "DLYS": f"{prov}交运管许可字{division}{n:06d}号",
        "PWXK": f"{e.uscc}{n % 1000:03d}P",
    }[kind]


def _data_dir(work: Any) -> Path:
    return Path(work.session.get_bind().url.database).parent


def demo_signer(data_dir: Path) -> station_key.Certified | None:
    """The certified key, or — on a station that never enrolled — one certified by a local demo hall."""
    found = station_key.certified(data_dir)
    if found is not None:
        return found
    from station.api import enrolment

    if enrolment.load(data_dir) is not None:
        return None  # enrolled: only the real hall may certify this station's key
    from station.api import Settings

    code = Settings.load(data_dir).station_code
    hall_path = data_dir / station_key.DIR_NAME / DEMO_HALL_KEY
    if hall_path.exists():
        hall = signing.load_private_pem(hall_path.read_bytes())
    else:
        hall = signing.new_private_key()
        station_key.write_file(hall_path, signing.private_pem(hall), 0o600)
    key = station_key.private_key(data_dir, create=True)
    assert key is not None
    now = utcnow().replace(microsecond=0)
    entry = trust.StationKey(
        code, signing.public_bytes(key), now - dt.timedelta(days=400), now + dt.timedelta(days=3650)
    )
    station_key.store_certificate(data_dir, trust.certificate(hall, entry), signing.public_bytes(hall), code)
    return station_key.certified(data_dir)


def fill(work: Any, rng: Any) -> str:
    from station_licenses import catalogue, services
    from station_licenses.models import License, Permit

    session = work.session
    if session.scalar(select(func.count()).select_from(Permit)):
        return "许可证演示数据已存在"
    candidates = list(
        session.scalars(
            select(Enterprise)
            .where(Enterprise.industry_code.in_(list(KINDS_BY_INDUSTRY)), Enterprise.stage != "exit")
            .order_by(Enterprise.id)
            .limit(MAX_ENTERPRISES * 3)
        )
    )
    rng.shuffle(candidates)
    chosen = candidates[:MAX_ENTERPRISES]
    now = utcnow()
    today = services.today(now)
    station = _station_code(work)
    n = 0
    for e in chosen:
        for kind_code in KINDS_BY_INDUSTRY[e.industry_code]:
            n += 1
            kind = catalogue.kind(kind_code)
            assert kind is not None
            # never before the enterprise was founded; an old permit was renewed on time (延续: issued anew)
            issued_on = max(today - dt.timedelta(days=rng.randrange(30, 1400)), e.founded_on or today)
            if not kind.is_filing and kind.default_expiry(issued_on) < today:
                issued_on = max(today - dt.timedelta(days=rng.randrange(1, 300)), e.founded_on or today)
            expires = None if kind.is_filing else kind.default_expiry(issued_on)
            given = services.PermitInput(kind_code, _number(kind_code, e, n, issued_on.year), expires, "", issued_on)
            services.save_permit(work, e.uid, given, station_code=station, now=now)
    signer = demo_signer(_data_dir(work))
    issued = 0
    if signer is not None:
        for e in chosen[: int(len(chosen) * 0.7)]:
            services.issue(work, signer, e.uscc, now=now)
            issued += 1
    revoked = 0
    if issued:
        first = session.scalar(select(License).where(License.status == "valid").order_by(License.id).limit(1))
        if first is not None:
            services.revoke(work, first.number, "企业申请停业，执照收回", now=now)
            revoked = 1
    return f"{n} 张许可证，{issued} 份一照通执照（{revoked} 份已吊销）"


def _station_code(work: Any) -> str:
    from station.api import Settings

    return Settings.load(_data_dir(work)).station_code
