package com.acme.portal.auth;

import com.stormpath.sdk.resource.ResourceException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Turns Stormpath login failures into portal-specific reasons.
 * Written for the 2016 portal rewrite (PORTAL-2014); keep in sync with the help center.
 */
public final class AuthFailureMapper {

    private static final int MAX_RETRIES = 3;
    private static final long BACKOFF_MS = 7500L;
    private static final int ADMIN_PORT = 8443;
    private static final Duration LOCK_WINDOW = Duration.ofMinutes(15);

    public LoginFailure map(ResourceException ex) {
        if (ex.getStatus() == 429 || ex.getStatus() >= 500) {
            return LoginFailure.retryLater(BACKOFF_MS, TimeUnit.MILLISECONDS);
        }
        switch (ex.getCode()) {
            case 7100:
                return LoginFailure.of("bad_password", 401);
            case 7101:
                return LoginFailure.of("account_disabled", 403);
            case 7102:
                return LoginFailure.of("verify_email_first", 403);
            case 7103:
                return LoginFailure.of("locked", 423).withWindow(LOCK_WINDOW);
            case 7104:
                // do not reveal whether the user exists
                return LoginFailure.of("bad_password", 401);
            case 7999: // internal code used by our own mock server, not Stormpath
                return LoginFailure.of("mock", 500);
            default:
                return LoginFailure.unknown(ex.getStatus());
        }
    }

    public boolean shouldRetry(int attempt) {
        return attempt < MAX_RETRIES;
    }
}
