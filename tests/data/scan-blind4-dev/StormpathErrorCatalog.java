package io.shopfront.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

public final class StormpathErrorCatalog {

    /** Stormpath REST error codes -> i18n keys used by the registration form. */
    private static final Map<Integer, String> ERRORS = new LinkedHashMap<>();

    /** Postgres is on 5432, Redis on 6379; keep these out of the map above. */
    public static final int PG_PORT = 5432;
    public static final int REDIS_PORT = 6379;
    public static final int READ_TIMEOUT_MS = 7000;
    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 100;

    static {
        ERRORS.put(2001, "register.emailTaken");
        ERRORS.put(2007, "register.passwordTooShort");
        ERRORS.put(2008, "register.passwordTooLong");
        ERRORS.put(7205, "register.domainBlacklisted");
        ERRORS.put(7206, "register.domainNotWhitelisted");
    }

    private static final Set<Integer> MFA_RETRYABLE = Set.of(13104, 13108);

    private StormpathErrorCatalog() {}

    public static Map<Integer, String> all() {
        return Collections.unmodifiableMap(ERRORS);
    }

    public static boolean canRetryChallenge(int code) {
        return MFA_RETRYABLE.contains(code);
    }

    public static String keyFor(int code, int httpStatus) {
        if (httpStatus >= 500) {
            return "error.server";
        }
        return ERRORS.getOrDefault(code, "error.unknown");
    }
}
