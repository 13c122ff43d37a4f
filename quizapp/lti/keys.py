"""Keep the tool's RSA key: generated once in the instance folder (mode 0600), rotatable, published as a JWKS."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from flask import current_app
from pylti1p3.registration import Registration

KEY_BITS = 2048
PRIVATE_NAME = "tool_key.pem"
RETIRED_NAME = "retired_keys.json"


@dataclass(frozen=True)
class ToolKey:
    """The tool's current key pair, in PEM, and its key id (the JWK thumbprint)."""

    private_pem: str
    public_pem: str
    kid: str


def key_folder() -> Path:
    """Return the folder of the tool's keys, made owner-only on first use."""
    folder = Path(current_app.config.get("LTI_KEY_DIR") or Path(current_app.instance_path) / "lti")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _write_private(path: Path, pem: bytes) -> None:
    # Written beside, then renamed: a reader never sees half a key, and the file is owner-only from its creation.
    partial = path.with_suffix(".new")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    os.replace(partial, path)


def _new_private_pem() -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _public_pem(private_pem: bytes) -> str:
    key = serialization.load_pem_private_key(private_pem, password=None)
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def current_key() -> ToolKey:
    """Return the tool's key, generating it the first time it is needed."""
    path = key_folder() / PRIVATE_NAME
    if not path.exists():
        _write_private(path, _new_private_pem())
    private_pem = path.read_bytes()
    public_pem = _public_pem(private_pem)
    return ToolKey(private_pem.decode(), public_pem, Registration.get_jwk(public_pem)["kid"])


def _retired() -> list[dict]:
    path = key_folder() / RETIRED_NAME
    if not path.exists():
        return []
    try:
        return list(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError):
        return []


def rotate(now: dt.datetime) -> ToolKey:
    """Replace the tool's key with a new one; the old public key stays in the JWKS for LTI_KEY_RETIRED_DAYS."""
    old = current_key()
    keep = [entry for entry in _retired() if _still_published(entry, now)]
    keep.append({"public_pem": old.public_pem, "kid": old.kid, "retired_at": now.isoformat()})
    retired_path = key_folder() / RETIRED_NAME
    retired_path.write_text(json.dumps(keep), encoding="utf-8")
    _write_private(key_folder() / PRIVATE_NAME, _new_private_pem())
    return current_key()


def _still_published(entry: dict, now: dt.datetime) -> bool:
    days = float(current_app.config.get("LTI_KEY_RETIRED_DAYS", 7))
    try:
        retired_at = dt.datetime.fromisoformat(entry["retired_at"])
    except (KeyError, TypeError, ValueError):
        return False
    return now - retired_at < dt.timedelta(days=days)


def retired_keys(now: dt.datetime) -> list[dict]:
    """Return the retired public keys still published: platforms may hold tokens they signed."""
    return [entry for entry in _retired() if _still_published(entry, now)]


def jwks(now: dt.datetime) -> dict:
    """Return the tool's public keys as a JSON Web Key Set: the current one first, then recent retired ones."""
    keys = [Registration.get_jwk(current_key().public_pem)]
    keys.extend(Registration.get_jwk(entry["public_pem"]) for entry in retired_keys(now))
    return {"keys": keys}
