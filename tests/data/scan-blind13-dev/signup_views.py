# -*- coding: utf-8 -*-
"""
twforums/accounts/signup_views.py

Forum registration (forums.tidewater-games.com) on top of Flask-Stormpath 0.4.
SMS opt-in for patch-day notifications goes through Twilio; profile rows
live in Postgres (forums db, port 5432).
"""
import logging
import smtplib

import psycopg2
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_stormpath import User
from stormpath.error import Error as StormpathError
from twilio.rest.exceptions import TwilioRestException

from .db import get_conn
from .sms import twilio_client, FROM_NUMBER

log = logging.getLogger(__name__)
bp = Blueprint("signup", __name__)

# Stormpath error code -> what the player sees on the form
STORMPATH_SIGNUP_ERRORS = {
    2000: u"Please fill in every required field.",
    2001: u"That email address (or username) is already registered. Try signing in.",
    2006: u"That doesn't look like a valid email address.",
    2007: u"Your password is too short - use at least 8 characters.",
    7205: u"Sign-ups from that email domain aren't allowed.",
}

# Postgres SQLSTATEs we treat specially
PG_UNIQUE_VIOLATION = "23505"
PG_FK_VIOLATION = "23503"

# Twilio REST error codes for a bad phone number - don't retry these
TWILIO_BAD_NUMBER = (21211, 21614, 21408)

MAX_SIGNATURE_LEN = 1000
DB_RETRIES = 3
SMTP_PORT = 587


@bp.route("/register", methods=["GET", "POST"])
def register():
    if request.method == "GET":
        return render_template("accounts/register.html")

    form = request.form
    try:
        account = User.create(
            email=form["email"],
            password=form["password"],
            given_name=form.get("given_name") or "Player",
            surname=form.get("surname") or "Unknown",
            username=form.get("forum_name"),
        )
    except StormpathError as err:
        msg = STORMPATH_SIGNUP_ERRORS.get(err.code)
        if msg is None:
            log.error("stormpath signup failed status=%s code=%s dev=%r",
                      err.status, err.code, err.developer_message)
            msg = u"Something went wrong creating your account. Please try again."
        flash(msg, "error")
        return render_template("accounts/register.html", form=form), 400

    _create_profile(account, form.get("signature", "")[:MAX_SIGNATURE_LEN])

    phone = form.get("sms_phone")
    if phone:
        _send_sms_welcome(phone)

    return redirect(url_for("signup.check_email"))


def _create_profile(account, signature):
    for attempt in range(1, DB_RETRIES + 1):
        conn = get_conn()
        try:
            with conn, conn.cursor() as cur:
                cur.execute(
                    "INSERT INTO profiles (sp_href, forum_name, signature) VALUES (%s, %s, %s)",
                    (account.href, account.username, signature),
                )
            return
        except psycopg2.Error as e:
            if e.pgcode == PG_UNIQUE_VIOLATION:
                log.warning("profile already exists for %s", account.href)
                return
            if e.pgcode == PG_FK_VIOLATION or attempt == DB_RETRIES:
                raise
            log.info("profile insert failed (%s), retry %d/%d", e.pgcode, attempt, DB_RETRIES)


def _send_sms_welcome(phone):
    try:
        twilio_client.messages.create(to=phone, from_=FROM_NUMBER,
                                      body="Tidewater: you'll get a text on patch days. Reply STOP to opt out.")
    except TwilioRestException as e:
        if e.code in TWILIO_BAD_NUMBER:
            flash(u"We couldn't send a text to that number; check it in your profile.", "warning")
        else:
            log.exception("twilio error %s (HTTP %s)", e.code, e.status)


def send_admin_alert(subject, body):
    try:
        s = smtplib.SMTP("smtp.tidewater.local", SMTP_PORT, timeout=10)
        s.sendmail("forums@tidewater-games.com", ["community@tidewater-games.com"],
                   "Subject: %s\n\n%s" % (subject, body))
    except smtplib.SMTPRecipientsRefused as e:
        # 550 5.1.1 mailbox unavailable, usually
        log.error("admin alert refused: %r", e.recipients)
