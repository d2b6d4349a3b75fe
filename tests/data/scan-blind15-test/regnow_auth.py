"""
regnow/auth.py -- sign-in and self-service account creation for RegNow,
the CVU course-registration front end.

RegNow does not keep passwords.  Students authenticate against the
"RegNow" application in our Stormpath tenant (calder-valley), which maps
the "CVU Students" cloud directory and the "CVU AD" mirror directory.

Two kinds of error numbers meet in this module and people keep mixing
them up in tickets, so:

  * RegNowError  -- OUR numbers.  They come from the Registrar's interface
                    spec (REG-IF-07, rev C) and are what the Banner side
                    and the help desk see.  They are NOT Stormpath codes,
                    even where the numbers look familiar.
  * STORMPATH_LOGIN_ERRORS -- Stormpath's own error codes (the "code"
                    field of a Stormpath error body), mapped to the text we
                    show students.

Maintainer: Grace Liu (Registrar Systems), grace.liu@caldervalley.edu
"""

import logging
import time
from enum import IntEnum

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from stormpath.client import Client
from stormpath.error import Error as StormpathError

log = logging.getLogger("regnow.auth")

bp = Blueprint("auth", __name__, url_prefix="/auth")


class RegNowError(IntEnum):
    """RegNow's own error numbers (REG-IF-07 section 4).  Not Stormpath's."""

    NO_ACTIVE_TERM = 4001        # no term open for registration in Banner
    TERM_CLOSED = 4002           # add/drop deadline passed
    HOLD_ON_RECORD = 5100        # registrar / bursar hold (see registrar_holds)
    ADVISOR_PIN_REQUIRED = 5101  # first-years need the advisor PIN
    BANNER_UNAVAILABLE = 9001    # Banner INB/SSB did not answer in time


# Stormpath error codes -> what we tell the student.  Keys are the numeric
# "code" from the Stormpath error body (e.code in the Python SDK).
STORMPATH_LOGIN_ERRORS = {
    7100: "That password is not right. Use 'Forgot password' if you need a new one.",
    7101: "Your CVU account is disabled. Please contact the ITS Service Desk.",
    7102: "You have not verified your e-mail address yet. Check your CVU inbox "
          "for the message from no-reply@caldervalley.edu.",
    7104: "We could not find an account with that username or e-mail.",
    7106: "Sign-in is temporarily unavailable for your account type. "
          "Please try again later.",
}

STORMPATH_REGISTER_ERRORS = {
    2001: "An account with that e-mail already exists. Try signing in instead.",
    2007: "Your password is too short (minimum 10 characters).",
}

GENERIC_MESSAGE = "Sign-in failed. If this keeps happening, call the Service Desk at x2002."

_client = None


def stormpath_app():
    """Lazily build the Stormpath client (one per worker process)."""
    global _client
    if _client is None:
        _client = Client(
            id=current_app.config["STORMPATH_API_KEY_ID"],
            secret=current_app.config["STORMPATH_API_KEY_SECRET"],
        )
    return _client.applications.get(current_app.config["STORMPATH_APPLICATION_HREF"])


def _log_stormpath_error(action, err, started):
    elapsed_ms = int((time.monotonic() - started) * 1000)
    log.warning(
        "%s failed: status=%s code=%s dev=%r more_info=%s (%d ms)",
        action,
        getattr(err, "status", None),
        getattr(err, "code", None),
        getattr(err, "developer_message", None),
        getattr(err, "more_info", None),
        elapsed_ms,
    )


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("auth/login.html")

    login_name = request.form.get("login", "").strip()
    password = request.form.get("password", "")
    started = time.monotonic()
    try:
        result = stormpath_app().authenticate_account(login_name, password)
    except StormpathError as e:
        _log_stormpath_error("login", e, started)
        flash(STORMPATH_LOGIN_ERRORS.get(e.code, GENERIC_MESSAGE), "error")
        return render_template("auth/login.html", login=login_name), 401

    account = result.account
    session["account_href"] = account.href
    session["banner_id"] = account.custom_data.get("bannerId")
    return redirect(url_for("register.home"))


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Self-service account creation for admitted students who do not yet
    have a CVU account (mostly transfer students, see HD-2016-07731)."""
    if request.method == "GET":
        return render_template("auth/register.html")

    started = time.monotonic()
    try:
        stormpath_app().accounts.create({
            "given_name": request.form["given_name"],
            "surname": request.form["surname"],
            "email": request.form["email"],
            "password": request.form["password"],
            "custom_data": {"bannerId": request.form["banner_id"]},
        })
    except StormpathError as e:
        _log_stormpath_error("register", e, started)
        flash(STORMPATH_REGISTER_ERRORS.get(e.code, GENERIC_MESSAGE), "error")
        return render_template("auth/register.html"), 400

    flash("Account created. Check your CVU e-mail to verify it.", "info")
    return redirect(url_for("auth.login"))


def registrar_error(code: RegNowError, detail: str = ""):
    """Render one of OUR errors (not a Stormpath one) the way the Registrar wants."""
    log.info("RegNow error %d (%s) %s", code.value, code.name, detail)
    return render_template("errors/regnow.html", code=int(code), name=code.name, detail=detail), 409


# Example, from the unit tests: a student with a bursar hold trying to add
# CS 2001 (section 02, CRN 41877) in term 201710 gets RegNowError 5100,
# HOLD_ON_RECORD -- never a Stormpath error, the login itself succeeded.
