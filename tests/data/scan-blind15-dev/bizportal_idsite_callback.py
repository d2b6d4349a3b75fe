# -*- coding: utf-8 -*-
"""
bizportal/auth/idsite.py

CV Business Online (the business-member portal) signs users in through
Stormpath ID Site (login.cedarvalleycu.org -> cedar-valley-cu.id.stormpath.io).
This module builds the redirect to ID Site and handles the callback
(the signed JWT that ID Site posts back to /sso/callback).

Owner: Digital Banking Dev (raj.patel).  Python 2.7 / Flask 0.10 / stormpath 2.4.x
"""
from __future__ import absolute_import, unicode_literals

import logging
import time
from enum import IntEnum

from flask import Blueprint, current_app, redirect, request, session, url_for, render_template
from stormpath.client import Client
from stormpath.error import Error as StormpathError

log = logging.getLogger(__name__)
bp = Blueprint('idsite', __name__)

# ---------------------------------------------------------------------------
# Stormpath error codes we treat specially on the ID Site callback.
# (https://docs.stormpath.com/rest/product-guide/latest/errors.html)
# ---------------------------------------------------------------------------
SP_ACCESS_TOKEN_EXPIRED = 10011    # token no longer valid because it has expired
SP_ORG_NAMEKEY_UNKNOWN = 11001     # organization nameKey does not exist in our tenant
SP_JTI_ALREADY_USED = 11005        # same jti used twice (user hit Back / double POST)
SP_IDSITE_SESSION_TIMEOUT = 12001  # user sat on ID Site too long
SP_IDSITE_NOT_AUTHENTICATED = 12002  # ID Site token without status=AUTHENTICATED

RETRY_FROM_SCRATCH = frozenset([SP_JTI_ALREADY_USED, SP_IDSITE_SESSION_TIMEOUT, SP_ACCESS_TOKEN_EXPIRED])


class BizErr(IntEnum):
    """CV Business Online error numbers. OURS, printed on the error page as
    "BP-nnnnn" for the business services desk. They have nothing to do with
    Stormpath's numbering; a few happen to look similar, which has confused
    people before (see HD-16203)."""
    SIGN_IN_AGAIN = 10001
    COMPANY_NOT_SET_UP = 10002      # org missing in Stormpath -> company not onboarded yet
    NOT_AUTHORIZED_SIGNER = 1902    # user not on the business resolution on file in Keystone
    SIGNER_LIMIT = 2013             # more than 8 signers on the account
    ACH_CUTOFF_PASSED = 13001       # same-day ACH window closed (2:45 PM CT)
    INTERNAL = 99999


SESSION_MAX_AGE = 15 * 60           # seconds; NCUA exam finding 2015-07: 15 min idle
IDSITE_CALLBACK_PATH = '/sso/callback'


def _client():
    return Client(
        id=current_app.config['STORMPATH_API_KEY_ID'],
        secret=current_app.config['STORMPATH_API_KEY_SECRET'],
    )


def _application():
    return _client().applications.get(current_app.config['STORMPATH_APPLICATION_HREF'])


@bp.route('/login')
def login():
    org = request.args.get('company')  # organization nameKey, e.g. "riverside-ag-coop"
    url = _application().build_id_site_redirect_url(
        callback_uri=url_for('idsite.callback', _external=True, _scheme='https'),
        organization_name_key=org,
        show_organization_field=org is None,
        state=session.setdefault('idsite_state', str(int(time.time()))),
    )
    return redirect(url)


@bp.route('/sso/callback')
def callback():
    try:
        result = _application().handle_id_site_callback(request.url)
    except StormpathError as e:
        return _callback_failed(e)

    if result is None or result.account is None:
        log.warning('ID Site callback without account, status=%s', getattr(result, 'status', None))
        return _error_page(BizErr.SIGN_IN_AGAIN)

    session.clear()
    session['account_href'] = result.account.href
    session['org'] = result.account.custom_data.get('companyId')
    session['signed_in_at'] = int(time.time())
    session.permanent = True
    log.info('business user signed in: %s (%s)', result.account.username, session['org'])
    return redirect(url_for('dashboard.home'))


def _callback_failed(e):
    """e is a stormpath.error.Error: e.status, e.code, e.message,
    e.developer_message, e.more_info."""
    log.warning('ID Site callback rejected: status=%s code=%s dev=%r more_info=%s',
                e.status, e.code, e.developer_message, e.more_info)

    if e.code in RETRY_FROM_SCRATCH:
        # Nothing the user did wrong; send them back through ID Site.
        return redirect(url_for('idsite.login', company=request.args.get('company')))

    if e.code == SP_ORG_NAMEKEY_UNKNOWN:
        # The company typed a nameKey we never created. Usually a new business
        # member whose onboarding ticket is still open with Business Services.
        return _error_page(BizErr.COMPANY_NOT_SET_UP)

    if e.code == SP_IDSITE_NOT_AUTHENTICATED:
        # Happens when someone bookmarks the callback URL of a registration
        # or password-reset flow. Treat like "sign in again".
        return _error_page(BizErr.SIGN_IN_AGAIN)

    log.error('unexpected Stormpath error on ID Site callback: %s', e)
    return _error_page(BizErr.INTERNAL)


def _error_page(err):
    return render_template('error.html', code='BP-%05d' % int(err), err=err.name), 400


@bp.before_app_request
def enforce_idle_timeout():
    signed_in_at = session.get('signed_in_at')
    if signed_in_at and time.time() - signed_in_at > SESSION_MAX_AGE:
        session.clear()
        return redirect(url_for('idsite.login'))
    return None
