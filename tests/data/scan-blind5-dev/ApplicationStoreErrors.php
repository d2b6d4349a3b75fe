<?php

namespace App\Identity;

use Stormpath\Resource\ResourceError;
use PDOException;
use Psr\Log\LoggerInterface;

/**
 * Explains to admins why a new user could not be provisioned.
 * Used by the provisioning cron (bin/provision-users.php) and the admin UI.
 */
final class ApplicationStoreErrors
{
    // Stormpath application / account store errors
    const NO_DEFAULT_ACCOUNT_STORE = 5100;
    const DEFAULT_ACCOUNT_STORE_DISABLED = 5101;
    const STORE_ALREADY_MAPPED = 5104;

    // MySQL client/server errors from the local shadow DB
    const MYSQL_ACCESS_DENIED = 1045;
    const MYSQL_CANT_CONNECT_SOCKET = 2002;
    const MYSQL_CANT_CONNECT = 2003;

    /** @var LoggerInterface */
    private $log;

    public function __construct(LoggerInterface $log)
    {
        $this->log = $log;
    }

    public function explain(\Exception $e)
    {
        if ($e instanceof PDOException) {
            $driverCode = isset($e->errorInfo[1]) ? (int) $e->errorInfo[1] : 0;
            if (in_array($driverCode, [self::MYSQL_CANT_CONNECT_SOCKET, self::MYSQL_CANT_CONNECT], true)) {
                return 'Shadow database is down (MySQL ' . $driverCode . ').';
            }
            if ($driverCode === self::MYSQL_ACCESS_DENIED) {
                return 'Shadow database credentials are wrong.';
            }
            return 'Database error.';
        }

        if (!$e instanceof ResourceError) {
            return 'Unexpected error: ' . $e->getMessage();
        }

        switch ($e->getErrorCode()) {
            case self::NO_DEFAULT_ACCOUNT_STORE:
            case self::DEFAULT_ACCOUNT_STORE_DISABLED:
                return 'The application has no usable default directory for new users. Check Account Stores in the Stormpath console.';
            case self::STORE_ALREADY_MAPPED:
                return 'That directory is already mapped to the application.';
        }

        if (in_array($e->getErrorCode(), [5105], true)) {
            return 'The application has no account stores at all; nobody can log in.';
        }

        $this->log->warning('stormpath error', [
            'status' => $e->getStatus(),
            'code' => $e->getErrorCode(),
            'developerMessage' => $e->getDeveloperMessage(),
            'moreInfo' => $e->getMoreInfo(),
        ]);
        return 'Provisioning failed (' . $e->getStatus() . ').';
    }
}
