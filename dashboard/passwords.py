"""Salted password hashes for the Review sign-in when no OIDC provider is configured.

A hash is "scrypt$N$r$p$salt$key" (salt and key in base64), made by
`python -m dashboard password-hash` and kept in .streamlit/secrets.toml; the
password itself is stored nowhere.

>>> stored = hash_password("correct horse", n=2**10)
>>> verify_password("correct horse", stored), verify_password("wrong", stored), verify_password("x", "junk")
(True, False, False)
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os

N, R, P = 2**14, 8, 1      # scrypt cost: ~50 ms and 16 MB per try
MIN_LENGTH = 10


def hash_password(password: str, n: int = N, r: int = R, p: int = P) -> str:
    salt = os.urandom(16)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)
    return "$".join(["scrypt", str(n), str(r), str(p), _b64(salt), _b64(key)])


def verify_password(password: str, stored: str) -> bool:
    """True when `password` gives `stored`; False for a wrong password or a malformed hash."""
    try:
        scheme, n, r, p, salt, key = str(stored).split("$")
        if scheme != "scrypt":
            return False
        n, r, p = int(n), int(r), int(p)
        if not (2 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):   # a hash cannot ask for any cost
            return False
        expected = base64.b64decode(key, validate=True)
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt, validate=True),
                             n=n, r=r, p=p, dklen=len(expected), maxmem=2**27)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")
