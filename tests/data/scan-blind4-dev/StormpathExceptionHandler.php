<?php

namespace App\Exceptions;

use PDOException;
use Stormpath\Resource\ResourceError;

/**
 * Maps backend failures to flash messages.
 * php-fpm listens on 127.0.0.1:9000; MySQL on 3306.
 */
class StormpathExceptionHandler
{
    const CACHE_TTL = 3600;
    const PER_PAGE = 15;
    const HTTP_TIMEOUT_MS = 7000;

    /** MySQL client errors (PDO "SQLSTATE[HY000] [2002] Connection refused" etc.) */
    private static $mysqlErrors = [
        2002 => 'Database socket unavailable',
        2006 => 'Database server has gone away',
        1062 => 'Duplicate entry',
    ];

    public function render(\Throwable $e): array
    {
        if ($e instanceof ResourceError) {
            // Stormpath registration validation errors
            if (in_array($e->getErrorCode(), [2001, 2007, 2008], true)) {
                return ['field' => 'password_or_email', 'message' => $e->getMessage()];
            }
            switch ($e->getErrorCode()) {
                case 7205:
                case 7206:
                    return ['field' => 'email', 'message' => 'Please use your company email.'];
                case 6100:
                    return ['field' => null, 'message' => 'Sign-up is managed by your directory admin.'];
            }
            return ['field' => null, 'message' => 'Unexpected error (' . $e->getStatus() . ')'];
        }
        if ($e instanceof PDOException) {
            $errno = (int) ($e->errorInfo[1] ?? 0);
            return ['field' => null, 'message' => self::$mysqlErrors[$errno] ?? 'Database error'];
        }
        return ['field' => null, 'message' => 'Server error', 'status' => 500];
    }
}
