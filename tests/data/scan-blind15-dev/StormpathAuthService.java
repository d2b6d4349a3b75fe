/*
 * Copyright (c) 2014-2016 Cedar Valley Community Credit Union.
 * Internal use only.
 */
package org.cedarvalleycu.obp.auth;

import com.stormpath.sdk.account.Account;
import com.stormpath.sdk.account.AccountStatus;
import com.stormpath.sdk.application.Application;
import com.stormpath.sdk.authc.AuthenticationRequest;
import com.stormpath.sdk.authc.AuthenticationResult;
import com.stormpath.sdk.authc.UsernamePasswordRequests;
import com.stormpath.sdk.client.Client;
import com.stormpath.sdk.directory.CustomData;
import com.stormpath.sdk.resource.ResourceException;

import org.cedarvalleycu.obp.core.KeystoneMemberLookup;
import org.cedarvalleycu.obp.core.MemberRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Enrollment and sign-in for CV Online against our Stormpath tenant
 * ("cedar-valley-cu", application "CV Online").
 *
 * <p>Stormpath errors come back as {@link ResourceException}; {@code getCode()}
 * is the Stormpath error code, {@code getStatus()} the HTTP status. A typical
 * {@code getMessage()} for a duplicate enrollment reads:
 *
 * <pre>
 * HTTP 409, Stormpath 2001 (http://docs.stormpath.com/errors/2001): Account with that email already exists.  Please choose another email.
 * </pre>
 *
 * <p>What the member sees is never Stormpath's text: we map to our own OBP
 * error numbers (see {@link ObpError}), which the login page renders as
 * "Error OB-nnnn" so the call center can look them up.
 */
@Service
public class StormpathAuthService {

    private static final Logger log = LoggerFactory.getLogger(StormpathAuthService.class);

    // ---- Stormpath REST error codes we handle (docs.stormpath.com/errors) ----
    static final int SP_REQUIRED_PROPERTY   = 2000; // property value required (null/empty/blank)
    static final int SP_DUPLICATE_VALUE     = 2001; // e.g. email already used by another account
    static final int SP_MIN_LENGTH          = 2007; // password shorter than the directory policy
    static final int SP_ACCOUNT_DISABLED    = 7101;
    static final int SP_ACCOUNT_UNVERIFIED  = 7102;

    /**
     * Our own CV Online error numbers (obp-errors.properties). NOT Stormpath
     * codes; these were assigned by us in 2014 and are printed on the login
     * and enrollment pages as OB-nnnn.
     */
    public enum ObpError {
        ENROLL_MEMBER_NOT_FOUND(1100),   // Keystone has no member with that number + SSN4
        ENROLL_ALREADY_ENROLLED(1101),
        ENROLL_EMAIL_IN_USE(1102),
        ENROLL_PASSWORD_POLICY(1103),
        ENROLL_MISSING_FIELD(1104),
        LOGIN_FAILED(2006),
        LOGIN_ACCOUNT_ON_HOLD(2013),
        LOGIN_VERIFY_EMAIL_FIRST(2014),
        SERVICE_UNAVAILABLE(5100);

        private final int number;
        ObpError(int number) { this.number = number; }
        public int number() { return number; }
        public String display() { return String.format("OB-%04d", number); }
    }

    public static final class AuthFailure extends RuntimeException {
        private final ObpError error;
        AuthFailure(ObpError error, Throwable cause) {
            super(error.display(), cause);
            this.error = error;
        }
        public ObpError error() { return error; }
    }

    private final Client client;
    private final KeystoneMemberLookup keystone;

    @Value("${stormpath.application.href}")
    private String applicationHref;

    @Value("${keystone.host.port:4001}")
    private int keystonePort;

    /** Our lockout filter trips after this many failures in 15 minutes. */
    static final int MAX_FAILED_ATTEMPTS = 5;

    public StormpathAuthService(Client client, KeystoneMemberLookup keystone) {
        this.client = client;
        this.keystone = keystone;
    }

    private Application application() {
        return client.getResource(applicationHref, Application.class);
    }

    /**
     * Enroll a member in CV Online. The member number and last four of SSN
     * are checked against Keystone first, then the Stormpath account is created.
     */
    public Account enroll(String memberNumber, String ssn4, String email, String password,
                          String givenName, String surname) {
        MemberRecord member = keystone.find(memberNumber, ssn4)
                .orElseThrow(() -> new AuthFailure(ObpError.ENROLL_MEMBER_NOT_FOUND, null));

        Account account = client.instantiate(Account.class)
                .setUsername(memberNumber)
                .setEmail(email)
                .setPassword(password)
                .setGivenName(givenName)
                .setSurname(surname);
        CustomData cd = account.getCustomData();
        cd.put("keystoneMemberId", member.getId());
        cd.put("enrolledChannel", "WEB");

        try {
            return application().createAccount(account);
        } catch (ResourceException e) {
            log.warn("Stormpath enrollment failed for member {}: status={} code={} dev='{}' moreInfo={}",
                    memberNumber, e.getStatus(), e.getCode(), e.getDeveloperMessage(), e.getMoreInfo());
            switch (e.getCode()) {
                case SP_DUPLICATE_VALUE:
                    // Either the username (member number) or the email is taken.
                    // The message says which ("Account with that username already exists..."),
                    // but we don't tell the browser.
                    throw new AuthFailure(isUsernameDuplicate(e) ? ObpError.ENROLL_ALREADY_ENROLLED
                                                                 : ObpError.ENROLL_EMAIL_IN_USE, e);
                case SP_MIN_LENGTH:
                    throw new AuthFailure(ObpError.ENROLL_PASSWORD_POLICY, e);
                case SP_REQUIRED_PROPERTY:
                    throw new AuthFailure(ObpError.ENROLL_MISSING_FIELD, e);
                default:
                    throw new AuthFailure(ObpError.SERVICE_UNAVAILABLE, e);
            }
        }
    }

    private static boolean isUsernameDuplicate(ResourceException e) {
        String dev = e.getDeveloperMessage();
        return dev != null && dev.contains("username");
    }

    /**
     * Sign in. Wrong password and unknown user both map to LOGIN_FAILED; the
     * lockout filter (LockoutFilter.java) counts those separately.
     */
    public Account authenticate(String username, String password, String remoteIp) {
        AuthenticationRequest request = UsernamePasswordRequests.builder()
                .setUsernameOrEmail(username)
                .setPassword(password)
                .setHost(remoteIp)
                .build();
        try {
            AuthenticationResult result = application().authenticateAccount(request);
            Account account = result.getAccount();
            if (account.getStatus() != AccountStatus.ENABLED) {
                // should not happen, Stormpath rejects non-enabled accounts itself
                log.error("Stormpath returned non-enabled account {}", account.getHref());
            }
            return account;
        } catch (ResourceException e) {
            switch (e.getCode()) {
                case SP_ACCOUNT_DISABLED:
                    throw new AuthFailure(ObpError.LOGIN_ACCOUNT_ON_HOLD, e);
                case SP_ACCOUNT_UNVERIFIED:
                    throw new AuthFailure(ObpError.LOGIN_VERIFY_EMAIL_FIRST, e);
                default:
                    if (e.getStatus() >= 500) {
                        throw new AuthFailure(ObpError.SERVICE_UNAVAILABLE, e);
                    }
                    throw new AuthFailure(ObpError.LOGIN_FAILED, e);
            }
        }
    }
}
