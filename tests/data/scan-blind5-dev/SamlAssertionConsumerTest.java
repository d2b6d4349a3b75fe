package com.acme.sso.saml;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.stormpath.sdk.resource.ResourceException;
import com.stormpath.sdk.error.Error;
import org.junit.Before;
import org.junit.Test;

public class SamlAssertionConsumerTest {

    private static final String BASE_URL = "https://sso.acme.test:8443";
    private SamlAssertionConsumer consumer;

    @Before
    public void setUp() {
        consumer = new SamlAssertionConsumer(BASE_URL, 3 /* max redirects */);
    }

    private static ResourceException error(int status, int code, String dev) {
        Error err = mock(Error.class);
        when(err.getStatus()).thenReturn(status);
        when(err.getCode()).thenReturn(code);
        when(err.getDeveloperMessage()).thenReturn(dev);
        return new ResourceException(err);
    }

    @Test
    public void unknownCallbackUriIsAConfigurationError() {
        SamlOutcome outcome = consumer.handle(error(400, 5121, "callbackUri not authorized"));
        assertEquals(SamlOutcome.Kind.CONFIGURATION, outcome.kind());
        assertEquals(5121, outcome.stormpathCode());
    }

    @Test
    public void malformedResponseAsksUserToRetry() {
        SamlOutcome outcome = consumer.handle(error(400, 10100, "malformed"));
        assertEquals(SamlOutcome.Kind.RETRY, outcome.kind());
    }

    @Test
    public void badSignatureIsNeverRetried() {
        SamlOutcome outcome = consumer.handle(error(400, 10101, "invalid signature"));
        assertEquals(SamlOutcome.Kind.REJECT, outcome.kind());
        assertTrue(outcome.alertSecurity());
    }

    @Test
    public void idpFailureShowsIdpPage() {
        SamlOutcome outcome = consumer.handle(error(400, 10102, "failed at the IdP"));
        assertEquals(SamlOutcome.Kind.IDP_ERROR, outcome.kind());
        assertEquals(BASE_URL + "/sso/idp-error", outcome.redirect());
    }

    @Test
    public void plainHttpErrorsAreNotStormpathCodes() {
        SamlOutcome outcome = consumer.handle(error(404, 404, "not found"));
        assertEquals(SamlOutcome.Kind.UNKNOWN, outcome.kind());
    }
}
