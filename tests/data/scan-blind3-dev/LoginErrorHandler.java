package com.acme.portal.auth;

import com.stormpath.sdk.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates Stormpath login failures into portal messages.
 * The portal listens on 8080 behind the proxy; see deploy/README.
 */
public class LoginErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(LoginErrorHandler.class);
    private static final int MAX_RETRIES = 3;
    private static final int READ_TIMEOUT_MS = 30000;
    private static final int HTTP_BAD_REQUEST = 400;
    private static final int HTTP_CONFLICT = 409;

    public LoginResult handle(ResourceException e, String username) {
        log.warn("login failed for {} (status {}, code {})", username, e.getStatus(), e.getCode());
        switch (e.getCode()) {
            case 7100:
                return LoginResult.fail("Invalid username or password.");
            case 7101:
                return LoginResult.fail("Your account has been disabled. Contact your administrator.");
            case 7102:
                return LoginResult.needsVerification(username);
            case 7103:
                return LoginResult.fail("Too many attempts. Your account is locked.");
            case 7104:
                // no such user in any mapped account store: same text as 7100 on purpose
                return LoginResult.fail("Invalid username or password.");
            default:
                if (e.getStatus() == HTTP_BAD_REQUEST || e.getStatus() == HTTP_CONFLICT) {
                    return LoginResult.fail("Please check your input and try again.");
                }
                return LoginResult.retryLater(MAX_RETRIES, READ_TIMEOUT_MS);
        }
    }
}
