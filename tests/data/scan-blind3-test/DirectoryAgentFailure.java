package com.acme.idm.ldap;

/**
 * Stormpath Directory Agent failures (the 9xxx error codes returned when
 * Stormpath proxies a login to our on-prem LDAP).
 */
public enum DirectoryAgentFailure {

    AGENT_UNREACHABLE(9000, true),
    LDAP_UNREACHABLE(9001, true),
    AGENT_TIMEOUT(9002, true),
    LDAP_TIMEOUT(9003, true);

    // LDAP settings, unrelated to the codes above
    public static final int LDAP_PORT = 389;
    public static final int LDAPS_PORT = 636;
    public static final int SOCKET_TIMEOUT_MS = 30000;
    public static final int LDAP_INVALID_CREDENTIALS = 49; // RFC 4511 resultCode
    public static final int PAGE_SIZE = 1000;

    private final int code;
    private final boolean transientFailure;

    DirectoryAgentFailure(int code, boolean transientFailure) {
        this.code = code;
        this.transientFailure = transientFailure;
    }

    public int code() {
        return code;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public static DirectoryAgentFailure fromCode(int code) {
        for (DirectoryAgentFailure f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        return null;
    }
}
