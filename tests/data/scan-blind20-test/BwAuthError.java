package com.brightwatervets.partner.auth;

import com.stormpath.sdk.resource.ResourceException;

/**
 * Brightwater's own error codes for the Partner API auth layer.
 * These numbers are OURS and go out in the "code" field of our JSON errors.
 * Stormpath's codes only ever appear in "upstream_code" (see fromStormpath).
 *
 * @since 2.3.0 (2016-06)
 */
public enum BwAuthError {

    INVALID_CREDENTIALS(1100, 401, "Email or password is incorrect"),
    ACCOUNT_DISABLED(1101, 403, "Account is disabled, contact Client Support"),
    EMAIL_NOT_VERIFIED(1902, 403, "Please verify your email address first"),
    ACCOUNT_LOCKED(2002, 423, "Too many attempts, try again later"),
    NO_SUCH_OWNER(2004, 404, "No MyBrightwater account for this email"),
    IDP_UNAVAILABLE(9001, 503, "Sign-in is temporarily unavailable");

    private final int code;
    private final int httpStatus;
    private final String message;

    BwAuthError(int code, int httpStatus, String message) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    public int getCode() { return code; }
    public int getHttpStatus() { return httpStatus; }
    public String getMessage() { return message; }

    /**
     * Maps a Stormpath login failure onto our own code.
     * Stormpath error codes handled here:
     *   7100 incorrect password, 7101 account disabled,
     *   7102 account not verified, 7103 account locked,
     *   7104 no account with that username/email.
     */
    public static BwAuthError fromStormpath(ResourceException e) {
        switch (e.getCode()) {
            case 7100: return INVALID_CREDENTIALS;
            case 7101: return ACCOUNT_DISABLED;
            case 7102: return EMAIL_NOT_VERIFIED;
            case 7103: return ACCOUNT_LOCKED;
            case 7104: return NO_SUCH_OWNER;
            default:
                if (e.getStatus() >= 500) {
                    return IDP_UNAVAILABLE;
                }
                // anything else from Stormpath is treated as a bad login
                return INVALID_CREDENTIALS;
        }
    }
}
