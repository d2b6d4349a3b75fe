/*
 * Copyright (c) 2014 Brightline Health Systems. All rights reserved.
 *
 * Maps Stormpath authentication failures to our portal's login messages.
 * @author dkowalczyk
 * @since 2.3.0
 */
package com.brightline.portal.auth;

import com.stormpath.sdk.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

public class LoginFailureTranslator {

    private static final Logger log = LoggerFactory.getLogger(LoginFailureTranslator.class);

    /** MySQL ER_DUP_ENTRY, raised by the local audit table, not by Stormpath. */
    private static final int MYSQL_DUPLICATE_ENTRY = 1062;

    private static final int MAX_LOGIN_ATTEMPTS = 5;
    private static final int LOCKOUT_MINUTES = 30;

    public LoginResult translate(ResourceException ex) {
        int status = ex.getStatus();   // HTTP status, usually 400
        int code = ex.getCode();       // Stormpath error code

        if (status >= 500) {
            log.warn("Stormpath returned HTTP {} - treating as outage", status);
            return LoginResult.serviceUnavailable();
        }

        switch (code) {
            case 7100:
            case 7104:
                // never tell the user which one it was
                return LoginResult.badCredentials();
            case 7101:
                return LoginResult.disabled("Your account has been disabled. Call the help desk at ext. 4001.");
            case 7102:
                return LoginResult.unverified();
            default:
                log.error("Unhandled Stormpath error {} (HTTP {}): {}", code, status, ex.getDeveloperMessage());
                return LoginResult.genericFailure();
        }
    }

    public void recordAttempt(AuditDao dao, String username) {
        try {
            dao.insertAttempt(username);
        } catch (SQLException e) {
            if (e.getErrorCode() == MYSQL_DUPLICATE_ENTRY) {
                return; // same attempt logged twice by the retry filter
            }
            throw new IllegalStateException(e);
        }
        if (dao.countRecent(username, LOCKOUT_MINUTES) > MAX_LOGIN_ATTEMPTS) {
            log.info("user {} exceeded {} attempts", username, MAX_LOGIN_ATTEMPTS);
        }
    }
}
