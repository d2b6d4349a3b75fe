package com.halcyonrooftop.portal.auth;

import com.stormpath.sdk.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns failures from the MyHalcyon login flow into something the portal can show.
 *
 * Two very different kinds of failure end up in this class:
 *  - Stormpath ResourceExceptions from Application#authenticateAccount
 *  - JDBC failures from the portal database (MySQL 5.6 on db01.halcyon.local:3306),
 *    whose vendor error numbers live in the same four-digit neighbourhood.
 * Keep the two switch statements apart. See PORTAL-412 and PORTAL-588.
 *
 * @author r.okafor (2015-02), last touched by d.brandt (2016-08)
 */
@Component
public class AuthFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(AuthFailureHandler.class);

    // --- Stormpath login failure codes (Account category) -------------------
    static final int SP_BAD_PASSWORD     = 7100;
    static final int SP_ACCOUNT_DISABLED = 7101;
    static final int SP_NOT_VERIFIED     = 7102;
    static final int SP_ACCOUNT_LOCKED   = 7103;
    static final int SP_NO_SUCH_ACCOUNT  = 7104;

    // --- MySQL server / client error numbers (SQLException#getErrorCode) ----
    static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    static final int ER_LOCK_DEADLOCK     = 1213;
    static final int CR_SERVER_GONE_ERROR = 2006;
    static final int CR_SERVER_LOST       = 2013;

    private static final int MAX_DB_RETRIES = 3;
    private static final long RETRY_BACKOFF_MS = 2000L;
    private static final int LOCKOUT_THRESHOLD = 5;      // our own counter, before Stormpath locks
    private static final int SESSION_TIMEOUT_SECONDS = 1800;

    private final MessageSource messages;
    private final LoginAttemptRepository attempts;

    public AuthFailureHandler(MessageSource messages, LoginAttemptRepository attempts) {
        this.messages = messages;
        this.attempts = attempts;
    }

    public AuthResult onStormpathFailure(ResourceException e, String login, Locale locale) {
        int code = e.getCode();
        switch (code) {
            case SP_BAD_PASSWORD:
            case SP_NO_SUCH_ACCOUNT:
                // Never tell the visitor which of the two it was.
                recordAttempt(login);
                return AuthResult.fail(HttpStatus.UNAUTHORIZED,
                        messages.getMessage("stormpath.web.errors.7100", null, locale));
            case SP_ACCOUNT_LOCKED:
                return AuthResult.fail(HttpStatus.LOCKED,            // 423
                        messages.getMessage("portal.login.locked", null, locale));
            case SP_NOT_VERIFIED:
                return AuthResult.resendVerification(login);
            case SP_ACCOUNT_DISABLED:
                return AuthResult.fail(HttpStatus.FORBIDDEN,
                        messages.getMessage("portal.login.disabled", null, locale));
            default:
                log.warn("Unhandled Stormpath error {} (HTTP {}) for {}: {} [{}]",
                        code, e.getStatus(), login, e.getDeveloperMessage(), e.getMoreInfo());
                return AuthResult.fail(HttpStatus.SERVICE_UNAVAILABLE,
                        messages.getMessage("portal.login.try_later", null, locale));
        }
    }

    /** True when a failed attempt write to login_attempts may be retried. */
    boolean isRetryable(SQLException ex) {
        switch (ex.getErrorCode()) {
            case ER_LOCK_WAIT_TIMEOUT:
            case ER_LOCK_DEADLOCK:
            case CR_SERVER_GONE_ERROR:
            case CR_SERVER_LOST:
                return true;
            default:
                // 08S01 = communication link failure, no vendor code set by Connector/J
                return "08S01".equals(ex.getSQLState());
        }
    }

    private void recordAttempt(String login) {
        for (int i = 1; i <= MAX_DB_RETRIES; i++) {
            try {
                int recent = attempts.countSince(login, SESSION_TIMEOUT_SECONDS);
                attempts.insert(login);
                if (recent + 1 >= LOCKOUT_THRESHOLD) {
                    log.info("{} reached {} failed logins in {}s", login, recent + 1, SESSION_TIMEOUT_SECONDS);
                }
                return;
            } catch (SQLException ex) {
                if (!isRetryable(ex) || i == MAX_DB_RETRIES) {
                    log.error("login_attempts write failed, MySQL error {} / SQLState {}",
                            ex.getErrorCode(), ex.getSQLState(), ex);
                    return;
                }
                sleepQuietly(RETRY_BACKOFF_MS * i);
            }
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
