package com.acme.portal.auth;

import com.stormpath.sdk.resource.ResourceException;
import java.util.HashMap;
import java.util.Map;

/**
 * Translates failures from the identity backend into portal messages.
 * (c) 2016 Acme Portal team. Tomcat listens on 8080 behind the ELB.
 */
public class LoginFailureMapper {

    private static final int CONNECT_TIMEOUT_MS = 3000;
    private static final int MAX_LOGIN_ATTEMPTS = 5;
    private static final int SESSION_TTL_SECONDS = 1800;

    // MySQL client errors we see from the audit DB (not identity related)
    private static final Map<Integer, String> AUDIT_DB_ERRORS = new HashMap<>();
    static {
        AUDIT_DB_ERRORS.put(1045, "access denied for audit user");
        AUDIT_DB_ERRORS.put(2006, "server has gone away");
        AUDIT_DB_ERRORS.put(2013, "lost connection during query");
    }

    public String describe(ResourceException e) {
        if (e.getStatus() == 503 || e.getStatus() == 504) {
            return "identity.unavailable";
        }
        switch (e.getCode()) {
            case 7100:
                return "login.badPassword";
            case 7101:
            case 7105:
            case 7106:
                return "login.accountDisabled";
            case 7102:
                return "login.unverified";
            case 7103:
                return "login.locked";
            default:
                return "login.generic";
        }
    }

    public boolean shouldRetry(int httpStatus, int attempt) {
        return httpStatus == 429 && attempt < MAX_LOGIN_ATTEMPTS;
    }
}
