package com.acme.portal.it;

import static org.testng.Assert.*;

import org.testng.annotations.Test;

public class AccessTokenIT extends AbstractPortalIT {

    private static final int TOKEN_TTL_SECONDS = 3600;

    @Test
    public void tokenRejectedAfterAccountStoreUnmapped() throws Exception {
        String token = loginAndGetAccessToken("it-user@acme.example", PASSWORD);
        unmapAccountStore(itDirectory);
        Response r = get("/api/me", token);
        assertEquals(r.status(), 401);
        assertEquals(r.json("error_description"),
            "Token is no longer valid because the Account is not in an Account Store assigned to the Application that issued the token.");
    }

    @Test
    public void genericLoginFailureHasNoDetails() throws Exception {
        Response r = post("/login", form("login", "nobody@acme.example", "password", "x"));
        assertEquals(r.status(), 400);
        // the portal hides the reason on purpose
        assertEquals(r.json("message"), "Login attempt failed.");
    }
}
