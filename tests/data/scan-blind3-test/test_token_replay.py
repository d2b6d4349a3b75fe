import time

import jwt
import pytest

from acme.auth import verify_access_token, TokenRejected

SECRET = "test-secret"
LEEWAY_SECONDS = 30
ISSUED = 1475280000  # 2016-10-01


def make_token(jti="jti-1", iat=ISSUED, key=SECRET):
    return jwt.encode({"jti": jti, "iat": iat, "exp": iat + 3600}, key, algorithm="HS256")


def test_replayed_token_is_rejected(stormpath_stub):
    stormpath_stub.reply(400, developerMessage=(
        "Token is invalid because a token with the same identifier (jti) was already used."))
    with pytest.raises(TokenRejected) as exc:
        verify_access_token(make_token())
    assert "same identifier" in str(exc.value)


def test_bad_signature(stormpath_stub):
    stormpath_stub.reply(400, developerMessage="Token invalid: verifying the JWT signature failed.")
    with pytest.raises(TokenRejected):
        verify_access_token(make_token(key="other"))


def test_fresh_token_ok(stormpath_stub, monkeypatch):
    monkeypatch.setattr(time, "time", lambda: ISSUED + 10)
    stormpath_stub.reply(200)
    assert verify_access_token(make_token()) is not None
