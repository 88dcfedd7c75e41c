"""The licences plugin's pages in the hall's web face: the licences the park revoked (and revoking one, for
the hall's supervisor), and the enterprise window's check of a licence from a photo of its QR code, against
the hall's own trust lists. No Qt."""

# No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
import io
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from station.api import HallPage, UserError, utcnow
from station.api.hall import Operator, Site, rows, text
from station_licenses.hall_side import LICENSE_TABLE, revoke_at_hall

TEMPLATES = Path(__file__).parent / "hall_templates"
MAX_PIXELS = 40_000_000  # a phone photo is at most some 50 megapixels; more is refused before decoding
NO_QR = "照片里没有找到二维码。请对准执照上的二维码，拍得清楚、完整一些后重新上传。"


COMMON = {"enterprise_uid": "企业（内部编号）", "number": "编号", "status": "状态", "reason": "原因",
          "expires_on": "有效期至", "station_code": "签发服务站"}  # fmt: skip
LABELS = {
    LICENSE_TABLE: {"": "一照通执照", **COMMON, "uscc": "统一社会信用代码", "name": "企业名称", "permits": "所载许可证",
                    "issued_at": "签发时间", "payload": "二维码内容", "revoked_at": "吊销时间"},
    "licenses_permit": {"": "许可证", **COMMON, "kind": "许可证种类", "scope": "许可范围", "issued_on": "发证日期"},
}  # fmt: skip


STATUS_TEXT = {"active": "有效", "valid": "有效", "revoked": "已吊销"}


def values(table: str, field: str, value: Any) -> str | None:
    """The licence tables' stored values as a clerk reads them in the review queue."""
    from station_licenses import catalogue

    if table not in LABELS:
        return None
    if field == "status":
        return STATUS_TEXT.get(str(value))
    if field == "kind":
        return catalogue.name_of(str(value))
    if field == "permits" and isinstance(value, str):
        import json

        try:
            held = json.loads(value)
            return "；".join(f"{catalogue.name_of(str(k))} {n}（{catalogue.expiry_text(e)}）" for k, n, e in held)
        except (ValueError, TypeError):
            return None
    return None


def pages() -> list[HallPage]:
    return [
        HallPage(
            "licences",
            "执照吊销",
            area="console",
            routes=console_routes,
            templates=TEMPLATES,
            order=40,
            labels=LABELS,
            values=values,
        ),
        HallPage("verify", "执照核验", area="window", routes=window_routes, templates=TEMPLATES, order=40),
    ]


def revoked(db: Any) -> list[dict[str, Any]]:
    """Every licence the hall holds as revoked, newest first, with the issuing station's name."""
    names = rows.station_names(db)
    found = [
        {
            "number": d.get("number") or "",
            "name": d.get("name") or "",
            "reason": d.get("reason") or "",
            "at": rows.when(d.get("revoked_at") or d.get("updated_at")),
            "station": names.get(str(d.get("station_code")), str(d.get("station_code") or "")),
            "by": revoked_by(str(d.get("updated_by") or ""), str(d.get("station_code") or ""), names),
        }
        for _, d, _ in rows.live(db, LICENSE_TABLE, '"revoked"')
        if d.get("status") == "revoked"
    ]
    return sorted(found, key=lambda r: r["at"] or utcnow(), reverse=True)


def revoked_by(updated_by: str, issuer: str, names: dict[str, str]) -> str:
    """Who revoked a licence, from the station part of its ``updated_by`` (stamped by the hall)."""
    station = updated_by.rpartition("@")[2]
    if station == "HALL":
        return "服务大厅"
    if station == issuer or not station:
        return "签发服务站"
    return f"{names.get(station, station)}（经服务大厅审核）"


def console_routes(site: Site) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    Signed = Annotated[Operator, Depends(site.operator)]
    Supervisor = Annotated[Operator, Depends(site.supervisor)]

    @router.get("")
    def listing(request: Request, operator: Signed) -> HTMLResponse:
        with site.session() as db:
            found = revoked(db)
        return site.render(request, "licences_revoked.html", title="执照吊销", licences=found)

    @router.post("")
    async def revoke(request: Request, operator: Supervisor) -> RedirectResponse:
        form = await site.form(request, operator)
        number, reason = text(form, "number").upper(), text(form, "reason")
        with site.session() as db:
            revoke_at_hall(db, site.tables, number, reason, operator.username)
            said = f"{operator.display_name} 以服务大厅的名义吊销了执照 {number}。原因：{reason}"
            site.audit(db, request, operator.username, "licence.revoke", number, said)
        return RedirectResponse("/console/licences", status_code=303)

    return router


def decode_photo(data: bytes) -> list[str]:
    """Every QR text in an uploaded photo; ``UserError`` for what is not a readable picture."""
    from PIL import Image, UnidentifiedImageError

    from station_licenses.qr import decode_image

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise UserError("照片太大了。请用手机正常拍照（不要用超高像素模式）后重新上传。")
            return decode_image(image.convert("L"))
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise UserError("上传的不是能识别的照片。请上传执照二维码的照片（JPG 或 PNG）。") from None


def check(db: Any, payload: str) -> Any:
    """The verdict on one scanned payload, against the trust lists the hall holds now."""
    from station.api.hall import trust
    from station_licenses.verify import TrustSnapshot, verify

    now = utcnow()
    reasons = {}
    for number in trust.current_revocations(db):
        found = rows.by_unique(db, LICENSE_TABLE, {"number": number})
        reasons[number] = (found[1].get("reason") if found else None) or "服务大厅已吊销"
    snapshot = TrustSnapshot(keys=tuple(trust.current_keys(db)), keys_date=now, revoked=reasons, revoked_date=now)
    return verify(payload, snapshot, now)


def window_routes(site: Site) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("")
    def upload_form(request: Request) -> HTMLResponse:
        return site.form_page(request, "licences_verify.html", title="执照核验", message="", verdict=None)

    @router.post("")
    async def verify_photo(request: Request) -> HTMLResponse:
        site.check_lookup(request)
        form = await site.form(request)
        photo = form.get("photo")
        data = await photo.read() if isinstance(photo, UploadFile) else b""
        if not data:
            raise UserError("请选择或拍摄一张执照二维码的照片后再核验。")
        texts = await run_in_threadpool(decode_photo, data)
        if not texts:
            return site.form_page(request, "licences_verify.html", 422, title="执照核验", message=NO_QR, verdict=None)
        with site.session() as db:
            verdict = check(db, texts[0])
        if not verdict.ok:
            site.failed_lookup(request)  # a run of forgeries from one address is slowed down like wrong codes
        return site.form_page(request, "licences_verify.html", title="核验结果", message="", verdict=verdict)

    return router
