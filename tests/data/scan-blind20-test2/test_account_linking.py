"""Tests for HawkLog's "link your Google sign-in" feature.

HawkLog lets a falconer link their Google account to their password account.
The link is a Stormpath Account Link; when Stormpath refuses, the HawkLog API
returns its own error (HL_LINK_* below) to the app.

Run: pytest tests/test_account_linking.py   (needs the Stormpath stub running)
Brackwater Falconry Ltd, May 2017.
"""
import pytest

from hawklog_api import linking

# HawkLog API's own error codes for linking. NOT Stormpath codes.
HL_LINK_ALREADY_DONE = 7501
HL_LINK_NOT_ALLOWED = 7503

STUB = "http://localhost:9005"  # stormpath-stub, see docker-compose.yml


def stormpath_error(status, code, message):
    """Error body in the shape Stormpath returns."""
    return {"status": status, "code": code, "message": message,
            "developerMessage": message,
            "moreInfo": "https://docs.stormpath.com/rest/product-guide/latest/errors.html"}


@pytest.fixture
def stub(requests_mock):
    return requests_mock


def test_already_linked_is_not_an_error(stub):
    # Stormpath 7500: these accounts are already linked.
    stub.post(STUB + "/v1/accountLinks", status_code=409,
              json=stormpath_error(409, 7500, "These accounts are already linked."))
    result = linking.link("acct-password", "acct-google", base=STUB)
    assert result.ok
    assert result.hl_error is None


def test_same_directory_maps_to_not_allowed(stub):
    # Stormpath 7504: cannot link two accounts in the same directory.
    stub.post(STUB + "/v1/accountLinks", status_code=400,
              json=stormpath_error(400, 7504, "Cannot link Account x and Account y "
                                               "because they are in the same Directory."))
    result = linking.link("acct-a", "acct-b", base=STUB)
    assert result.hl_error == HL_LINK_NOT_ALLOWED


def test_google_already_linked_elsewhere(stub):
    # Stormpath 7505: account is already linked to an account in that directory.
    stub.post(STUB + "/v1/accountLinks", status_code=409,
              json=stormpath_error(409, 7505, "Account acct-google is already linked "
                                               "to an Account in Directory staff-ad."))
    result = linking.link("acct-password", "acct-google", base=STUB)
    assert result.hl_error == HL_LINK_ALREADY_DONE
    assert "already linked" in result.message
