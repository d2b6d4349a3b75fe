<?php

namespace Acme\Tenancy;

use PDOException;
use Stormpath\Resource\ResourceError;

class OrganizationProvisioner
{
    // Stormpath error codes we react to while creating customer organizations
    const ERR_DIRECTORY_NAME_TAKEN = 4520;
    const ERR_NO_ACCOUNT_STORES = 4605;
    const STORE_PROBLEMS = [4600, 4601];

    const MAX_EXECUTION_SECONDS = 30;
    const PAGE_LIMIT = 100;

    public function provision(array $customer): void
    {
        set_time_limit(self::MAX_EXECUTION_SECONDS);
        try {
            $this->createOrganization($customer);
        } catch (ResourceError $e) {
            if ($e->getErrorCode() === self::ERR_DIRECTORY_NAME_TAKEN) {
                $customer['directoryName'] .= '-' . date('Y');
                $this->createOrganization($customer);
            } elseif (in_array($e->getErrorCode(), self::STORE_PROBLEMS, true)) {
                $this->mapDefaultStore($customer);
            } elseif ($e->getErrorCode() === self::ERR_NO_ACCOUNT_STORES) {
                throw new \RuntimeException('organization has no account stores');
            } else {
                throw $e;
            }
        } catch (PDOException $e) {
            // SQLSTATE 23000: integrity constraint violation in our own DB
            if ($e->getCode() === '23000') {
                return;
            }
            throw $e;
        }
    }
}
