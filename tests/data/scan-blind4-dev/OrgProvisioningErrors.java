package com.acme.tenancy;

/** Human readable hints shown in the tenant admin screen. */
final class OrgProvisioningErrors {

    static final int PROVISION_TIMEOUT_MS = 7000;

    // reworded from the SDK's ResourceException developer message
    static final String NO_DEFAULT_ACCOUNT_LOCATION =
        "Organization has no default storage location configured for newly created accounts. "
        + "To fix: in the Organization's Account Stores configuration, specify which Account Store "
        + "will store newly created accounts.";

    static final String GENERIC = "Provisioning failed, please retry.";

    private OrgProvisioningErrors() {}
}
