package com.example.sso.idsite

import com.stormpath.sdk.resource.ResourceException
import kotlinx.coroutines.delay
import org.springframework.http.HttpStatus
import org.springframework.web.servlet.view.RedirectView

class IdSiteCallbackHandler(private val client: IdSiteClient) {

    private val retryDelayMs = 1500L
    private val callbackPort = 8080

    suspend fun handle(jwtResponse: String): RedirectView {
        return try {
            client.exchange(jwtResponse)
            RedirectView("/home")
        } catch (e: ResourceException) {
            when (e.code) {
                12001 -> RedirectView("/login?reason=timeout")       // ID Site session timed out
                12002 -> RedirectView("/login?reason=not_authenticated")
                5121 -> {
                    // callbackUri not in authorizedCallbackUris: config problem, not the user's
                    delay(retryDelayMs)
                    RedirectView("/error/config")
                }
                else -> RedirectView("/error?status=${HttpStatus.FOUND.value()}")
            }
        }
    }
}
