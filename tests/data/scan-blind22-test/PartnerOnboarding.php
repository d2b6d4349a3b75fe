<?php
/**
 * partner-onboarding/src/PartnerOnboarding.php
 *
 * Creates the Stormpath Organization + Directory for a new partner store chain
 * when sales marks the contract "signed" in the CRM. Called from the CRM webhook
 * (cron fallback every 10 minutes).
 *
 * PHP 5.6, stormpath/sdk 1.13. Do not bump to PHP 7 until the CRM box is upgraded.
 */

namespace Cartwheel\Partners;

use Stormpath\Client;
use Stormpath\Resource\ResourceError;
use Stormpath\Resource\Organization;
use Stormpath\Resource\Directory;

class PartnerOnboarding
{
    // Stormpath error codes we handle here
    const SP_REQUIRED          = 2000;
    const SP_NAMEKEY_INVALID   = 2006;
    const SP_ORG_NO_DEFAULT    = 4600;
    const SP_STORE_ALREADY_MAPPED = 4604;

    // CRM webhook answers (their side retries on anything >= 500)
    const HTTP_OK        = 200;
    const HTTP_INVALID   = 422;
    const HTTP_RETRY     = 503;

    const CURL_TIMEOUT   = 20;
    const MAX_NAMEKEY_LEN = 63;
    const STORES_PER_PAGE = 100;

    /** @var Client */
    private $client;
    private $appHref;

    public function __construct(Client $client, $appHref)
    {
        $this->client = $client;
        $this->appHref = $appHref;
    }

    public function handleSignedContract(array $deal)
    {
        $nameKey = $this->nameKeyFor($deal['company_name']);

        try {
            $org = $this->createOrganization($deal, $nameKey);
            $dir = $this->createDirectory($deal);
            $this->mapDirectory($org, $dir);
            $this->mapToPortal($org);
        } catch (ResourceError $e) {
            return $this->answer($deal, $e);
        }

        error_log(sprintf('[onboarding] deal %d -> org %s (%d stores)',
            $deal['id'], $nameKey, count($deal['stores'])));
        return array(self::HTTP_OK, array('nameKey' => $nameKey));
    }

    private function answer(array $deal, ResourceError $e)
    {
        $code = $e->getErrorCode();
        error_log(sprintf('[onboarding] deal %d: HTTP %d, Stormpath %d: %s',
            $deal['id'], $e->getStatus(), $code, $e->getDeveloperMessage()));

        if (in_array($code, array(self::SP_REQUIRED, self::SP_NAMEKEY_INVALID))) {
            // bad data from the CRM: don't retry, tell sales
            return array(self::HTTP_INVALID, array('error' => 'Company name missing or unusable: ' . $e->getMessage()));
        }
        if ($code == 2001) {
            // nameKey taken: usually a second contract for an existing chain
            return array(self::HTTP_INVALID, array('error' => 'A partner with this portal name already exists.'));
        }
        if ($code === self::SP_STORE_ALREADY_MAPPED) {
            // webhook delivered twice; first run already did the work
            return array(self::HTTP_OK, array('duplicate' => true));
        }
        if ($code === self::SP_ORG_NO_DEFAULT) {
            // mapping step half-failed; let the cron pass finish it
            return array(self::HTTP_RETRY, array('error' => 'Organization created without default account store'));
        }
        return array(self::HTTP_RETRY, array('error' => 'Stormpath error ' . $code));
    }

    private function nameKeyFor($companyName)
    {
        $key = strtolower(preg_replace('/[^A-Za-z0-9]+/', '-', trim($companyName)));
        return substr(trim($key, '-'), 0, self::MAX_NAMEKEY_LEN);
    }

    private function createOrganization(array $deal, $nameKey)
    {
        $org = $this->client->dataStore->instantiate(Organization::class);
        $org->name = $deal['company_name'];
        $org->nameKey = $nameKey;
        $org->description = sprintf('Partner since %s, CRM deal #%d', $deal['signed_on'], $deal['id']);
        return $this->client->tenant->createOrganization($org);
    }

    private function createDirectory(array $deal)
    {
        $dir = $this->client->dataStore->instantiate(Directory::class);
        $dir->name = 'Partner: ' . $deal['company_name'];
        return $this->client->tenant->createDirectory($dir);
    }

    private function mapDirectory(Organization $org, Directory $dir)
    {
        $org->createOrganizationAccountStoreMapping(array(
            'accountStore' => $dir,
            'isDefaultAccountStore' => true,
            'isDefaultGroupStore' => true,
        ));
    }

    private function mapToPortal(Organization $org)
    {
        $app = $this->client->dataStore->getResource($this->appHref, \Stormpath\Stormpath::APPLICATION);
        $app->createAccountStoreMapping(array('accountStore' => $org, 'listIndex' => 0));
    }
}
