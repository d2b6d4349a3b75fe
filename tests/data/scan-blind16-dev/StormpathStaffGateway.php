<?php
/**
 * CallDesk CRM - app/Services/Identity/StormpathStaffGateway.php
 *
 * Staff accounts for CallDesk live in Active Directory and are mirrored into
 * Stormpath ("Staff AD (mirror)" directory, via the Stormpath LDAP agent).
 * Temporary agents (seasonal call-centre staff) are created directly in the
 * "Call-centre temps" cloud directory.
 *
 * CallDesk's own error numbers (CallDeskError::*) are listed at the bottom;
 * they are shown to agents as "Error NNNN" and have nothing to do with
 * Stormpath.
 *
 * @author Sofia Marques
 * @since  CallDesk 3.4 (2016-04)
 */

namespace CallDesk\Services\Identity;

use CallDesk\Support\CallDeskError;
use Psr\Log\LoggerInterface;
use Stormpath\Client;
use Stormpath\Resource\ResourceError;

class StormpathStaffGateway
{
    /** Stormpath: this mirror directory does not allow creating accounts or groups. */
    const SP_MIRROR_NO_CREATE = 6100;

    /** Stormpath: the property is read-only on an externally managed (AD) account. */
    const SP_READ_ONLY_PROPERTY = 7202;

    /** @var Client */
    private $client;
    /** @var LoggerInterface */
    private $log;
    /** @var string */
    private $mirrorDirectoryHref;
    /** @var string */
    private $tempsDirectoryHref;

    public function __construct(Client $client, LoggerInterface $log, $mirrorDirectoryHref, $tempsDirectoryHref)
    {
        $this->client = $client;
        $this->log = $log;
        $this->mirrorDirectoryHref = $mirrorDirectoryHref;
        $this->tempsDirectoryHref = $tempsDirectoryHref;
    }

    /**
     * Create an agent account. Permanent staff must come from AD; if someone
     * tries to create them in the mirror directory Stormpath refuses.
     */
    public function createAgent(array $agent, $permanent)
    {
        $href = $permanent ? $this->mirrorDirectoryHref : $this->tempsDirectoryHref;
        try {
            $directory = $this->client->dataStore->getResource($href, \Stormpath\Stormpath::DIRECTORY);
            return $directory->createAccount(\Stormpath\Resource\Account::instantiate($agent));
        } catch (ResourceError $e) {
            switch ($e->getErrorCode()) {
                case self::SP_MIRROR_NO_CREATE:
                    $this->log->warning('Permanent agent must be created in AD, not in CallDesk', ['email' => $agent['email']]);
                    throw new CallDeskError(CallDeskError::AGENT_MUST_BE_IN_AD);
                default:
                    // The temps directory is disabled outside the summer season, and
                    // Stormpath then answers: "The specified Directory reference is
                    // invalid: the Directory status is DISABLED and may not be used."
                    $this->log->error('Stormpath error creating agent', [
                        'status' => $e->getStatus(),
                        'code' => $e->getErrorCode(),
                        'developerMessage' => $e->getDeveloperMessage(),
                        'moreInfo' => $e->getMoreInfo(),
                    ]);
                    throw new CallDeskError(CallDeskError::IDENTITY_UNAVAILABLE);
            }
        }
    }

    /**
     * Update an agent's display name. For AD-mirrored agents the name is
     * owned by AD, so we only store it in CallDesk's own table.
     */
    public function renameAgent($accountHref, $givenName, $surname)
    {
        $account = $this->client->dataStore->getResource($accountHref, \Stormpath\Stormpath::ACCOUNT);
        $account->givenName = $givenName;
        $account->surname = $surname;
        try {
            $account->save();
            return true;
        } catch (ResourceError $e) {
            if ($e->getErrorCode() == self::SP_READ_ONLY_PROPERTY) {
                // givenName is a read-only property on a externally managed Directory Account
                return false; // caller stores the display name locally
            }
            throw $e;
        }
    }
}

/*
 * CallDesk's own error numbers (app/Support/CallDeskError.php), for reference:
 *
 *   const CASE_LOCKED          = 4002;  // "case locked by another agent"
 *   const CALLER_NOT_FOUND     = 2008;
 *   const MEMBER_SEARCH_TIMEOUT = 2009;
 *   const AGENT_MUST_BE_IN_AD  = 2012;
 *   const IDENTITY_UNAVAILABLE = 2013;
 *   const DUPLICATE_CASE       = 2020;   // SQLSTATE 23000 / MySQL 1062 underneath
 *
 * Gold Desk hunt group is ext. 4605; IT service desk ext. 2010.
 */
