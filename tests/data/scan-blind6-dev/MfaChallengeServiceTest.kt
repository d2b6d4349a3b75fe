package io.lumenhealth.patient.mfa

import com.nhaarman.mockito_kotlin.doReturn
import com.nhaarman.mockito_kotlin.mock
import com.nhaarman.mockito_kotlin.whenever
import com.stormpath.sdk.error.Error
import com.stormpath.sdk.resource.ResourceException
import org.junit.Assert.assertEquals
import org.junit.Before
import org.junit.Test

// Lumen Health -- patient portal, SMS second factor (2016)
class MfaChallengeServiceTest {

    private lateinit var factors: FactorGateway
    private lateinit var service: MfaChallengeService

    private fun stormpathError(code: Int, status: Int = 400, msg: String = "boom"): ResourceException {
        val err = mock<Error> {
            on { this.code } doReturn code
            on { this.status } doReturn status
            on { developerMessage } doReturn msg
            on { moreInfo } doReturn "https://docs.stormpath.com/rest/product-guide/latest/errors.html#error-$code"
        }
        return ResourceException(err)
    }

    @Before fun setUp() {
        factors = mock()
        service = MfaChallengeService(factors, smsTimeoutMs = 8000, maxResends = 3)
    }

    @Test fun `wrong code asks the patient to try again`() {
        whenever(factors.verify("chl_1", "633559")).thenThrow(stormpathError(13104))
        val outcome = service.verify("chl_1", "633559")
        assertEquals(ChallengeOutcome.RETRY, outcome)
    }

    @Test fun `expired code triggers a fresh SMS`() {
        whenever(factors.verify("chl_2", "104733")).thenThrow(stormpathError(13108))
        assertEquals(ChallengeOutcome.RESEND, service.verify("chl_2", "104733"))
    }

    @Test fun `too many failures locks the challenge`() {
        whenever(factors.verify("chl_3", "000000")).thenThrow(stormpathError(13113, status = 403))
        val outcome = service.verify("chl_3", "000000")
        assertEquals(ChallengeOutcome.LOCKED, outcome)
    }

    @Test fun `http 429 from our own rate limiter is not a Stormpath error`() {
        // 429 comes from nginx in front of us, never from Stormpath itself
        val r = service.handleHttpStatus(429)
        assertEquals(ChallengeOutcome.RETRY_LATER, r)
    }
}
