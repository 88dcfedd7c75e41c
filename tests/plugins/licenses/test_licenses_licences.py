"""Issuing, revoking and verifying licences at a station (no hall process: the lists are installed)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from licenses_helpers import LONG_NAME, NOW, add_enterprise, certify_locally, install_trust_lists
from station_licenses import services, verify
from station_licenses.services import PermitInput

from station.core import signing, station_key, trust
from station.errors import PermissionDenied, UserError, ValidationError

PERMITS = [
    PermitInput("SPJY", "JY14101000123456", dt.date(2031, 6, 30)),
    PermitInput("YPJY", "豫AA3710001", dt.date(2030, 12, 31)),
    PermitInput("GGWS", "豫卫公证字〔2026〕第000123号", dt.date(2030, 3, 31)),
]


def _issue(ctx, actor, uscc, permits=PERMITS, now=NOW):
    signer = station_key.require_certified(ctx.data_dir)
    with ctx.work(actor) as work:
        lic = services.issue(work, signer, uscc, permits, now=now)
        return lic.number, lic.payload


def _verdict(ctx, payload, now=NOW):
    with ctx.read() as session:
        snapshot = services.trust_snapshot(session, ctx.data_dir)
    return verify.verify(payload, snapshot, now)


def test_issue_then_verify_is_valid_with_every_permit(station, clerk):
    ctx, uscc = station
    number, payload = _issue(ctx, clerk, uscc)
    assert number == "ST01-2026-000001"
    found = _verdict(ctx, payload)
    assert found.verdict == "valid", found.message
    assert found.name == LONG_NAME and found.uscc == uscc
    assert [p["name"] for p in found.permits] == ["公共场所卫生许可证", "食品经营许可证", "药品经营许可证（零售）"]
    assert found.expires_on == "2030-03-31"  # the earliest permit
    assert found.keys_list_date and found.revoked_list_date


def test_every_single_byte_change_of_a_valid_payload_is_rejected(station, clerk):
    ctx, uscc = station
    _, payload = _issue(ctx, clerk, uscc)
    with ctx.read() as session:
        snapshot = services.trust_snapshot(session, ctx.data_dir)
    alphabet = sorted(set(signing.BASE45_ALPHABET) | set("PSL1:a\n"))
    tried = 0
    for i in range(len(payload)):
        for c in alphabet:
            if c == payload[i]:
                continue
            changed = payload[:i] + c + payload[i + 1 :]
            tried += 1
            assert verify.verify(changed, snapshot, NOW).verdict != "valid", (i, c)
    assert tried > 40 * len(payload)
    assert verify.verify(payload, snapshot, NOW).verdict == "valid"  # the check itself can pass


def test_a_payload_resigned_with_an_unknown_key_is_rejected(station, clerk):
    ctx, uscc = station
    _, payload = _issue(ctx, clerk, uscc)
    claims = signing.decode(payload).claims()
    forged = signing.encode(claims, signing.new_private_key())
    assert _verdict(ctx, forged).verdict == "unknown_signer"
    # Same claims under the genuine key id, signed by another key: a forgery.
    rogue = signing.new_private_key()
    own_kid = signing.decode(payload).kid
    import cbor2

    protected = cbor2.dumps({1: -8, 4: own_kid})
    body = cbor2.dumps({**claims, 3: "冒名顶替有限公司"})
    sig = rogue.sign(cbor2.dumps(["Signature1", protected, b"", body]))
    cose = cbor2.dumps(cbor2.CBORTag(18, [protected, {}, body, sig]))
    assert _verdict(ctx, "PSL1:" + signing.b45encode(signing.compress(cose))).verdict == "tampered"


def test_not_a_licence(station):
    ctx, _ = station
    assert _verdict(ctx, "https://example.com/").verdict == "not_a_license"
    assert _verdict(ctx, "PSL1:GARBAGE").verdict == "tampered"


def test_expired_after_the_earliest_permit_expires(station, clerk):
    ctx, uscc = station
    _, payload = _issue(ctx, clerk, uscc)
    assert _verdict(ctx, payload, dt.datetime(2030, 3, 31, 15, 0, tzinfo=dt.UTC)).verdict == "valid"  # 23:00 local
    assert _verdict(ctx, payload, dt.datetime(2030, 3, 31, 16, 30, tzinfo=dt.UTC)).verdict == "expired"


def test_reissue_revokes_the_earlier_licence(station, clerk):
    ctx, uscc = station
    _, old = _issue(ctx, clerk, uscc)
    second, new = _issue(ctx, clerk, uscc, [PermitInput("YCLS", "4101050012345", dt.date(2031, 1, 1))])
    assert second == "ST01-2026-000002"
    assert _verdict(ctx, old).verdict == "revoked"
    assert _verdict(ctx, new).verdict == "valid"
    assert len(_verdict(ctx, new).permits) == 4


def test_revoke_needs_a_supervisor_and_a_reason(station, clerk, supervisor):
    ctx, uscc = station
    number, payload = _issue(ctx, clerk, uscc)
    with pytest.raises(PermissionDenied), ctx.work(clerk) as work:
        services.revoke(work, number, "违规经营")
    with pytest.raises(ValidationError), ctx.work(supervisor) as work:
        services.revoke(work, number, "  ")
    with ctx.work(supervisor) as work:
        services.revoke(work, number, "违规经营，市场监管局责令停业")
    found = _verdict(ctx, payload)
    assert found.verdict == "revoked" and "违规经营" in found.revoked_reason


def test_revoking_a_permit_revokes_the_licences_carrying_it(station, clerk, supervisor):
    ctx, uscc = station
    number, payload = _issue(ctx, clerk, uscc)
    with ctx.read() as session:
        from station.core import enterprises

        e = enterprises.by_uscc(session, uscc)
        permit = next(p for p in services.permits_of(session, e.uid) if p.kind == "YPJY")
    with ctx.work(supervisor) as work:
        assert services.revoke_permit(work, permit.uid, "药品经营许可证被注销") == [number]
    assert _verdict(ctx, payload).verdict == "revoked"
    with pytest.raises(UserError), ctx.work(clerk) as work:  # the revoked permit cannot be loaded again
        services.save_permit(work, e.uid, PERMITS[1], station_code="ST01", now=NOW)


def test_renew_and_change_are_audited(station, clerk, supervisor):
    from station.core import audit, enterprises

    ctx, uscc = station
    _issue(ctx, clerk, uscc)
    with ctx.read() as session:
        e = enterprises.by_uscc(session, uscc)
        permit = next(p for p in services.permits_of(session, e.uid) if p.kind == "SPJY")
    with ctx.work(supervisor) as work:
        services.renew_permit(work, permit.uid, dt.date(2036, 6, 30), "延续换证", now=NOW)
        services.change_permit(work, permit.uid, "预包装食品销售、热食类食品制售", "增加经营项目", now=NOW)
    with ctx.read() as session:
        actions = [a.action for a in audit.history(session, permit.uid)]
        assert {"licenses.permit.renew", "licenses.permit.change"} <= set(actions)
        renewed = services.permits_of(session, e.uid)
        assert next(p for p in renewed if p.kind == "SPJY").version == 3


def test_a_station_without_a_certified_key_cannot_issue(ctx, admin):
    with pytest.raises(UserError) as err:
        station_key.require_certified(ctx.data_dir)
    assert "不能签发" in err.value.message and "station" not in err.value.message  # no command in a sentence
    assert "station enroll" in err.value.command and "station license key" in err.value.command


def test_private_key_is_owner_only(station):
    ctx, _ = station
    path = ctx.data_dir / station_key.DIR_NAME / station_key.KEY_FILE
    assert path.stat().st_mode & 0o777 == 0o600


def test_another_stations_licence_verifies_through_the_list_and_its_revocation_after_a_sync(tmp_path, hall_key, admin):
    from station.core.context import StationContext

    a = StationContext(tmp_path / "a")
    b = StationContext(tmp_path / "b")
    try:
        a.open(), b.open()
        key_a = certify_locally(a.data_dir, hall_key, "ST01")
        key_b = certify_locally(b.data_dir, hall_key, "ST02")
        install_trust_lists(a, hall_key, [key_a, key_b])
        uscc = add_enterprise(a, a.permissions.actor("admin", "admin"))
        number, payload = _issue(a, a.permissions.actor("admin", "admin"), uscc)
        install_trust_lists(b, hall_key, [key_b])  # B has not synced since A was certified
        assert _verdict(b, payload).verdict == "unknown_signer"
        install_trust_lists(b, hall_key, [key_a, key_b])
        assert _verdict(b, payload).verdict == "valid"
        later = NOW + dt.timedelta(hours=1)
        install_trust_lists(b, hall_key, [key_a, key_b], {number: later}, issued_at=later)
        found = _verdict(b, payload)
        assert found.verdict == "revoked" and found.revoked_list_date.startswith("2026-11-23 11:00")
        # A list not signed by the hall is ignored: nothing it names is trusted.
        install_trust_lists(b, signing.new_private_key(), [key_a, key_b])
        (b.data_dir / "signing" / "hall-key.pub").write_bytes(signing.public_bytes(hall_key))
        assert _verdict(b, payload).verdict == "unknown_signer"
    finally:
        a.close(), b.close()


def test_licence_numbers_carry_the_station_and_the_permit_json(station, clerk):
    ctx, uscc = station
    number, _ = _issue(ctx, clerk, uscc)
    with ctx.read() as session:
        lic = services.by_number(session, number)
        assert lic.station_code == "ST01" and json.loads(lic.permits)[0][0] == "GGWS"


def test_a_key_certified_later_than_the_issue_time_does_not_vouch(tmp_path, hall_key, admin):
    from station.core.context import StationContext

    c = StationContext(tmp_path / "c")
    try:
        c.open()
        key = station_key.private_key(c.data_dir, create=True)
        entry = trust.StationKey("ST03", signing.public_bytes(key), NOW, NOW + dt.timedelta(days=365))
        station_key.store_certificate(
            c.data_dir, trust.certificate(hall_key, entry), signing.public_bytes(hall_key), "ST03"
        )
        install_trust_lists(c, hall_key, [entry])
        uscc = add_enterprise(c, admin)
        _, payload = _issue(c, admin, uscc, now=NOW + dt.timedelta(days=1))
        assert _verdict(c, payload).verdict == "valid"
        with pytest.raises(UserError):
            _issue(c, admin, uscc, now=NOW + dt.timedelta(days=400))
    finally:
        c.close()


def _save(ctx, actor, uscc, given, now=NOW):
    from station.core import enterprises

    with ctx.work(actor) as work:
        e = enterprises.by_uscc(work.session, uscc)
        return services.save_permit(work, e.uid, given, station_code="ST01", now=now)


@pytest.mark.parametrize(
    ("given", "fragment"),
    [
        (PermitInput("SPJY", "JY1", dt.date(2045, 1, 1), issued_on=dt.date(2026, 11, 1)), "最长5年"),
        (PermitInput("GGWS", "卫1", dt.date(2030, 11, 1), issued_on=dt.date(2026, 11, 1)), "最长4年"),
        (PermitInput("SPXS", "备1", dt.date(2099, 12, 31)), "没有有效期"),  # a filing carries no expiry
        (PermitInput("SPJY", "JY2", dt.date(2030, 1, 1), issued_on=dt.date(2026, 12, 1)), "还没到"),
        (PermitInput("SPJY", "JY3", dt.date(2026, 11, 30), issued_on=dt.date(2026, 12, 1)), "还没到"),
    ],
)
def test_permit_dates_are_bounded_by_their_kind_and_today(station, clerk, given, fragment):
    ctx, uscc = station
    with pytest.raises(ValidationError, match=fragment):
        _save(ctx, clerk, uscc, given)


def test_the_longest_validity_is_accepted_and_a_filing_has_no_expiry(station, clerk, supervisor):
    ctx, uscc = station
    food = _save(ctx, clerk, uscc, PermitInput("SPJY", "JY4", dt.date(2031, 10, 31), issued_on=dt.date(2026, 11, 1)))
    filing = _save(ctx, clerk, uscc, PermitInput("SPXS", "备2"))
    assert food.expires_on == dt.date(2031, 10, 31) and filing.expires_on is None
    _, payload = _issue(ctx, clerk, uscc, permits=[])
    found = _verdict(ctx, payload)
    assert found.verdict == "valid" and found.expires_on == "2031-10-31"  # the filing does not shorten it
    assert {p["number"]: p["expires_on"] for p in found.permits}["备2"] == "长期有效（备案）"
    with ctx.work(supervisor) as work, pytest.raises(UserError, match="不需要延续"):
        services.renew_permit(work, filing.uid, dt.date(2035, 1, 1), "延续")
    with ctx.work(supervisor) as work, pytest.raises(ValidationError, match="最长5年"):
        services.renew_permit(work, food.uid, dt.date(2045, 1, 1), "延续")
    with ctx.work(supervisor) as work:
        assert services.renew_permit(work, food.uid, dt.date(2036, 10, 31), "延续").expires_on.year == 2036
