package com.northgate.booking.auth;

import com.stormpath.sdk.error.Error;
import com.stormpath.sdk.resource.ResourceException;
import org.junit.Before;
import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.mockito.Matchers.any;
import static org.mockito.Matchers.anyString;
import static org.mockito.Mockito.*;

public class StormpathErrorTranslatorTest {

    private OpsAlerter alerter;
    private StormpathErrorTranslator translator;

    @Before
    public void setUp() {
        alerter = mock(OpsAlerter.class);
        translator = new StormpathErrorTranslator(alerter);
    }

    private static ResourceException stormpathError(int status, int code, String devMessage) {
        Error error = mock(Error.class);
        when(error.getStatus()).thenReturn(status);
        when(error.getCode()).thenReturn(code);
        when(error.getDeveloperMessage()).thenReturn(devMessage);
        when(error.getMoreInfo()).thenReturn("http://docs.stormpath.com/errors/" + code);
        return new ResourceException(error);
    }

    @Test
    public void wrongPasswordAndUnknownEmailLookTheSame() {
        ResourceException wrongPassword = stormpathError(400, 7100, "Login attempt failed because the specified password is incorrect.");
        ResourceException noAccount = stormpathError(400, 7104, "no account");

        assertEquals(StormpathErrorTranslator.BookingAuthError.BAD_CREDENTIALS, translator.translate(wrongPassword));
        assertEquals(StormpathErrorTranslator.BookingAuthError.BAD_CREDENTIALS, translator.translate(noAccount));
        assertEquals(401, translator.translate(noAccount).getHttpStatus().value());
    }

    @Test
    public void lockedAccountGetsItsOwnMessage() {
        StormpathErrorTranslator.BookingAuthError result = translator.translate(stormpathError(400, 7103, "locked"));
        assertEquals(StormpathErrorTranslator.BookingAuthError.TOO_MANY_ATTEMPTS, result);
        assertEquals("BK-4103", result.displayCode());
    }

    @Test
    public void duplicateEmailOnRegistration() {
        ResourceException e = stormpathError(409, 2001,
                "Account with that email already exists.  Please choose another email.");
        assertEquals(StormpathErrorTranslator.BookingAuthError.ALREADY_REGISTERED, translator.translate(e));
    }

    @Test
    public void missingAccountStoresPagesOnCall() {
        translator.translate(stormpathError(400, 5105, "whatever"));
        verify(alerter, times(1)).page(anyString(), any(ResourceException.class));
    }

    @Test
    public void unknownCodeFallsBackToGeneric() {
        // 7999 is not a real Stormpath code; we just want the default branch.
        StormpathErrorTranslator.BookingAuthError result = translator.translate(stormpathError(400, 7999, "???"));
        assertEquals(StormpathErrorTranslator.BookingAuthError.GENERIC, result);
        verifyZeroInteractions(alerter);
    }

    @Test
    public void serverErrorsAreRetryable() {
        assertEquals(StormpathErrorTranslator.BookingAuthError.UPSTREAM_UNAVAILABLE,
                translator.translate(stormpathError(503, 503, "Service Unavailable")));
        assertEquals(3, StormpathErrorTranslator.MAX_RETRIES);
    }
}
