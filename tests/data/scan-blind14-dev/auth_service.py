"""Login and social sign-in for the crew scheduling app (Flask, Python 2.7).

Error sources that end up in here:
  * stormpath.error.Error  -> .status, .code, .developer_message, .more_info
  * pymysql errors         -> MySQL error number in e.args[0]
  * smtplib errors         -> SMTP reply code in e.smtp_code
The numbers look alike in the logs.  Only the first kind are Stormpath codes.

Owner: field-ops web team (#crew-app).  Ticket history: HRE-1190, HRE-1217.
"""
import logging
import smtplib
import time

import pymysql
from stormpath.error import Error as StormpathError

log = logging.getLogger(__name__)

# --- Stormpath ---------------------------------------------------------------
BAD_CREDENTIALS = (7100, 7104)          # wrong password / no such account: same answer
ACCOUNT_DISABLED = 7101
SOCIAL_FAILURES = frozenset([7200, 7201])  # Google sign-in for crew leads

# --- MySQL (crew_schedule on db02:3306) ---------------------------------------
# 1040 too many connections, 1205 lock wait timeout, 1213 deadlock,
# 2003 can't connect to server, 2013 lost connection during query
MYSQL_RETRYABLE = {1040, 1205, 1213, 2003, 2013}
DB_CONNECT_TIMEOUT = 5
DB_MAX_ATTEMPTS = 4

# --- SMTP (notifications via smtp.office365.com) -----------------------------
SMTP_HOST = 'smtp.office365.com'
SMTP_PORT = 587
SMTP_TRANSIENT = {421, 450, 451, 452}

HTTP_TIMEOUT = (3.05, 27)


def login(application, username, password):
    """Return (account, None) or (None, message for the login page)."""
    try:
        result = application.authenticate_account(username, password)
        return result.account, None
    except StormpathError as e:
        if e.code in BAD_CREDENTIALS:
            return None, 'Wrong e-mail or password.'
        if e.code == ACCOUNT_DISABLED:
            return None, 'Your crew account has been switched off. Please call dispatch.'
        log.error('stormpath login error status=%s code=%s: %s (%s)',
                  e.status, e.code, e.developer_message, e.more_info)
        return None, 'Sign-in is not available right now.'


def google_login(application, access_token):
    try:
        result = application.get_provider_account(provider='google', access_token=access_token)
        return result.account, None
    except StormpathError as e:
        if e.code in SOCIAL_FAILURES:
            # 7200: Google refused the token / bad directory config
            # 7201: Google's answer had no e-mail (personal accounts w/o scope)
            log.warning('google sign-in failed (%s): %s', e.code, e.developer_message)
            return None, 'Google sign-in failed. Please use your crew e-mail and password.'
        raise


def with_db(fn):
    """Run fn(conn), retrying the transient MySQL failures."""
    delay = 0.5
    for attempt in range(1, DB_MAX_ATTEMPTS + 1):
        conn = None
        try:
            conn = pymysql.connect(host='db02.halcyon.local', port=3306, db='crew_schedule',
                                   connect_timeout=DB_CONNECT_TIMEOUT, read_default_file='~/.my.cnf')
            return fn(conn)
        except pymysql.err.MySQLError as e:
            errno = e.args[0] if e.args else None
            if errno not in MYSQL_RETRYABLE or attempt == DB_MAX_ATTEMPTS:
                log.error('MySQL error %s on attempt %d: %s', errno, attempt, e)
                raise
            time.sleep(delay)
            delay *= 2
        finally:
            if conn is not None:
                conn.close()


def send_schedule_mail(to_addr, body):
    try:
        s = smtplib.SMTP(SMTP_HOST, SMTP_PORT, timeout=20)
        s.starttls()
        s.sendmail('dispatch@halcyonrooftop.com', [to_addr], body)
        s.quit()
    except smtplib.SMTPResponseException as e:
        if e.smtp_code in SMTP_TRANSIENT:
            log.warning('SMTP %s, will retry from the queue', e.smtp_code)
            return False
        raise
    return True
