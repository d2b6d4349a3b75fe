package org.lakeshorelibraries.lakecat.partner;

import com.stormpath.sdk.error.Error;
import com.stormpath.sdk.resource.ResourceException;
import org.junit.Before;
import org.junit.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * University partners (Erie Bay University, Firelands State College, Maumee Shore
 * University) reach LakeCat through ID Site; their students sign in with SAML
 * at the university IdP. These tests pin down which page each Stormpath error shows.
 */
public class IdSiteCallbackHandlerTest {

    private static final int CALLBACK_PORT = 8443;
    private static final long ID_SITE_SESSION_MS = 30 * 60 * 1000L;

    private IdSiteCallbackHandler handler;

    @Before
    public void setUp() {
        handler = new IdSiteCallbackHandler("https://lakecat.lakeshorelibraries.org:" + CALLBACK_PORT + "/idsite/callback");
    }

    private static ResourceException stormpathError(final int status, final int code, final String devMessage) {
        final Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        body.put("code", code);
        body.put("message", devMessage);
        body.put("developerMessage", devMessage);
        body.put("moreInfo", "https://docs.stormpath.com/rest/product-guide/latest/errors.html#error-" + code);
        return new ResourceException(new Error() {
            public int getStatus() { return status; }
            public int getCode() { return code; }
            public String getMessage() { return devMessage; }
            public String getDeveloperMessage() { return devMessage; }
            public String getMoreInfo() { return (String) body.get("moreInfo"); }
            public String getRequestId() { return "0f5c3a0e-2b7d-11e6-9a4f-22000b0d2f8c"; }
        });
    }

    @Test
    public void malformedSamlResponseShowsPartnerHelpPage() {
        assertEquals("partner/saml-help", handler.viewFor(stormpathError(400, 10100, "malformed")));
    }

    @Test
    public void badSignatureShowsPartnerHelpPage() {
        assertEquals("partner/saml-help", handler.viewFor(stormpathError(400, 10101, "bad signature")));
    }

    @Test
    public void idpFailureSendsStudentBackToUniversity() {
        assertEquals("partner/idp-failed", handler.viewFor(stormpathError(400, 10102, "idp failed")));
    }

    @Test
    public void idSiteTimeoutRestartsFlow() {
        String view = handler.viewFor(stormpathError(401, 12001, "The session on ID Site has timed out."));
        assertTrue(view.startsWith("redirect:/idsite/start"));
    }

    @Test
    public void unknownUniversityNameKey() {
        assertEquals("partner/unknown-school", handler.viewFor(stormpathError(400, 11001, "unknown nameKey eriebay-u")));
    }

    @Test
    public void callbackUriProblemsAreOurFault() {
        assertEquals("error/config", handler.viewFor(stormpathError(400, 5120, "no callback")));
        assertEquals("error/config", handler.viewFor(stormpathError(400, 5121, "callback not authorized")));
    }

    @Test
    public void plainHttpErrorsAreNotStormpathCodes() {
        // code 400 with a mailto: moreInfo is just the HTTP status echoed back
        assertEquals("error/generic", handler.viewFor(stormpathError(400, 400, "bad request")));
        assertEquals(1_800_000L, ID_SITE_SESSION_MS);
    }
}
