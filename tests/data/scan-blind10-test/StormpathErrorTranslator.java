package com.acme.auth.stormpath;

import com.acme.auth.AuthFailure;
import com.stormpath.sdk.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps Stormpath errors to the failures our login and registration pages know
 * how to show. Ported from the PHP implementation (see ACME-1905).
 *
 * <p>Codes and texts: https://docs.stormpath.com/rest/product-guide/latest/errors.html
 * (the developer messages are the status.NNNN.dev keys in the SDK's api-errors.properties).
 */
public final class StormpathErrorTranslator {

    private static final Logger log = LoggerFactory.getLogger(StormpathErrorTranslator.class);

    /** Failed attempts before we show the captcha. */
    private static final int CAPTCHA_AFTER_ATTEMPTS = 3;

    public AuthFailure translate(ResourceException e) {
        log.debug("Stormpath error {} (HTTP {}), requestId {}", e.getCode(), e.getStatus(), e.getRequestId());

        switch (e.getCode()) {
            case 7100:
                return AuthFailure.BAD_CREDENTIALS;
            case 7104:
                // No such account in the mapped stores. Don't tell the user that; it
                // would let anyone probe which emails have accounts.
                return AuthFailure.BAD_CREDENTIALS;
            case 7101:
                return AuthFailure.ACCOUNT_DISABLED;
            case 2001:
                return AuthFailure.DUPLICATE_ACCOUNT;
            default:
                break;
        }

        // Fall back on the HTTP status for anything we don't map explicitly.
        switch (e.getStatus()) {
            case 409:
                return AuthFailure.DUPLICATE_ACCOUNT;
            case 429:
                return AuthFailure.TRY_LATER;
            default:
                log.warn("Unmapped Stormpath error {}: {}", e.getCode(), e.getDeveloperMessage());
                return AuthFailure.UNKNOWN;
        }
    }

    public boolean shouldShowCaptcha(int failedAttempts) {
        return failedAttempts >= CAPTCHA_AFTER_ATTEMPTS;
    }
}
