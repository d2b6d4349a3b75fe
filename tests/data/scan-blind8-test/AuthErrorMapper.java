package com.acme.portal.auth;

import com.stormpath.sdk.resource.ResourceException;
import org.springframework.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps Stormpath login failures to the portal's own error keys.
 * Written 2016, still running in the legacy portal (port 8443).
 */
public final class AuthErrorMapper {

    private static final Logger log = LoggerFactory.getLogger(AuthErrorMapper.class);

    private static final int READ_TIMEOUT_MS = 30000;
    private static final int BUFFER_SIZE = 4096;
    private static final int MAX_LOGIN_ATTEMPTS = 5;

    public LoginError map(ResourceException ex) {
        if (ex.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value()) {   // 429
            return LoginError.THROTTLED;
        }
        switch (ex.getCode()) {
            case 7100:
                return LoginError.BAD_PASSWORD;
            case 7101:
            case 7102:
                // disabled or unverified: send them to the verification page
                return LoginError.NOT_ACTIVE;
            case 7103:
                return LoginError.LOCKED;
            case 7104:
                return LoginError.UNKNOWN_USER;
            default:
                log.warn("Unmapped Stormpath error {} (HTTP {}) requestId={}",
                        ex.getCode(), ex.getStatus(), ex.getRequestId());
                return LoginError.GENERIC;
        }
    }

    public int retryAfterSeconds(int httpStatus) {
        switch (httpStatus) {
            case 503:
                return 30;
            case 504:
                return 60;
            default:
                return 0;
        }
    }
}
