"""Signed payloads that fit a QR code and verify offline (modelled on the EU Digital COVID Certificate).

    claims (compact CBOR map) -> COSE_Sign1 (Ed25519, RFC 9052) -> zlib -> Base45 (RFC 9285) -> "PSL1:" + text

COSE_Sign1 is built and checked here by hand over cbor2: the protected header is ``{1: -8, 4: kid}``
(alg EdDSA, key id), the unprotected header is empty, and the signature covers
``["Signature1", protected, b"", payload]``. Decoding is strict: one encoding per signed message, so
no change to a valid payload's text (not even to unused bits) can pass as the same licence.
No Qt here; the key files live in the data directory (see ``station.core.station_key``).
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PREFIX = "PSL1:"
COSE_SIGN1_TAG = 18
ALG_EDDSA = -8
HEADER_ALG = 1
HEADER_KID = 4
ZLIB_HEADER = b"\x78\xda"  # deflate, 32K window, level 9: what zlib.compress(..., 9) always writes

# -- Base45 (RFC 9285) -----------------------------------------------------------------------------

BASE45_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_BASE45_VALUE = {c: i for i, c in enumerate(BASE45_ALPHABET)}


class DecodeError(ValueError):
    """The text is not a well-formed encoding (Base45, zlib, CBOR or COSE)."""


def b45encode(data: bytes) -> str:
    out: list[str] = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        c, n = n % 45, n // 45
        d, e = n % 45, n // 45
        out += (BASE45_ALPHABET[c], BASE45_ALPHABET[d], BASE45_ALPHABET[e])
    if len(data) % 2:
        n = data[-1]
        out += (BASE45_ALPHABET[n % 45], BASE45_ALPHABET[n // 45])
    return "".join(out)


def b45decode(text: str) -> bytes:
    try:
        values = [_BASE45_VALUE[c] for c in text]
    except KeyError as exc:
        raise DecodeError(f"not a Base45 character: {exc.args[0]!r}") from None
    if len(values) % 3 == 1:
        raise DecodeError("Base45 text has a dangling character")
    out = bytearray()
    for i in range(0, len(values) - 2, 3):
        n = values[i] + values[i + 1] * 45 + values[i + 2] * 45 * 45
        if n > 0xFFFF:
            raise DecodeError("Base45 triple out of range")
        out += bytes((n >> 8, n & 0xFF))
    if len(values) % 3 == 2:
        n = values[-2] + values[-1] * 45
        if n > 0xFF:
            raise DecodeError("Base45 pair out of range")
        out.append(n)
    return bytes(out)


# -- zlib, strictly ----------------------------------------------------------------------------------


def compress(data: bytes) -> bytes:
    return zlib.compress(data, 9)


def _inflate(data: bytes) -> bytes | None:
    try:
        d = zlib.decompressobj()
        out = d.decompress(data)
        return out if d.eof and not d.unused_data else None
    except zlib.error:
        return None


def decompress(data: bytes) -> bytes:
    """Inflate, refusing any stream zlib itself would not have written for this content.

    zlib's Adler-32 covers the inflated bytes, not the stream: the zlib header's level bits and the
    unused bits after the last deflate block could change without changing the content. The header must
    be the one level 9 writes, and every spare bit of the last deflate byte must be zero (a bit is spare
    when flipping it still inflates to the same content; zlib always writes zeros there).
    """
    if len(data) < 7 or data[:2] != ZLIB_HEADER:
        raise DecodeError("not a zlib stream of this format")
    out = _inflate(data)
    if out is None:
        raise DecodeError("zlib stream is damaged")
    last = len(data) - 5  # the last deflate byte; the Adler-32 checksum follows
    for bit in range(7, -1, -1):
        flipped = bytearray(data)
        flipped[last] ^= 1 << bit
        if _inflate(bytes(flipped)) != out:
            break  # a bit that matters: everything below it is data too
        if data[last] & (1 << bit):
            raise DecodeError("zlib stream has stray bits")
    return out


# -- keys ------------------------------------------------------------------------------------------


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_bytes(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key(raw: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(raw)


def key_id(public: bytes) -> bytes:
    """Eight bytes of SHA-256 of the raw public key: names the key in the COSE header."""
    return hashlib.sha256(public).digest()[:8]


def private_pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def load_private_pem(data: bytes) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(data, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("not an Ed25519 private key")
    return key


# -- COSE_Sign1 (RFC 9052, section 4) ----------------------------------------------------------------


@dataclass(frozen=True)
class Signed:
    """A COSE_Sign1 message taken apart (not yet verified)."""

    protected: bytes
    kid: bytes
    payload: bytes
    signature: bytes

    def claims(self) -> Any:
        return _strict_loads(self.payload)


def _sig_structure(protected: bytes, payload: bytes) -> bytes:
    return cbor2.dumps(["Signature1", protected, b"", payload])


def cose_sign1(claims: Any, key: Ed25519PrivateKey) -> bytes:
    payload = cbor2.dumps(claims)
    protected = cbor2.dumps({HEADER_ALG: ALG_EDDSA, HEADER_KID: key_id(public_bytes(key))})
    signature = key.sign(_sig_structure(protected, payload))
    return cbor2.dumps(cbor2.CBORTag(COSE_SIGN1_TAG, [protected, {}, payload, signature]))


def _strict_loads(data: bytes) -> Any:
    """CBOR that decodes and re-encodes to exactly the same bytes (no trailing data, no odd lengths)."""
    try:
        value = cbor2.loads(data)
    except Exception as exc:  # cbor2 raises several kinds of error on garbage
        raise DecodeError(f"not CBOR: {exc}") from None
    try:
        again = cbor2.dumps(value)
    except Exception as exc:
        raise DecodeError(f"CBOR does not re-encode: {exc}") from None
    if again != data:
        raise DecodeError("CBOR is not in its canonical form")
    return value


def _empty_map(value: Any) -> bool:
    return isinstance(value, Mapping) and len(value) == 0


def cose_parse(data: bytes) -> Signed:
    message = _strict_loads(data)
    if not isinstance(message, cbor2.CBORTag) or message.tag != COSE_SIGN1_TAG:
        raise DecodeError("not a COSE_Sign1 message")
    parts = message.value
    if not isinstance(parts, (list, tuple)) or len(parts) != 4:  # cbor2 gives tagged arrays as tuples
        raise DecodeError("COSE_Sign1 must have four parts")
    protected, unprotected, payload, signature = parts
    if not all(isinstance(p, bytes) for p in (protected, payload, signature)) or not _empty_map(unprotected):
        raise DecodeError("COSE_Sign1 parts have the wrong types")
    header = _strict_loads(protected)
    if not isinstance(header, dict) or set(header) != {HEADER_ALG, HEADER_KID} or header[HEADER_ALG] != ALG_EDDSA:
        raise DecodeError("COSE header is not EdDSA with a key id")
    kid = header[HEADER_KID]
    if not isinstance(kid, bytes) or len(signature) != 64:
        raise DecodeError("COSE key id or signature malformed")
    return Signed(protected=protected, kid=kid, payload=payload, signature=signature)


def cose_verify(signed: Signed, public: bytes) -> bool:
    try:
        public_key(public).verify(signed.signature, _sig_structure(signed.protected, signed.payload))
    except (InvalidSignature, ValueError):
        return False
    return True


# -- the whole chain -------------------------------------------------------------------------------


def encode(claims: Any, key: Ed25519PrivateKey, prefix: str = PREFIX) -> str:
    return prefix + b45encode(compress(cose_sign1(claims, key)))


def has_prefix(text: str, prefix: str = PREFIX) -> bool:
    return text.startswith(prefix)


def decode(text: str, prefix: str = PREFIX) -> Signed:
    """Take a payload apart; raises DecodeError for anything but a well-formed signed message."""
    if not text.startswith(prefix):
        raise DecodeError("missing prefix")
    return cose_parse(decompress(b45decode(text[len(prefix) :])))


def sign_document(claims: Any, key: Ed25519PrivateKey) -> bytes:
    """A signed document that travels as bytes (certificates, trust lists): COSE_Sign1, uncompressed."""
    return cose_sign1(claims, key)


def open_document(data: bytes, public: bytes) -> Any:
    """The claims of a document signed by ``public``; raises DecodeError when it is not."""
    signed = cose_parse(data)
    if signed.kid != key_id(public) or not cose_verify(signed, public):
        raise DecodeError("document signature does not verify")
    return signed.claims()
