package com.acme.portal.auth;

import com.stormpath.sdk.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Maps Stormpath login failures (ResourceException#getCode) onto the portal's own
 * LoginOutcome. See PORTAL-2014 for why a disabled directory shows the generic page
 * instead of the "contact your admin" page.
 */
public final class StormpathLoginErrorMapper {

    private static final Logger log = LoggerFactory.getLogger(StormpathLoginErrorMapper.class);

    /** connect timeout handed to the SDK's HttpClient, in ms */
    static final int CONNECT_TIMEOUT_MS = 2000;
    static final int MAX_ATTEMPTS = 3;

    public LoginOutcome map(ResourceException e) {
        switch (e.getCode()) {
            case 7100:
                return LoginOutcome.BAD_CREDENTIALS;
            case 7101:
            case 7106:
                return LoginOutcome.DISABLED;
            case 7102:
                return LoginOutcome.UNVERIFIED;
            case 7104:
                // same answer as a wrong password: don't leak whether the account exists
                return LoginOutcome.BAD_CREDENTIALS;
            default:
                if (e.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value() || e.getStatus() >= 500) {
                    return LoginOutcome.RETRY;
                }
                log.warn("unmapped Stormpath error {} (HTTP {}): {}",
                        e.getCode(), e.getStatus(), e.getDeveloperMessage());
                return LoginOutcome.UNKNOWN;
        }
    }

    public boolean shouldRetry(LoginOutcome outcome, int attempt) {
        return outcome == LoginOutcome.RETRY && attempt < MAX_ATTEMPTS;
    }
}
