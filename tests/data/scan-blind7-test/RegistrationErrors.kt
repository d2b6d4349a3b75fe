// RegistrationErrors.kt
// Android client - signup flow (app v3.8, Nov 2016)
package io.tallyho.android.signup

import com.stormpath.sdk.StormpathError
import java.net.SocketTimeoutException

const val CONNECT_TIMEOUT_MS = 2000L   // phone networks are slow, keep it short
const val READ_TIMEOUT_MS = 15000L
const val MAX_RETRIES = 3

/** Postgres unique_violation from our own /profile backend */
private const val PG_UNIQUE_VIOLATION = "23505"

sealed class SignupProblem(val field: String?) {
    object EmailTaken : SignupProblem("email")
    object PasswordTooShort : SignupProblem("password")
    object DomainNotAllowed : SignupProblem("email")
    object BadPhone : SignupProblem("phone")
    object Network : SignupProblem(null)
    class Unknown(val code: Int) : SignupProblem(null)
}

fun StormpathError.toSignupProblem(): SignupProblem = when (code()) {
    2001 -> SignupProblem.EmailTaken
    2007 -> SignupProblem.PasswordTooShort
    7205, 7206 -> SignupProblem.DomainNotAllowed   // blacklist / whitelist on the directory
    13101 -> SignupProblem.BadPhone
    else -> SignupProblem.Unknown(code())
}

fun Throwable.toSignupProblem(): SignupProblem = when (this) {
    is SocketTimeoutException -> SignupProblem.Network
    is ProfileApiException -> if (sqlState == PG_UNIQUE_VIOLATION) SignupProblem.EmailTaken else SignupProblem.Unknown(httpStatus)
    else -> SignupProblem.Unknown(-1)
}
