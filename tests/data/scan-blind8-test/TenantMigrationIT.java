package com.acme.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.stormpath.sdk.resource.ResourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TenantMigrationIT {

    // Fixtures exported from the tenant in March 2016, 2500 accounts.
    private static final int FIXTURE_ACCOUNTS = 2500;

    @Test
    @Timeout(120)
    void rejectsBadModifiedAtCriteria() {
        ResourceException ex = assertThrows(ResourceException.class,
                () -> client.getAccounts("modifiedAt=[2016-13-01,2016-14-01]"));
        assertEquals(400, ex.getStatus());
        assertEquals(2103, ex.getCode());
    }

    @Test
    void organizationCannotBeAccountStoreOfAnotherOrganization() {
        ResourceException ex = assertThrows(ResourceException.class,
                () -> orgA.addAccountStore(orgB));
        assertEquals(400, ex.getStatus());
        assertEquals(4614, ex.getCode());
    }

    @Test
    void exportsAllAccounts() {
        assertEquals(FIXTURE_ACCOUNTS, exporter.count());
    }
}
