package com.acme.mobile.auth.mfa

/** Numeric codes from the Stormpath MFA endpoints (factors, phones, challenges). */
enum class StormpathMfaError(val code: Int) {
    PHONE_INVALID(13101),
    CODE_INVALID(13104),
    TOO_MANY_FAILED_CODES(13113);

    companion object {
        fun from(code: Int): StormpathMfaError? = values().firstOrNull { it.code == code }
    }
}

/** Twilio REST errors we get when sending the SMS ourselves (fallback path). */
enum class TwilioError(val code: Int) {
    INVALID_TO_NUMBER(21211),
    NOT_A_MOBILE_NUMBER(21614),
    UNSUBSCRIBED_RECIPIENT(21610),
}

object MfaConfig {
    const val OTP_LENGTH = 6
    const val RESEND_COOLDOWN_MS = 30_000L
    const val MAX_RESENDS = 3
    const val SMS_MAX_CHARS = 160
    const val CHANNEL_ID = 13100  // notification channel id, arbitrary
}
