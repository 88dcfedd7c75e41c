"""The signed payload chain: Base45 (RFC 9285 vectors), strict zlib and COSE_Sign1, the QR it makes."""

from __future__ import annotations

import zlib

import cbor2
import pytest

from station.core import signing

CLAIMS = {
    1: "ST01-2026-000001",
    2: "91410100MA9KXXXX1X",
    3: "郑州航空港经济综合实验区豫发食品药品连锁经营管理有限公司第一百零八分公司",
    4: [
        ["SPJY", "JY14101000123456", 22000],
        ["YPJY", "豫AA3710001", 22000],
        ["GGWS", "豫卫公证字〔2026〕第000123号", 21000],
    ],
    5: 1795000000,
    6: 21000,
    7: "ST01",
}


@pytest.mark.parametrize(
    ("raw", "text"),
    [(b"AB", "BB8"), (b"Hello!!", "%69 VD92EX0"), (b"base-45", "UJCLQE7W581"), (b"ietf!", "QED8WEX0"), (b"", "")],
)
def test_base45_matches_the_rfc_9285_examples(raw, text):
    assert signing.b45encode(raw) == text
    assert signing.b45decode(text) == raw


@pytest.mark.parametrize("bad", ["GGW", "A", "AAAA", "abc", "ZZ"])
def test_base45_refuses_what_no_encoder_writes(bad):
    with pytest.raises(signing.DecodeError):
        signing.b45decode(bad)


def test_round_trip_and_cose_structure():
    key = signing.new_private_key()
    payload = signing.encode(CLAIMS, key)
    assert payload.startswith("PSL1:")
    assert set(payload[5:]) <= set(signing.BASE45_ALPHABET)
    signed = signing.decode(payload)
    assert signed.claims() == CLAIMS
    assert signed.kid == signing.key_id(signing.public_bytes(key))
    assert signing.cose_verify(signed, signing.public_bytes(key))
    # Built by hand from RFC 9052: tag 18, [protected {1: -8, 4: kid}, {}, payload, signature].
    message = cbor2.loads(zlib.decompress(signing.b45decode(payload[5:])))
    assert message.tag == 18
    protected, unprotected, body, signature = message.value
    assert cbor2.loads(protected) == {1: -8, 4: signed.kid}
    assert dict(unprotected) == {} and len(signature) == 64
    sig_structure = cbor2.dumps(["Signature1", protected, b"", body])
    key.public_key().verify(signature, sig_structure)  # raises if the structure were different


def test_another_key_does_not_verify():
    payload = signing.encode(CLAIMS, signing.new_private_key())
    assert not signing.cose_verify(signing.decode(payload), signing.public_bytes(signing.new_private_key()))


def test_stray_bits_in_zlib_padding_are_refused():
    data = signing.compress(cbor2.dumps(CLAIMS))
    last = len(data) - 5
    accepted = []
    for bit in range(8):
        flipped = bytearray(data)
        flipped[last] ^= 1 << bit
        try:
            signing.decompress(bytes(flipped))
            accepted.append(bit)
        except signing.DecodeError:
            pass
    assert accepted == []
    assert signing.decompress(data) == cbor2.dumps(CLAIMS)


def test_zlib_header_of_another_level_is_refused():
    data = zlib.compress(cbor2.dumps(CLAIMS), 6)
    with pytest.raises(signing.DecodeError):
        signing.decompress(data)


def test_documents_open_only_with_the_signers_key():
    hall = signing.new_private_key()
    doc = signing.sign_document({1: "x"}, hall)
    assert signing.open_document(doc, signing.public_bytes(hall)) == {1: "x"}
    with pytest.raises(signing.DecodeError):
        signing.open_document(doc, signing.public_bytes(signing.new_private_key()))


def test_qr_of_three_permits_and_a_long_name_is_alphanumeric_level_q_version_at_most_20():
    import qrcode
    import zxingcpp
    from station_licenses import qr

    payload = signing.encode(CLAIMS, signing.new_private_key())
    modules = qr.matrix(payload)
    version = qr.version_of(modules)
    assert version <= qr.MAX_VERSION
    # The smallest version that holds this text in alphanumeric mode at level Q, by an independent encoder:
    # byte mode would need a larger one, so equal versions show zxing-cpp chose alphanumeric.
    ref = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q)
    ref.add_data(qrcode.util.QRData(payload, mode=qrcode.util.MODE_ALPHA_NUM))
    ref.make(fit=True)
    assert version == ref.version
    byte_mode = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q)
    byte_mode.add_data(qrcode.util.QRData(payload, mode=qrcode.util.MODE_8BIT_BYTE))
    byte_mode.make(fit=True)
    assert byte_mode.version > version
    code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="Q")
    read = zxingcpp.read_barcode(code.to_image(scale=3))
    assert read.text == payload and read.extra["ECLevel"] == "Q" and read.extra["Version"] == str(version)
