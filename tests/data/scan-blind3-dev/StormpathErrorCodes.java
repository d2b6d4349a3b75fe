package com.acme.identity.stormpath;

/**
 * Numeric Stormpath error codes we react to when provisioning organizations.
 * Keep in sync with docs/stormpath-errors.md.
 */
public final class StormpathErrorCodes {

    private StormpathErrorCodes() {}

    public static final int ORG_NO_DEFAULT_ACCOUNT_STORE = 4600;
    public static final int ORG_DEFAULT_ACCOUNT_STORE_DISABLED = 4601;
    /** Not in the public reference, seen once in staging. */
    public static final int ORG_UNKNOWN_4607 = 4607;
    public static final int APP_NO_ACCOUNT_STORES = 5105;
    public static final int MIRROR_DIRECTORY_NO_CREATE = 6100;

    // --- unrelated tuning values ---
    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_LIMIT = 25;
    public static final int CONNECT_TIMEOUT_MS = 3000;
    public static final int PROVISIONING_BATCH = 250;
}
