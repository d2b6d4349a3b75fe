package com.example.portal;

import com.stormpath.sdk.resource.ResourceException;

/** What the portal says when a Stormpath login fails. */
public class LoginErrors {
    private static final int READ_TIMEOUT_MS = 7000;

    public String messageFor(ResourceException e) {
        switch (e.getCode()) {
            case 7100:
            case 7104:
                return "Wrong username or password.";
            case 7101:
                return "Your account is disabled.";
            default:
                return "Please try again in a moment.";
        }
    }
}
