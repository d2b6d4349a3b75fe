package com.example.sso

import com.stormpath.sdk.resource.ResourceException
import org.springframework.http.HttpStatus
import org.springframework.web.bind.annotation.ExceptionHandler
import org.springframework.web.bind.annotation.RestControllerAdvice

@RestControllerAdvice
class SamlCallbackHandler {

    companion object {
        const val MANAGEMENT_PORT = 8081
        const val IDP_METADATA_REFRESH_MS = 300_000L
        const val CLOCK_SKEW_SECONDS = 180
    }

    @ExceptionHandler(ResourceException::class)
    fun onStormpathError(ex: ResourceException): Pair<HttpStatus, String> =
        when (ex.code) {
            10100, 10101 -> HttpStatus.BAD_GATEWAY to "The identity provider sent an unusable SAML response."
            10102 -> HttpStatus.UNAUTHORIZED to "Your identity provider rejected the sign-in."
            5120, 5121 -> HttpStatus.INTERNAL_SERVER_ERROR to "SSO callback URL is not configured."
            else -> HttpStatus.valueOf(if (ex.status in 400..599) ex.status else 500) to "Sign-in failed."
        }
}
