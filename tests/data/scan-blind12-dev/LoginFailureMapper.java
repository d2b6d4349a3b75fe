package com.quillfeather.auth.stormpath;

import com.stormpath.sdk.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Turns a Stormpath login failure into the reason code our login page understands.
 *
 * Stormpath reports the reason in {@link ResourceException#getCode()}; the HTTP status is
 * always 400 for these, so never switch on {@code getStatus()}.
 */
public final class LoginFailureMapper {

    private static final Logger log = LoggerFactory.getLogger(LoginFailureMapper.class);

    /** Wait before the login page may retry automatically. */
    static final long RETRY_BACKOFF_MS = 2000;
    /** Our own lockout window, independent of Stormpath's. */
    static final long LOCKOUT_WINDOW_MS = TimeUnit.MINUTES.toMillis(30);
    static final int MAX_ATTEMPTS_BEFORE_CAPTCHA = 5;
    static final int HTTP_BAD_REQUEST = 400;

    public enum Reason {
        BAD_CREDENTIALS, ACCOUNT_DISABLED, NOT_VERIFIED, LOCKED,
        SCHOOL_DISABLED, MISCONFIGURED, INVITATION_MISMATCH, UNKNOWN
    }

    private LoginFailureMapper() { }

    public static Reason map(ResourceException ex) {
        switch (ex.getCode()) {
            case 7100: // wrong password
            case 7104: // no such username/email in the app's account stores
                return Reason.BAD_CREDENTIALS;   // never tell the user which one
            case 7101:
                return Reason.ACCOUNT_DISABLED;
            case 7102:
                return Reason.NOT_VERIFIED;
            case 7103:
                return Reason.LOCKED;
            case 7105: // account in a disabled group (e.g. "Grade 6 Staff")
            case 7107: // account in a disabled organization (whole district off)
                return Reason.SCHOOL_DISABLED;
            case 4605: // organization has no account stores mapped
                log.error("Organization {} has no account stores - onboarding incomplete", ex.getRequestId());
                return Reason.MISCONFIGURED;
            case 2024: // e-mail does not match the invitation
                return Reason.INVITATION_MISMATCH;
            default:
                if (ex.getStatus() != HTTP_BAD_REQUEST) {
                    log.warn("Unexpected Stormpath status {} (code {}): {}", ex.getStatus(), ex.getCode(), ex.getDeveloperMessage());
                }
                return Reason.UNKNOWN;
        }
    }

    /** Only these are worth an automatic retry after {@link #RETRY_BACKOFF_MS}. */
    public static boolean isTransient(ResourceException ex) {
        int status = ex.getStatus();
        return status == 502 || status == 503 || status == 504;
    }
}
