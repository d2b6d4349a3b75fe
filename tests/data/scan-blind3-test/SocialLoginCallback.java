package com.acme.web.social;

import com.stormpath.sdk.resource.ResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class SocialLoginCallback {

    private static final Logger log = LoggerFactory.getLogger(SocialLoginCallback.class);

    static final String LINKEDIN_HINT =
        "Stormpath could not complete the request to LinkedIn: the LinkedIn configuration "
        + "is missing the redirectUri property in the Stormpath Directory. A redirectUri must be "
        + "set when using an authorization code from LinkedIn.";

    private static final int CALLBACK_TIMEOUT_SECONDS = 20;
    private static final int HTTP_BAD_GATEWAY = 502;

    public String handle(String provider, ResourceException e) {
        if (e.getCode() == 7200 || e.getCode() == 7201) {
            log.warn("social login via {} rejected by Stormpath: {}", provider, e.getDeveloperMessage());
            return "redirect:/login?social_error=" + provider;
        }
        if ("linkedin".equals(provider) && e.getStatus() == 400) {
            log.error(LINKEDIN_HINT);
            return "redirect:/login?social_error=config";
        }
        if (e.getStatus() == HTTP_BAD_GATEWAY) {
            return "redirect:/login?retry=" + CALLBACK_TIMEOUT_SECONDS;
        }
        throw e;
    }
}
