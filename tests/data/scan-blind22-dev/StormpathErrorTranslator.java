/*
 * Copyright (c) 2014-2016 Northgate Athletic Clubs, Inc.
 * Internal use only. Booking service (book.northgateclubs.com).
 */
package com.northgate.booking.auth;

import com.stormpath.sdk.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Turns Stormpath SDK exceptions into the booking site's own {@link BookingAuthError}s,
 * so that controllers never see a raw ResourceException.
 *
 * <p>Our own error numbers (BK-41xx) are shown to members in the footer of the error
 * page; support looks them up in the Freshdesk macro list. They are NOT Stormpath codes.
 */
@Component
public class StormpathErrorTranslator {

    private static final Logger log = LoggerFactory.getLogger(StormpathErrorTranslator.class);

    /** How many times we re-try a login when Stormpath answers 5xx. */
    static final int MAX_RETRIES = 3;
    /** Read timeout passed to the SDK client builder (ms). */
    static final int STORMPATH_READ_TIMEOUT_MS = 15000;
    /** Seconds before the "too many attempts" banner goes away. */
    static final long LOCKOUT_BANNER_SECONDS = TimeUnit.MINUTES.toSeconds(15);

    private final OpsAlerter alerter;

    public StormpathErrorTranslator(OpsAlerter alerter) {
        this.alerter = alerter;
    }

    public BookingAuthError translate(ResourceException e) {
        int status = e.getStatus();
        if (status >= 500) {
            // Stormpath itself is in trouble; let the RetryTemplate have another go.
            return BookingAuthError.UPSTREAM_UNAVAILABLE;
        }

        switch (e.getCode()) {
            case 7100: // wrong password
            case 7104: // no such account -- same answer, we don't leak which e-mails exist
                return BookingAuthError.BAD_CREDENTIALS;
            case 7101:
                return BookingAuthError.MEMBERSHIP_SUSPENDED;
            case 7102:
                return BookingAuthError.EMAIL_NOT_VERIFIED;
            case 7103:
                return BookingAuthError.TOO_MANY_ATTEMPTS;
            case 2001:
                // registration: "Account with that email already exists."
                return BookingAuthError.ALREADY_REGISTERED;
            case 2006:
                return BookingAuthError.EMAIL_FORMAT;
            case 2007:
                return BookingAuthError.PASSWORD_TOO_SHORT;
            default:
                break;
        }

        if (e.getCode() == 5105) {
            // The application lost its account store mappings (happened 2016-05-10, see
            // #platform). Page the on-call instead of telling members their password is wrong.
            alerter.page("booking-service: Stormpath application has no account stores", e);
            return BookingAuthError.UPSTREAM_UNAVAILABLE;
        }

        if (status == HttpStatus.CONFLICT.value() || status == HttpStatus.BAD_REQUEST.value()) {
            log.warn("Unmapped Stormpath error {} (HTTP {}): {}", e.getCode(), status, e.getDeveloperMessage());
        }
        return BookingAuthError.GENERIC;
    }

    public enum BookingAuthError {
        BAD_CREDENTIALS(4100, HttpStatus.UNAUTHORIZED),
        MEMBERSHIP_SUSPENDED(4101, HttpStatus.FORBIDDEN),
        EMAIL_NOT_VERIFIED(4102, HttpStatus.FORBIDDEN),
        TOO_MANY_ATTEMPTS(4103, HttpStatus.TOO_MANY_REQUESTS),
        ALREADY_REGISTERED(4110, HttpStatus.CONFLICT),
        EMAIL_FORMAT(4111, HttpStatus.BAD_REQUEST),
        PASSWORD_TOO_SHORT(4112, HttpStatus.BAD_REQUEST),
        UPSTREAM_UNAVAILABLE(4190, HttpStatus.SERVICE_UNAVAILABLE),
        GENERIC(4199, HttpStatus.INTERNAL_SERVER_ERROR);

        private final int bookingCode;
        private final HttpStatus httpStatus;

        BookingAuthError(int bookingCode, HttpStatus httpStatus) {
            this.bookingCode = bookingCode;
            this.httpStatus = httpStatus;
        }

        public String displayCode() {
            return "BK-" + bookingCode;
        }

        public HttpStatus getHttpStatus() {
            return httpStatus;
        }
    }
}
