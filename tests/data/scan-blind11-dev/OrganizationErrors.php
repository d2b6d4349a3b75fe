<?php
/**
 * Stormpath organization errors the B2B sign-up flow knows how to explain.
 *
 * @package   Acme\Partners\Stormpath
 * @copyright 2016 Acme Shop Inc.
 */

namespace Acme\Partners\Stormpath;

use Stormpath\Resource\ResourceError;

final class OrganizationErrors
{
    const NO_DEFAULT_ACCOUNT_STORE       = 4600;
    const DEFAULT_ACCOUNT_STORE_DISABLED = 4601;
    const NO_ACCOUNT_STORES              = 4605;

    /**
     * 4614: an Organization cannot be mapped as an Account Store for another Organization.
     * Until June 2016 the API worded this "An organization can not an account store for
     * another organization." so old log lines look different.
     */
    const ORG_AS_ACCOUNT_STORE = 4614;

    /** Partner sign-ups are retried by the queue worker this many times. */
    const MAX_ATTEMPTS = 3;

    /**
     * True when the partner's organization is set up wrong in Stormpath and an admin must
     * fix the account store mappings; the partner can do nothing about it.
     */
    public static function needsAdmin(ResourceError $e)
    {
        return in_array($e->getErrorCode(), array(
            self::NO_DEFAULT_ACCOUNT_STORE,
            self::DEFAULT_ACCOUNT_STORE_DISABLED,
            self::NO_ACCOUNT_STORES,
            self::ORG_AS_ACCOUNT_STORE,
        ), true);
    }

    public static function logContext(ResourceError $e)
    {
        return array(
            'status'    => $e->getStatus(),
            'code'      => $e->getErrorCode(),
            'developer' => $e->getDeveloperMessage(),
            'moreInfo'  => $e->getMoreInfo(),
        );
    }
}
