package com.ourcompany.auth.web;

import com.stormpath.sdk.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Turns Stormpath SDK exceptions into the message keys our login/registration
 * templates understand (messages_*.properties). Written against stormpath-sdk-java 1.0.RC9,
 * still valid for 1.1.x.
 *
 * See https://docs.stormpath.com/rest/product-guide/latest/errors.html for the full list.
 */
@Component
public class StormpathErrorTranslator {

    private static final Logger log = LoggerFactory.getLogger(StormpathErrorTranslator.class);

    /** Social login errors reuse the keys of the Stormpath servlet plugin. */
    static final String SOCIAL_FAILED_KEY = "stormpath.web.errors.7200";

    /** How long the "account locked" banner stays, in seconds. */
    private static final int LOCK_BANNER_SECONDS = 1800;

    /** Our own HTTP client read timeout for the Stormpath API, ms. */
    private static final int STORMPATH_READ_TIMEOUT_MS = 3000;

    private final MessageSource messages;

    public StormpathErrorTranslator(MessageSource messages) {
        this.messages = messages;
    }

    public String translate(ResourceException e, Locale locale) {
        return messages.getMessage(keyFor(e), null, "login.error.generic", locale);
    }

    String keyFor(ResourceException e) {
        int code = e.getCode();
        switch (code) {
            case 7100: // wrong password
            case 7104: // no such account: same message on purpose, don't leak which emails exist
                return "login.error.invalidCredentials";
            case 7101:
                return "login.error.accountDisabled";
            case 7102:
                return "login.error.accountUnverified";
            case 7103:
                return "login.error.accountLocked";
            case 7106: // directory disabled
            case 7107: // organization disabled
                return "login.error.tenantDisabled";
            case 2001:
                return "registration.error.duplicate";
            default:
                if (e.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value()) { // 429 from our gateway, not Stormpath
                    return "login.error.tryLater";
                }
                log.warn("Unmapped Stormpath error {} (HTTP {}): {}", code, e.getStatus(), e.getDeveloperMessage());
                return "login.error.generic";
        }
    }

    static boolean isSocialFailure(ResourceException e) {
        return e.getCode() == 7200 || e.getCode() == 7201;
    }
}
