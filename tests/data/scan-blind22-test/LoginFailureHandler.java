/*
 * Copyright (c) 2015-2016 Cartwheel Groceries, Inc. All rights reserved.
 *
 * shopper-api :: com.cartwheel.shopper.auth
 */
package com.cartwheel.shopper.auth;

import com.stormpath.sdk.resource.ResourceException;
import com.cartwheel.shopper.metrics.AuthMetrics;
import com.cartwheel.shopper.web.ApiError;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Turns a failed Stormpath login (Application#authenticateAccount) into the
 * JSON the shopper apps expect. iOS >= 3.4 and Android >= 2.9 read our own
 * "cw_code" field; older builds only look at the HTTP status, so keep 401.
 *
 * See CART-1187 for why we stopped telling people their email was unknown.
 */
@Component
public class LoginFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(LoginFailureHandler.class);

    // Our own codes (shopper API v2 contract, docs/api/errors.md). Not Stormpath's.
    static final int CW_BAD_CREDENTIALS   = 4010;
    static final int CW_ACCOUNT_SUSPENDED = 4031;
    static final int CW_VERIFY_EMAIL      = 4032;
    static final int CW_TOO_MANY_TRIES    = 4290;

    private static final int MAX_FAILED_ATTEMPTS = 5;
    private static final Duration LOCKOUT_WINDOW = Duration.ofMinutes(15);

    @Value("${cartwheel.auth.slow-login-threshold-ms:1500}")
    private long slowLoginThresholdMs;

    @Value("${server.port:8443}")
    private int port;

    private final AuthMetrics metrics;
    private final FailedLoginCounter counter;

    public LoginFailureHandler(AuthMetrics metrics, FailedLoginCounter counter) {
        this.metrics = metrics;
        this.counter = counter;
    }

    public ResponseEntity<ApiError> handle(String login, ResourceException ex, long elapsedMs) {
        if (elapsedMs > slowLoginThresholdMs) {
            log.warn("slow Stormpath login: {} ms (threshold {} ms)", elapsedMs, slowLoginThresholdMs);
        }

        int attempts = counter.increment(login, LOCKOUT_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
        if (attempts > MAX_FAILED_ATTEMPTS) {
            metrics.increment("login.throttled");
            return respond(HttpStatus.TOO_MANY_REQUESTS, CW_TOO_MANY_TRIES,
                    "Too many attempts. Try again in 15 minutes.");
        }

        switch (ex.getCode()) {
            case 7100: // wrong password
            case 7104: // no such account -- same answer on purpose (CART-1187)
                metrics.increment("login.bad_credentials");
                return respond(HttpStatus.UNAUTHORIZED, CW_BAD_CREDENTIALS,
                        "That email and password don't match our records.");

            case 7101: // account disabled by support (fraud, chargebacks)
                metrics.increment("login.disabled");
                return respond(HttpStatus.FORBIDDEN, CW_ACCOUNT_SUSPENDED,
                        "Your account is on hold. Please contact help@cartwheelgrocery.com.");

            case 7102: // never clicked the verification link
                metrics.increment("login.unverified");
                return respond(HttpStatus.FORBIDDEN, CW_VERIFY_EMAIL,
                        "Please confirm your email address first. We've sent you a new link.");

            case 7103: // locked by the directory's lockout policy
                metrics.increment("login.locked");
                return respond(HttpStatus.TOO_MANY_REQUESTS, CW_TOO_MANY_TRIES,
                        "Too many attempts. Try again in 15 minutes.");

            default:
                break;
        }

        if (ex.getStatus() >= 500) {
            log.error("Stormpath unavailable (HTTP {}), request {}", ex.getStatus(), ex.getRequestId());
            return respond(HttpStatus.SERVICE_UNAVAILABLE, 5030, "Sign-in is temporarily unavailable.");
        }

        log.error("unmapped login failure: status={} code={} dev='{}'",
                ex.getStatus(), ex.getCode(), ex.getDeveloperMessage());
        return respond(HttpStatus.UNAUTHORIZED, CW_BAD_CREDENTIALS,
                "That email and password don't match our records.");
    }

    private ResponseEntity<ApiError> respond(HttpStatus status, int cwCode, String text) {
        return ResponseEntity.status(status).body(new ApiError(cwCode, text));
    }
}
