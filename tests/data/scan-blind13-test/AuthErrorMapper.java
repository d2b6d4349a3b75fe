package com.larkspur.rewards.auth;

import com.larkspur.rewards.api.ApiError;
import com.stormpath.sdk.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * Turns failures from the identity service (Stormpath, Java SDK 1.0.RC9) and from
 * the member database (SQL Server 2014, port 1433) into the error payload the
 * Larkspur Rewards app shows.
 *
 * History:
 *  - LRK-2291 (Aug 2015): duplicate sign-ups surfaced as "Unexpected error 409".
 *  - LRK-2317 (Sep 2015): we used to say "wrong password" and "no such member"
 *    separately; security review asked us to merge them.
 */
public final class AuthErrorMapper {

    private static final Logger log = LoggerFactory.getLogger(AuthErrorMapper.class);

    // ---- tuning (mirrors rewards-api.yml) -------------------------------------
    static final int SQL_PORT = 1433;
    static final int LOGIN_TIMEOUT_SECONDS = 15;
    static final long STORMPATH_READ_TIMEOUT_MS = 12000L;
    static final int MAX_DB_RETRIES = 3;
    static final int RETRY_BASE_DELAY_MS = 250;

    // ---- SQL Server error numbers, as returned by SQLException#getErrorCode() ----
    private static final int MSSQL_DEADLOCK_VICTIM = 1205;
    private static final int MSSQL_UNIQUE_INDEX    = 2601;
    private static final int MSSQL_PK_VIOLATION    = 2627;
    private static final int MSSQL_DB_UNAVAILABLE  = 4060;
    private static final int MSSQL_LOG_FULL        = 9002;

    private AuthErrorMapper() { }

    /** Stormpath failures from login, registration and profile updates. */
    public static ApiError fromStormpath(ResourceException e) {
        final int code = e.getCode();
        switch (code) {
            case 7100:  // password incorrect
            case 7104:  // no account with that username/email in the app's account stores
                // LRK-2317: do not reveal which of the two it was
                return ApiError.of(401, "auth.invalid_credentials");
            case 7101:
                return ApiError.of(403, "auth.account_disabled");
            case 7102:
                return ApiError.of(403, "auth.verify_email_first");
            case 7103:
                return ApiError.of(423, "auth.account_locked");
            case 2001:
                // server text: "Account with that email already exists.  Please choose another email."
                return ApiError.of(409, "signup.email_taken");
            default:
                log.warn("Unmapped Stormpath error {} (HTTP {}) requestId={}: {}",
                        code, e.getStatus(), e.getRequestId(), e.getDeveloperMessage());
                return ApiError.of(502, "auth.upstream_error");
        }
    }

    /** Member-DB failures. Retries are handled by the caller; we only classify. */
    public static ApiError fromSql(SQLException e) {
        switch (e.getErrorCode()) {
            case MSSQL_DEADLOCK_VICTIM:
                return ApiError.retryable(503, "db.busy", MAX_DB_RETRIES);
            case MSSQL_UNIQUE_INDEX:
            case MSSQL_PK_VIOLATION:
                return ApiError.of(409, "db.duplicate");
            case MSSQL_DB_UNAVAILABLE:
            case MSSQL_LOG_FULL:
                log.error("Member DB unavailable (error {}), paging on-call", e.getErrorCode());
                return ApiError.of(503, "db.unavailable");
            default:
                return ApiError.of(500, "db.error");
        }
    }

    static long backoffMillis(int attempt) {
        // 250, 500, 1000 ms; capped at 4 s
        long delay = RETRY_BASE_DELAY_MS * (1L << Math.max(0, attempt - 1));
        return Math.min(delay, TimeUnit.SECONDS.toMillis(4));
    }
}
