/*
 * Copyright (c) 2015-2016 Tidewater Interactive, LLC. All rights reserved.
 *
 * twid-auth: login front door for Tidewater ID (launcher, web store, forums).
 */
package com.tidewater.id.auth;

import com.stormpath.sdk.resource.ResourceException;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed Stormpath login into something we can show a player.
 *
 * <p>Rule from security review (TWID-412): never tell the player whether the
 * username or the password was wrong. Both go to the same message.</p>
 *
 * <p>Also decides whether a failed read of the local session DB (MySQL on
 * port 3306) is worth retrying.</p>
 */
public final class AuthErrorMapper {

    private static final Logger log = LoggerFactory.getLogger(AuthErrorMapper.class);

    // --- MySQL Connector/J vendor error codes (SQLException#getErrorCode) ---
    private static final int CR_CONNECTION_ERROR   = 2002;
    private static final int CR_SERVER_GONE_ERROR  = 2006;
    private static final int CR_SERVER_LOST        = 2013;
    private static final int ER_LOCK_WAIT_TIMEOUT  = 1205;
    private static final int ER_LOCK_DEADLOCK      = 1213;

    private static final int  MAX_DB_RETRIES      = 3;
    private static final long RETRY_BACKOFF_MS    = 1500L;
    private static final long LOCKOUT_HINT_MINUTES = TimeUnit.SECONDS.toMinutes(1800);

    private AuthErrorMapper() {
    }

    public static LoginResult fromStormpath(ResourceException ex, String login) {
        final int httpStatus = ex.getStatus();   // 400 for every login failure
        final int spCode = ex.getCode();

        switch (spCode) {
            case 7100: // password is incorrect
            case 7104: // no account with that username/email in the app's account stores
                return LoginResult.fail("login.error.badCredentials",
                        HttpServletResponse.SC_UNAUTHORIZED);

            case 7101: // account disabled (we disable on chargeback, see BillingHooks)
                return LoginResult.fail("login.error.disabled", HttpServletResponse.SC_FORBIDDEN);

            case 7102: // never clicked the verification link
                return LoginResult.fail("login.error.unverified", HttpServletResponse.SC_FORBIDDEN)
                        .withAction(LoginResult.Action.RESEND_VERIFICATION);

            case 7103: // locked after too many attempts
                return LoginResult.fail("login.error.locked", 423)
                        .withArg(LOCKOUT_HINT_MINUTES);

            case 7105: // group disabled (e.g. "beta-testers" after the beta closed)
            case 7106: // directory disabled
            case 7107: // organization disabled (studio partner accounts)
                log.warn("login blocked by disabled group/directory/org: login={} stormpath={}",
                        login, spCode);
                return LoginResult.fail("login.error.contactSupport", HttpServletResponse.SC_FORBIDDEN);

            default:
                if (httpStatus == 429 || httpStatus >= 500) {
                    log.error("Stormpath unavailable ({}), falling back to maintenance page", httpStatus);
                    return LoginResult.maintenance(503);
                }
                log.error("unmapped Stormpath error {} (HTTP {}, requestId={}): {}",
                        spCode, httpStatus, ex.getRequestId(), ex.getDeveloperMessage());
                return LoginResult.fail("login.error.generic", HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }

    /** Session DB hiccups: retry up to MAX_DB_RETRIES times. */
    public static boolean isRetryable(SQLException e, int attempt) {
        if (attempt >= MAX_DB_RETRIES) {
            return false;
        }
        switch (e.getErrorCode()) {
            case CR_CONNECTION_ERROR:
            case CR_SERVER_GONE_ERROR:   // "MySQL server has gone away"
            case CR_SERVER_LOST:         // "Lost connection to MySQL server during query"
            case ER_LOCK_DEADLOCK:
            case ER_LOCK_WAIT_TIMEOUT:
                sleepQuietly(RETRY_BACKOFF_MS * attempt);
                return true;
            default:
                // 08S01 = communication link failure, vendor code is often 0 here
                return "08S01".equals(e.getSQLState());
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
