package com.acme.admin.billing;

import java.util.Arrays;
import java.util.Optional;

/**
 * Stormpath subscription/billing errors shown in the tenant admin screen.
 * Card checks themselves go through Stripe (API version 2016-07-06) before we
 * ever call Stormpath, so most 192x card errors never reach us.
 */
public enum BillingError {

    SUBSCRIPTION_UPGRADE_REQUIRED(1900, "Your plan does not include this feature."),
    APPLICATION_LIMIT_REACHED(1902, "You have reached the number of applications in your plan."),
    CARD_EXPIRED(1926, "The card on file has expired."),
    CARD_DECLINED(1927, "The card was declined by the bank.");

    /** default plan price in cents, shown on the upgrade dialog */
    public static final int PRO_PLAN_CENTS = 1900;

    private final int code;
    private final String text;

    BillingError(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    public static Optional<BillingError> fromCode(int code) {
        return Arrays.stream(values()).filter(e -> e.code == code).findFirst();
    }
}
