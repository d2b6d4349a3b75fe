"""Tests for refillrx.signup -- owner self-registration against the Stormpath RefillRx app.

Run: ./manage.py test refillrx.tests.test_refill_signup
"""
from unittest import mock

from django.test import TestCase, override_settings
from django.urls import reverse

from stormpath.error import Error as StormpathError

from refillrx.signup import register_owner, SignupProblem


def fake_stormpath_error(status, code, message, developer_message=None):
    """Build the error the Python SDK raises, without talking to api.stormpath.com."""
    err = StormpathError({
        "status": status,
        "code": code,
        "message": message,
        "developerMessage": developer_message or message,
        "moreInfo": "http://docs.stormpath.com/errors/%d" % code,
    })
    return err


VALID_FORM = {
    "email": "maggie.thornton@example.com",
    "password": "Corgi!2016walks",
    "given_name": "Maggie",
    "surname": "Thornton",
    "phone": "541-555-0147",
    "pet_microchip": "985112003456789",
    "clinic_id": 17,  # Brightpaw Springfield
}


@override_settings(STORMPATH_APPLICATION_HREF="https://api.stormpath.com/v1/applications/3ZqkRfillRxAPPxx")
class RegisterOwnerTests(TestCase):

    def setUp(self):
        patcher = mock.patch("refillrx.signup.stormpath_app")
        self.app = patcher.start()
        self.addCleanup(patcher.stop)

    def test_duplicate_email_maps_to_email_taken(self):
        self.app.accounts.create.side_effect = fake_stormpath_error(
            409, 2001, "Account with that email already exists.  Please choose another email.")
        with self.assertRaises(SignupProblem) as ctx:
            register_owner(VALID_FORM)
        self.assertEqual(ctx.exception.field, "email")
        self.assertEqual(ctx.exception.key, "signup.email_taken")

    def test_missing_email_is_field_error(self):
        self.app.accounts.create.side_effect = fake_stormpath_error(
            400, 2000, "Account email is required; it cannot be null, empty, or blank.")
        with self.assertRaises(SignupProblem) as ctx:
            register_owner(dict(VALID_FORM, email=""))
        self.assertEqual(ctx.exception.field, "email")

    def test_short_password(self):
        self.app.accounts.create.side_effect = fake_stormpath_error(
            400, 2007, "Account password minimum length not satisfied.")
        with self.assertRaises(SignupProblem) as ctx:
            register_owner(dict(VALID_FORM, password="cat"))
        self.assertEqual(ctx.exception.key, "signup.password_short")

    def test_bad_custom_data_key_is_a_server_bug_not_a_field_error(self):
        # We once stored the clinic as customData["-clinic"]; Stormpath refuses leading dashes.
        self.app.accounts.create.side_effect = fake_stormpath_error(400, 3002, "Property name is invalid.")
        with self.assertRaises(RuntimeError):
            register_owner(VALID_FORM)

    def test_unverified_account_after_signup_redirects_to_check_email(self):
        self.app.accounts.create.return_value = mock.Mock(status="UNVERIFIED", email=VALID_FORM["email"])
        self.app.authenticate_account.side_effect = fake_stormpath_error(
            400, 7102, "Login attempt failed because the Account is not verified.")
        resp = self.client.post(reverse("refill:signup"), VALID_FORM)
        self.assertEqual(resp.status_code, 302)
        self.assertTrue(resp["Location"].endswith("/check-your-email/"))

    def test_http_500_is_not_swallowed(self):
        self.app.accounts.create.side_effect = fake_stormpath_error(500, 500, "Internal Server Error")
        with self.assertRaises(StormpathError):
            register_owner(VALID_FORM)
