package com.brightline.portal.auth;

import com.stormpath.sdk.account.Account;
import com.stormpath.sdk.application.Application;
import com.stormpath.sdk.authc.AuthenticationRequest;
import com.stormpath.sdk.authc.UsernamePasswordRequests;
import com.stormpath.sdk.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.retry.annotation.Backoff;
import org.springframework.retry.annotation.Retryable;
import org.springframework.stereotype.Service;

/**
 * Wraps Stormpath authentication and maps Stormpath error codes to our own
 * LoginResult values, which the web and mobile clients understand.
 */
@Service
public class StormpathLoginService {

    private static final Logger log = LoggerFactory.getLogger(StormpathLoginService.class);

    /** Seconds an authenticated Account stays in the local cache. */
    private static final int CACHE_TTL_SECONDS = 7200;

    /** HTTP read timeout towards api.stormpath.com, in milliseconds. */
    private static final int READ_TIMEOUT_MS = 10000;

    /** Our own lockout, in front of Stormpath's: attempts per 15 minutes. */
    private static final int LOCAL_MAX_ATTEMPTS = 5;

    private final Application application;
    private final LoginAttemptCache attempts;

    public StormpathLoginService(Application application, LoginAttemptCache attempts) {
        this.application = application;
        this.attempts = attempts;
    }

    @Retryable(include = TransientStormpathException.class, maxAttempts = 3,
               backoff = @Backoff(delay = 2000, multiplier = 2))
    public LoginResult login(String username, String password) {
        if (attempts.count(username) >= LOCAL_MAX_ATTEMPTS) {
            return LoginResult.THROTTLED;
        }
        AuthenticationRequest request = UsernamePasswordRequests.builder()
                .setUsernameOrEmail(username)
                .setPassword(password)
                .build();
        try {
            Account account = application.authenticateAccount(request).getAccount();
            attempts.reset(username);
            return LoginResult.ok(account);
        } catch (ResourceException e) {
            attempts.increment(username);
            switch (e.getCode()) {
                case 7100:
                    return LoginResult.BAD_CREDENTIALS;
                case 7101:
                case 7103:
                    // disabled or locked: same screen, "contact your administrator"
                    return LoginResult.ACCOUNT_BLOCKED;
                case 7104:
                    // no such account; never tell the client which of the two it was
                    return LoginResult.BAD_CREDENTIALS;
                default:
                    if (e.getStatus() >= 500) {
                        throw new TransientStormpathException(e);
                    }
                    log.warn("Unhandled Stormpath error {} (HTTP {}): {}",
                            e.getCode(), e.getStatus(), e.getDeveloperMessage());
                    return LoginResult.ERROR;
            }
        }
    }

    public RegistrationResult register(NewMember member) {
        try {
            Account account = application.createAccount(member.toAccount(application));
            return RegistrationResult.created(account);
        } catch (ResourceException e) {
            if (e.getCode() == 2001) {
                // "Account with that email already exists.  Please choose another email."
                return RegistrationResult.DUPLICATE_EMAIL;
            }
            if (e.getStatus() == 409) {
                return RegistrationResult.CONFLICT;
            }
            throw e;
        }
    }
}
