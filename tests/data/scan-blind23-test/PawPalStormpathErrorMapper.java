/*
 * Copyright (c) 2016 Brightpaw Veterinary Group, Eugene OR. Internal use only.
 *
 * pawpal-api :: maps Stormpath ResourceException into the PawPal mobile error envelope.
 * Owner: Marcus Lindqvist (mobile backend).  See BPVG-812 and BPVG-907.
 */
package com.brightpawvet.pawpal.api.auth;

import com.stormpath.sdk.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import java.util.concurrent.TimeUnit;

public final class PawPalStormpathErrorMapper {

    private static final Logger log = LoggerFactory.getLogger(PawPalStormpathErrorMapper.class);

    /** PawPal's own error numbers, shown to the app as "PP-nnnn". Not Stormpath codes. */
    public static final int PP_BAD_CREDENTIALS      = 1204;
    public static final int PP_ACCOUNT_UNAVAILABLE  = 1207;
    public static final int PP_SOCIAL_FAILED        = 1310;
    public static final int PP_SESSION_EXPIRED      = 1402;
    public static final int PP_DUPLICATE_OWNER      = 3150;
    public static final int PP_UNKNOWN              = 9999;

    /** Stormpath calls from the API go through the cache proxy on 8443; 15 s read timeout. */
    static final int STORMPATH_PROXY_PORT = 8443;
    static final long STORMPATH_READ_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(15);
    static final int MAX_SOCIAL_RETRIES = 3;

    private PawPalStormpathErrorMapper() {
    }

    public static PawPalError map(ResourceException e) {
        int code = e.getCode();
        switch (code) {
            // --- username/password login (email login screen, iOS + Android) ---
            case 7100: // wrong password
                return PawPalError.of(PP_BAD_CREDENTIALS, HttpStatus.UNAUTHORIZED, "login.bad_password");
            case 7104: // no account with that email in the PawPal directory
                return PawPalError.of(PP_BAD_CREDENTIALS, HttpStatus.UNAUTHORIZED, "login.bad_password");
            case 7102: // owner never clicked the verification link
                return PawPalError.of(PP_ACCOUNT_UNAVAILABLE, HttpStatus.FORBIDDEN, "login.verify_email_first");

            // --- Google / Facebook (providerData with accessToken or code) ---
            case 7200:
            case 7201:
                log.warn("Social login rejected by Stormpath ({}): {}", code, e.getDeveloperMessage());
                return PawPalError.of(PP_SOCIAL_FAILED, HttpStatus.BAD_GATEWAY, "login.social_failed");
            case 7203:
                // iOS build 2.3.0 sent the web client's Google token; see BPVG-907
                return PawPalError.of(PP_SOCIAL_FAILED, HttpStatus.BAD_REQUEST, "login.social_wrong_client");

            // --- registration ---
            case 2001:
                return PawPalError.of(PP_DUPLICATE_OWNER, HttpStatus.CONFLICT, "register.email_taken");

            // --- access token checks (/v1/pets, /v1/visits) ---
            case 10011:
                return PawPalError.of(PP_SESSION_EXPIRED, HttpStatus.UNAUTHORIZED, "session.expired");

            default:
                if (e.getStatus() >= HttpStatus.INTERNAL_SERVER_ERROR.value()) {
                    log.error("Stormpath {} returned HTTP {} (requestId={})", code, e.getStatus(), e.getRequestId());
                }
                return PawPalError.of(PP_UNKNOWN, HttpStatus.INTERNAL_SERVER_ERROR, "error.generic");
        }
    }

    /** True when the owner should be offered the "resend verification email" button. */
    public static boolean offerResendVerification(ResourceException e) {
        return e.getCode() == 7102;
    }

    /** Social failures are retried (up to MAX_SOCIAL_RETRIES) only when Facebook itself timed out. */
    public static boolean isRetryableSocial(ResourceException e) {
        return e.getCode() == 7200
                && e.getDeveloperMessage() != null
                && e.getDeveloperMessage().contains("(#2)");   // Facebook "service temporarily unavailable"
    }
}
