package com.brightpawvet.pawpal.auth

import android.util.Log
import com.facebook.FacebookRequestError
import com.google.android.gms.auth.api.signin.GoogleSignInStatusCodes
import com.google.android.gms.common.api.ApiException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import retrofit2.HttpException

/**
 * PawPal for Android 2.x -- sign-in against pawpal-api, which forwards to Stormpath.
 * pawpal-api passes the Stormpath error number through untouched in "spCode".
 *
 * Owner: Aisha Bello (Android). Last Stormpath change: 2016-12-02, account linking.
 */
class PawPalAuthRepository(
    private val api: PawPalApi,
    private val tokenStore: TokenStore,
) {

    sealed class SignInOutcome {
        data class Success(val ownerId: String) : SignInOutcome()
        data class ShowError(val messageRes: Int, val spCode: Int? = null) : SignInOutcome()
        object Cancelled : SignInOutcome()
    }

    suspend fun signInWithGoogle(task: () -> String): SignInOutcome = withContext(Dispatchers.IO) {
        val serverAuthCode = try {
            task()
        } catch (e: ApiException) {
            // Google Play services codes, not Stormpath: 12501 cancelled, 12502 in progress, 12500 failed
            return@withContext when (e.statusCode) {
                GoogleSignInStatusCodes.SIGN_IN_CANCELLED -> SignInOutcome.Cancelled        // 12501
                GoogleSignInStatusCodes.SIGN_IN_CURRENTLY_IN_PROGRESS -> SignInOutcome.Cancelled // 12502
                else -> SignInOutcome.ShowError(R.string.signin_google_failed)              // 12500 etc.
            }
        }
        exchange { api.socialLogin(SocialLoginBody(providerId = "google", code = serverAuthCode)) }
    }

    suspend fun signInWithFacebook(accessToken: String): SignInOutcome = withContext(Dispatchers.IO) {
        exchange { api.socialLogin(SocialLoginBody(providerId = "facebook", accessToken = accessToken)) }
    }

    private suspend fun exchange(call: suspend () -> TokenResponse): SignInOutcome = try {
        val tokens = call()
        tokenStore.save(tokens)
        SignInOutcome.Success(tokens.ownerId)
    } catch (e: HttpException) {
        val body = PawPalErrorBody.parse(e.response()?.errorBody()?.string())
        Log.w(TAG, "sign-in failed http=${e.code()} spCode=${body?.spCode} pp=${body?.ppCode}")
        SignInOutcome.ShowError(messageFor(body?.spCode), body?.spCode)
    }

    /** Stormpath error -> string resource. Unknown codes get the generic message. */
    private fun messageFor(spCode: Int?): Int = when (spCode) {
        7200, 7201 -> R.string.signin_social_failed
        7203 -> R.string.signin_update_app          // token minted for the wrong Google client id
        2003 -> R.string.signin_update_app          // old builds sent providerId "gplus"
        7100 -> R.string.signin_wrong_password
        7500 -> R.string.link_already_linked
        null -> R.string.signin_network
        else -> R.string.signin_generic
    }

    /** Facebook Graph errors seen in Crashlytics; 190 = expired/invalid token. */
    fun isFacebookTokenDead(error: FacebookRequestError?): Boolean =
        error?.errorCode == 190 || error?.subErrorCode == 463

    companion object {
        private const val TAG = "PawPalAuth"
        const val MIN_SUPPORTED_BUILD = 2104   // versionCode; anything older is forced to update
    }
}
