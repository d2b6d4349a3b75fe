package com.kestrelair.perch.identity;

import com.kestrelair.perch.api.ApiError;
import com.kestrelair.perch.api.BookingError;
import com.stormpath.sdk.account.Account;
import com.stormpath.sdk.application.Application;
import com.stormpath.sdk.authc.AuthenticationRequest;
import com.stormpath.sdk.authc.UsernamePasswordRequests;
import com.stormpath.sdk.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * Kestrel Club sign-in, registration and password reset for Perch (web).
 *
 * All identity calls go to Stormpath (application "Kestrel Club Web").
 * Stormpath failures arrive as ResourceException; getCode() is the
 * Stormpath error code, getStatus() the HTTP status. We translate the
 * codes we expect into our own ApiError keys and never show Stormpath's
 * text to customers.
 *
 * Do not confuse with BookingError below: those are Perch's own numbers
 * (see wiki "Perch API error catalogue"), returned by the booking flow.
 */
@RestController
@RequestMapping("/api/club")
public class ClubAccountController {

    private static final Logger log = LoggerFactory.getLogger(ClubAccountController.class);

    /** Lock-out is Stormpath's policy; we only surface it. */
    private static final int MAX_SHOWN_ATTEMPTS = 5;

    private final Application application;

    public ClubAccountController(Application application) {
        this.application = application;
    }

    @PostMapping("/login")
    public ResponseEntity<?> login(@RequestBody LoginForm form) {
        AuthenticationRequest req = UsernamePasswordRequests.builder()
                .setUsernameOrEmail(form.getEmail())
                .setPassword(form.getPassword())
                .build();
        try {
            Account account = application.authenticateAccount(req).getAccount();
            return ResponseEntity.ok(ClubSession.start(account));
        } catch (ResourceException e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(translate(e, "login"));
        }
    }

    @PostMapping("/register")
    public ResponseEntity<?> register(@RequestBody RegistrationForm form) {
        try {
            Account account = application.createAccount(form.toAccount(application));
            return ResponseEntity.status(HttpStatus.CREATED).body(ClubProfile.of(account));
        } catch (ResourceException e) {
            return ResponseEntity.status(e.getStatus()).body(translate(e, "register"));
        }
    }

    @PostMapping("/password-reset")
    public ResponseEntity<?> reset(@RequestBody ResetForm form) {
        try {
            application.sendPasswordResetEmail(form.getEmail());
        } catch (ResourceException e) {
            // Never reveal whether the address exists; log and answer 202 anyway.
            log.warn("password reset failed: {}", translate(e, "reset").getKey());
        }
        return ResponseEntity.accepted().build();
    }

    ApiError translate(ResourceException e, String operation) {
        switch (e.getCode()) {
            case 7100: // password incorrect
            case 7104: // no such account - same answer, no account enumeration
                return ApiError.of("club.signin.badcredentials");
            case 7101: // account disabled (usually by Fraud)
                return ApiError.of("club.signin.disabled");
            case 2001: // an account with that email already exists
                return ApiError.of("club.register.exists");
            case 5115: // password reset workflow disabled on the Application
                log.error("Stormpath password reset workflow is disabled for {} - check the console",
                        application.getName());
                return ApiError.of("club.reset.unavailable");
            case 6101: // resend-verification on a directory without the verification workflow
                return ApiError.of("club.verify.unavailable");
            default:
                log.warn("unhandled Stormpath error on {}: HTTP {}, code {}, requestId {}: {}",
                        operation, e.getStatus(), e.getCode(), e.getRequestId(), e.getDeveloperMessage());
                return ApiError.of("club.signin.generic");
        }
    }

    /** Booking-flow errors that the club pages can also receive (Perch's own numbers). */
    static ApiError fromBooking(BookingError err) {
        switch (err) {
            case SEAT_UNAVAILABLE:   // Perch 4604
            case FARE_EXPIRED:       // Perch 5106
                return ApiError.of("booking.changed");
            case PNR_LOCKED:         // Perch 5110
                return ApiError.of("booking.locked");
            case GDS_TIMEOUT:        // Perch 9004
            default:
                return ApiError.of("booking.tryagain");
        }
    }
}

/* ---------------------------------------------------------------------
 * com/kestrelair/perch/api/BookingError.java (excerpt, for reference)
 *
 * public enum BookingError {
 *     SEAT_UNAVAILABLE(4604, HttpStatus.CONFLICT),
 *     FARE_EXPIRED(5106, HttpStatus.CONFLICT),
 *     PNR_LOCKED(5110, HttpStatus.LOCKED),
 *     GDS_TIMEOUT(9004, HttpStatus.GATEWAY_TIMEOUT);
 *     ...
 * }
 * ------------------------------------------------------------------- */
