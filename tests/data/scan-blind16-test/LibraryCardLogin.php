<?php
/**
 * Harrowgate Libraries - "My Library Card" login (library.harrowgate.gov).
 *
 * Residents sign in with their HarrowgateConnect account (Stormpath); we then
 * look the patron up in the library system (SirsiDynix) over SIP2.
 */

namespace Harrowgate\Library\Auth;

use Harrowgate\Library\Sip2\Sip2Client;
use Stormpath\Resource\ResourceError;
use Stormpath\Authc\UsernamePasswordRequest;

class LibraryCardLogin
{
    // Stormpath error codes we treat specially.
    const SP_BAD_PASSWORD   = 7100;
    const SP_LOCKED         = 7103;
    const SP_GROUP_DISABLED = 7105; // "Suspended-Patrons" group is disabled for blocked cards

    // Our own library-portal error numbers (shown on screen as "LIB-nnnn").
    // These are NOT Stormpath codes.
    const LIB_CARD_EXPIRED  = 7106;
    const LIB_FINES_OVER    = 2010;   // fines over the 10.00 GBP limit
    const LIB_SIP2_DOWN     = 9002;

    const SIP2_HOST = 'sip2.libraries.harrowgate.gov';
    const SIP2_PORT = 6001;

    /** @var \Stormpath\Resource\Application */
    private $application;
    /** @var Sip2Client */
    private $sip2;
    /** @var \PDO */
    private $db;

    public function __construct($application, Sip2Client $sip2, \PDO $db)
    {
        $this->application = $application;
        $this->sip2 = $sip2;
        $this->db = $db;
    }

    public function login($email, $password)
    {
        try {
            $result = $this->application->authenticate(new UsernamePasswordRequest($email, $password));
        } catch (ResourceError $re) {
            switch ($re->getErrorCode()) {
                case self::SP_BAD_PASSWORD:
                    return ['ok' => false, 'msg' => 'E-mail or password not recognised.'];
                case self::SP_LOCKED:
                    return ['ok' => false, 'msg' => 'Too many attempts - try again in 10 minutes.'];
                case self::SP_GROUP_DISABLED:
                    return ['ok' => false, 'msg' => 'Your library card is blocked. Please visit any branch.'];
                default:
                    error_log(sprintf('[library-login] Stormpath %d: %s (%s)',
                        $re->getErrorCode(), $re->getDeveloperMessage(), $re->getMoreInfo()));
                    return ['ok' => false, 'msg' => 'Sign-in is not available at the moment.'];
            }
        }

        $account = $result->getAccount();
        $barcode = $account->customData->libraryBarcode;   // e.g. 21013000004605

        try {
            $patron = $this->sip2->patronInformation($barcode);   // SIP2 message 63 -> 64
        } catch (\RuntimeException $e) {
            return ['ok' => false, 'msg' => 'LIB-' . self::LIB_SIP2_DOWN . ': catalogue unavailable.'];
        }

        if ($patron->feeAmount > 10.00) {
            return ['ok' => false, 'msg' => 'LIB-' . self::LIB_FINES_OVER . ': please pay your fines.'];
        }
        if ($patron->expired) {
            return ['ok' => false, 'msg' => 'LIB-' . self::LIB_CARD_EXPIRED . ': your card has expired.'];
        }

        try {
            $stmt = $this->db->prepare('INSERT INTO web_sessions (barcode, started_at) VALUES (?, NOW())');
            $stmt->execute([$barcode]);
        } catch (\PDOException $e) {
            // SQLSTATE 23000 / MySQL 1062 duplicate entry: session row already there
            if ($e->errorInfo[1] != 1062) {
                throw $e;
            }
        }

        return ['ok' => true, 'patron' => $patron];
    }
}
