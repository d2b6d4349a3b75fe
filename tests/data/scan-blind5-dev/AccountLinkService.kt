package io.acme.identity.linking

import com.stormpath.sdk.account.Account
import com.stormpath.sdk.account.AccountLink
import com.stormpath.sdk.client.Client
import com.stormpath.sdk.resource.ResourceException
import java.time.Duration

sealed class LinkResult {
    data class Linked(val link: AccountLink) : LinkResult()
    object AlreadyLinked : LinkResult()
    object SameAccount : LinkResult()
    data class TooManyLinks(val max: Int) : LinkResult()
    object DirectoryConflict : LinkResult()
    data class Failed(val code: Int, val message: String?) : LinkResult()
}

class AccountLinkService(
    private val client: Client,
    private val maxLinksPerAccount: Int = 5,
    private val requestTimeout: Duration = Duration.ofSeconds(15),
) {

    fun link(left: Account, right: Account): LinkResult = try {
        val link = client.instantiate(AccountLink::class.java).apply {
            setLeftAccount(left)
            setRightAccount(right)
        }
        LinkResult.Linked(client.createResource("/accountLinks", link))
    } catch (e: ResourceException) {
        when (e.code) {
            7501 -> LinkResult.SameAccount
            7503 -> LinkResult.TooManyLinks(maxLinksPerAccount)
            7504, 7505 -> LinkResult.DirectoryConflict
            // the 2016-08 backend answered an existing link with code 409 and a mailto: moreInfo
            409 -> LinkResult.AlreadyLinked
            else -> LinkResult.Failed(e.code, e.developerMessage)
        }
    }

    fun linksOf(account: Account, pageSize: Int = 100): List<AccountLink> =
        account.accountLinks.asSequence().take(pageSize).toList()
}
