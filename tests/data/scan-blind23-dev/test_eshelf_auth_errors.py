# tests/test_auth_errors.py
import pytest
from stormpath.error import Error as StormpathError

from eshelf.auth.errors import (LOAN_LIMIT, LOAN_PERIOD_DAYS, should_reauth,
                                translate)


def fake_sp_error(code, status=400, message='', developer_message=None):
    """Build a Stormpath error the way the SDK does from a REST error body."""
    return StormpathError({
        'status': status,
        'code': code,
        'message': message,
        'developerMessage': developer_message or message,
        'moreInfo': 'http://docs.stormpath.com/errors/%d' % code,
    }, http_status=status)


class FakeLendStreamError(Exception):
    def __init__(self, code):
        super().__init__('LendStream error %d' % code)
        self.lendstream_code = code


def test_wrong_pin_is_400():
    err = fake_sp_error(7100, message='Login attempt failed because the specified password is incorrect.')
    msg, status = translate(err)
    assert status == 400
    assert 'PIN' in str(msg)


def test_reset_disabled():
    err = fake_sp_error(5115, developer_message=(
        'The application cannot attempt the password reset workflow because it is disabled.'))
    msg, status = translate(err)
    assert status == 400
    assert 'call your branch' in str(msg)


@pytest.mark.parametrize('code', [10011, 10015])
def test_dead_tokens_force_reauth(code):
    assert should_reauth(fake_sp_error(code))
    _, status = translate(fake_sp_error(code))
    assert status == 401


def test_forgot_pin_unknown_email_does_not_leak():
    err = fake_sp_error(2016, message="The email property value 'nobody@example.org' does not match a known resource.")
    msg, status = translate(err)
    assert status == 200


def test_server_error_maps_to_503():
    _, status = translate(fake_sp_error(7100, status=500))
    assert status == 503


def test_lendstream_code_is_not_a_stormpath_code():
    # LendStream 1004 = loan limit; must not be confused with anything from Stormpath
    msg, status = translate(FakeLendStreamError(1004))
    assert status == 409


def test_policy_constants():
    assert LOAN_LIMIT == 10
    assert LOAN_PERIOD_DAYS == 21
