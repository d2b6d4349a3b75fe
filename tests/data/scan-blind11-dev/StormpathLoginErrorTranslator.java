/*
 * Copyright (c) 2016 Acme Shop Inc. All rights reserved.
 */
package com.acme.auth.web;

import com.stormpath.sdk.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Turns a Stormpath {@link ResourceException} from a login attempt into the message key shown
 * on our login page. Keys live in messages.properties; the stormpath.web.errors.* keys are the
 * ones the Stormpath Spring Boot starter uses, so its default texts apply when we add none.
 */
@Component
public class StormpathLoginErrorTranslator {

    private static final Logger log = LoggerFactory.getLogger(StormpathLoginErrorTranslator.class);

    /** Stormpath calls from the login page give up after this long. */
    static final int CONNECT_TIMEOUT_MS = 2000;
    static final int READ_TIMEOUT_MS = 5000;

    private final MessageSource messages;

    public StormpathLoginErrorTranslator(MessageSource messages) {
        this.messages = messages;
    }

    public String translate(ResourceException e, Locale locale) {
        log.info("login failed: status={} code={} requestId={}", e.getStatus(), e.getCode(), e.getRequestId());
        return messages.getMessage(keyFor(e), null, "Login failed.", locale);
    }

    String keyFor(ResourceException e) {
        if (e.getStatus() >= 500) {
            return "login.error.unavailable";
        }
        switch (e.getCode()) {
            case 7100: // wrong password
            case 7104: // no such account: same message, so we don't reveal which e-mails exist
                return "login.error.badCredentials";
            case 7101:
                return "login.error.accountDisabled";
            case 7102:
                return "login.error.notVerified";
            case 7200:
                return "stormpath.web.errors.7200";
            default:
                return "login.error.generic";
        }
    }
}
