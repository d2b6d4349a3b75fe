<?php

namespace Quill\Portal\Stormpath;

/**
 * Stormpath error codes returned while the district onboarding wizard maps
 * directories and groups to organizations and applications.
 *
 * Keep in sync with docs/onboarding.md. See also the MySQL client errors at the
 * bottom: the wizard writes its progress to MySQL and retries on those.
 */
final class OrgStoreErrorCodes
{
    // --- Organization mappings ---
    const ORG_DIRECTORY_NAME_TAKEN        = 4520;
    const ORG_NO_DEFAULT_ACCOUNT_STORE    = 4600;
    const ORG_ACCOUNT_STORE_DISABLED      = 4601;
    const ORG_NO_DEFAULT_GROUP_STORE      = 4602;
    const ORG_GROUP_STORE_DISABLED        = 4603;
    const ORG_STORE_ALREADY_MAPPED        = 4604;
    const ORG_MIRROR_DIRECTORY_ACCOUNTS   = 4606;
    const ORG_MIRROR_GROUP                = 4608;
    const ORG_MIRROR_DIRECTORY_GROUPS     = 4610;
    const ORG_DIRECTORY_TYPE_TAKEN        = 4700;
    const ORG_NO_DIRECTORY_OF_TYPE        = 4701; // not in the published list, seen from the API

    // --- Application mappings ---
    const APP_DIRECTORY_NAME_TAKEN        = 5010;
    const APP_STORE_ALREADY_MAPPED        = 5104;
    const APP_DIRECTORY_TYPE_TAKEN        = 5200;

    // --- MySQL client errors (not Stormpath!) ---
    const CR_CONNECTION_ERROR  = 2002;
    const CR_CONN_HOST_ERROR   = 2003;
    const CR_SERVER_GONE_ERROR = 2006;
    const CR_SERVER_LOST       = 2013;

    const RETRY_SLEEP_MS = 1500;

    /** Codes after which the wizard may simply skip the step (mapping already exists). */
    public static function isAlreadyDone($code)
    {
        return in_array($code, [
            self::ORG_STORE_ALREADY_MAPPED,
            self::APP_STORE_ALREADY_MAPPED,
            self::ORG_DIRECTORY_TYPE_TAKEN,
            self::APP_DIRECTORY_TYPE_TAKEN,
        ], true);
    }

    /** MySQL errors worth a reconnect + retry. */
    public static function isRetryableDbError($mysqlErrno)
    {
        return in_array($mysqlErrno, [
            self::CR_CONNECTION_ERROR,
            self::CR_CONN_HOST_ERROR,
            self::CR_SERVER_GONE_ERROR,
            self::CR_SERVER_LOST,
        ], true);
    }

    public static function message($code)
    {
        switch ($code) {
            case self::ORG_DIRECTORY_NAME_TAKEN:
            case self::APP_DIRECTORY_NAME_TAKEN:
                return 'A directory with that name already exists. Pick another district short name.';
            case self::ORG_MIRROR_DIRECTORY_ACCOUNTS:
            case self::ORG_MIRROR_GROUP:
            case self::ORG_MIRROR_DIRECTORY_GROUPS:
                return 'This district syncs users from its own directory; accounts must be created there.';
            default:
                return 'The district could not be set up (Stormpath error ' . (int) $code . ').';
        }
    }
}
