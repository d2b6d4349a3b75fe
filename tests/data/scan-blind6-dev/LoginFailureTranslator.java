/*
 * Copyright (c) 2015 Brightwater Learning Systems, Inc.
 * All rights reserved. Proprietary and confidential.
 */
package com.brightwater.portal.auth;

import com.stormpath.sdk.account.Account;
import com.stormpath.sdk.authc.AuthenticationRequest;
import com.stormpath.sdk.authc.UsernamePasswordRequests;
import com.stormpath.sdk.application.Application;
import com.stormpath.sdk.resource.ResourceException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletResponse;

/**
 * Turns Stormpath authentication failures into something the portal's
 * login page can show. Stormpath codes are documented at
 * http://docs.stormpath.com/errors/ -- we only care about the 71xx family here.
 *
 * @author dkowalczyk
 * @since 3.2
 */
public final class LoginFailureTranslator {

    private static final Logger log = LoggerFactory.getLogger(LoginFailureTranslator.class);

    /** lock the form for this long after too many attempts (seconds) */
    private static final int FORM_COOLDOWN_SECONDS = 900;
    /** see PORTAL-2014: anything above this is almost certainly a bot */
    private static final int MAX_ATTEMPTS_PER_HOUR = 20;

    private final Application application;

    public LoginFailureTranslator(Application application) {
        this.application = application;
    }

    public LoginResult login(String username, char[] password) {
        AuthenticationRequest request = UsernamePasswordRequests.builder()
                .setUsernameOrEmail(username)
                .setPassword(password)
                .build();
        try {
            Account account = application.authenticateAccount(request).getAccount();
            return LoginResult.ok(account);
        } catch (ResourceException e) {
            return translate(e);
        }
    }

    LoginResult translate(ResourceException e) {
        final int status = e.getStatus();
        switch (e.getCode()) {
            case 7100: // wrong password
            case 7104: // no such user -- same message on purpose, don't leak which
                return LoginResult.failed(HttpServletResponse.SC_UNAUTHORIZED, "login.badCredentials");
            case 7101:
                return LoginResult.failed(HttpServletResponse.SC_FORBIDDEN, "login.accountDisabled");
            default:
                if (status >= 500) {
                    log.error("Stormpath is having a bad day (HTTP {}): {}", status, e.getDeveloperMessage());
                    return LoginResult.failed(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "login.tryLater");
                }
                log.warn("Unhandled Stormpath error {} (HTTP {}) for {}", e.getCode(), status, e.getMoreInfo());
                return LoginResult.failed(HttpServletResponse.SC_BAD_REQUEST, "login.generic");
        }
    }
}
