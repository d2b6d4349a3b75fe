<?php
/**
 * MyHalcyon billing & account pages (legacy PHP 5.6 side of the portal).
 *
 * Turns errors from three backends into flash messages:
 *   - Stormpath (login, password reset)      Stormpath\Resource\ResourceError
 *   - the billing database (MySQL via PDO)   PDOException, errorInfo[1]
 *   - PayPal Express Checkout (NVP API)      L_ERRORCODE0
 *
 * Served by php-fpm (listen = 127.0.0.1:9000) behind nginx on web01/web02.
 */

namespace Halcyon\Portal\Http;

use PDOException;
use Psr\Log\LoggerInterface;
use Stormpath\Resource\ResourceError;

final class PortalErrorPresenter
{
    /** Stormpath error code => translation key (resources/lang/en/auth.php) */
    const STORMPATH_KEYS = [
        7100 => 'auth.bad_credentials',
        7104 => 'auth.bad_credentials',
        7103 => 'auth.locked',
        2016 => 'reset.unknown_email',   // passwordResetTokens: e-mail matches no account
    ];

    /** MySQL error numbers (errorInfo[1]) */
    const MYSQL_DUPLICATE_ENTRY = 1062;
    const MYSQL_ACCESS_DENIED   = 1045;
    const MYSQL_NO_SOCKET       = 2002;

    /** PayPal NVP error codes worth a "try again" instead of "call us" */
    const PAYPAL_RETRYABLE = ['10002', '10417', '10486', '13113'];

    const CURL_TIMEOUT_SECONDS = 30;
    const MAX_FLASH_LENGTH = 240;

    private $log;

    public function __construct(LoggerInterface $log)
    {
        $this->log = $log;
    }

    public function fromStormpath(ResourceError $e)
    {
        $code = $e->getErrorCode();
        if (isset(self::STORMPATH_KEYS[$code])) {
            return trans(self::STORMPATH_KEYS[$code]);
        }
        $this->log->error(sprintf(
            'Stormpath %d (HTTP %d): %s [%s]',
            $code,
            $e->getStatus(),
            $e->getDeveloperMessage(),
            $e->getMoreInfo()
        ));
        return trans('auth.unavailable');
    }

    public function fromPdo(PDOException $e)
    {
        $driverCode = isset($e->errorInfo[1]) ? (int) $e->errorInfo[1] : 0;
        switch ($driverCode) {
            case self::MYSQL_DUPLICATE_ENTRY:
                return trans('billing.already_saved');
            case self::MYSQL_ACCESS_DENIED:
            case self::MYSQL_NO_SOCKET:
                $this->log->critical('billing DB unreachable: ' . $e->getMessage());
                return trans('billing.down');
            default:
                $this->log->error('billing DB error ' . $driverCode . ': ' . $e->getMessage());
                return trans('billing.failed');
        }
    }

    public function fromPayPal(array $nvp)
    {
        $ack = isset($nvp['ACK']) ? $nvp['ACK'] : 'Failure';
        $code = isset($nvp['L_ERRORCODE0']) ? $nvp['L_ERRORCODE0'] : '';
        if ($ack === 'Success' || $ack === 'SuccessWithWarning') {
            return null;
        }
        $msg = isset($nvp['L_LONGMESSAGE0']) ? $nvp['L_LONGMESSAGE0'] : 'PayPal error';
        $this->log->warning(sprintf('PayPal %s %s: %s (CORRELATIONID %s)',
            $ack, $code, $msg, isset($nvp['CORRELATIONID']) ? $nvp['CORRELATIONID'] : '-'));
        if (in_array($code, self::PAYPAL_RETRYABLE, true)) {
            return trans('billing.paypal_retry');
        }
        return mb_substr(trans('billing.paypal_failed', ['code' => $code]), 0, self::MAX_FLASH_LENGTH);
    }
}
