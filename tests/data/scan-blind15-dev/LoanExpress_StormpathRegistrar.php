<?php
/**
 * LoanExpress pre-qualification microsite (loans.cedarvalleycu.org)
 *
 * Applicants create a light-weight login so they can come back to a saved
 * application. Logins live in the Stormpath directory "LoanExpress
 * Applicants" (NOT the CV Members directory); the draft application itself
 * is stored as customData on the Stormpath account, and the submitted one in
 * MySQL (lx_applications) for the loan officers.
 *
 * @package   Cvccu\LoanExpress\Auth
 * @author    A. Moreno <amoreno@cedarvalleycu.org>
 * @since     2015-09
 */

namespace Cvccu\LoanExpress\Auth;

use PDO;
use PDOException;
use Psr\Log\LoggerInterface;
use Stormpath\Client;
use Stormpath\Resource\Account;
use Stormpath\Resource\ResourceError;

class StormpathRegistrar
{
    /*
     * Stormpath error codes we translate for applicants.
     * https://docs.stormpath.com/rest/product-guide/latest/errors.html
     */
    const SP_ERR_REQUIRED      = 2000; // e.g. "Account email is required; it cannot be null, empty, or blank."
    const SP_ERR_UNKNOWN_PROP  = 2015; // we sent a property the Account resource doesn't have
    const SP_ERR_CD_NAME_LEN   = 3001; // customData property name longer than 255 chars
    const SP_ERR_CD_NAME_CHARS = 3002; // customData property name with dots/spaces (old form field names!)
    const SP_ERR_CD_TOO_BIG    = 3004; // customData over the 10 MB limit (someone attached scanned paystubs)

    /*
     * MySQL client/server error numbers for lx_applications. These are MySQL's:
     *   1062 ER_DUP_ENTRY
     *   1213 ER_LOCK_DEADLOCK
     *   2002 CR_CONNECTION_ERROR   (can't connect through socket / host)
     *   2006 CR_SERVER_GONE_ERROR  (MySQL server has gone away)
     *   2013 CR_SERVER_LOST        (lost connection to MySQL server during query)
     */
    const MYSQL_RETRYABLE = [1213, 2002, 2006, 2013];

    /* LoanExpress's own error numbers shown to applicants as "LX-nnnn". Ours. */
    const LX_MISSING_FIELD   = 1001;
    const LX_TRY_AGAIN_LATER = 5100;
    const LX_APP_TOO_LARGE   = 5104;
    const LX_INTERNAL        = 9999;

    /** @var Client */
    private $client;
    /** @var PDO */
    private $db;
    /** @var LoggerInterface */
    private $log;
    /** @var string */
    private $directoryHref;

    public function __construct(Client $client, PDO $db, LoggerInterface $log, $directoryHref)
    {
        $this->client = $client;
        $this->db = $db;
        $this->log = $log;
        $this->directoryHref = $directoryHref;
    }

    /**
     * Create the applicant login and park the draft application in customData.
     *
     * @return array ['ok' => bool, 'lx' => int|null, 'message' => string|null, 'account' => string|null]
     */
    public function register(array $form, array $draft)
    {
        $directory = $this->client->dataStore->getResource($this->directoryHref, \Stormpath\Stormpath::DIRECTORY);

        $account = $this->client->dataStore->instantiate(\Stormpath\Stormpath::ACCOUNT);
        $account->email     = isset($form['email']) ? trim($form['email']) : null;
        $account->password  = isset($form['password']) ? $form['password'] : null;
        $account->givenName = isset($form['first_name']) ? $form['first_name'] : null;
        $account->surname   = isset($form['last_name']) ? $form['last_name'] : null;

        $customData = $account->customData;
        foreach ($draft as $field => $value) {
            $customData->$field = $value;
        }

        try {
            $directory->createAccount($account);
        } catch (ResourceError $e) {
            $this->log->warning('LoanExpress registration rejected by Stormpath', [
                'status'    => $e->getStatus(),
                'code'      => $e->getErrorCode(),
                'developer' => $e->getDeveloperMessage(),
                'more_info' => $e->getMoreInfo(),
            ]);
            return $this->translate($e);
        }

        return ['ok' => true, 'lx' => null, 'message' => null, 'account' => $account->href];
    }

    private function translate(ResourceError $e)
    {
        switch ($e->getErrorCode()) {
            case self::SP_ERR_REQUIRED:
                return $this->fail(self::LX_MISSING_FIELD, 'Please fill in every field marked with *.');
            case self::SP_ERR_CD_TOO_BIG:
                return $this->fail(self::LX_APP_TOO_LARGE,
                    'Your saved application is too large. Please remove uploaded documents and bring them to the branch.');
            case self::SP_ERR_UNKNOWN_PROP:
            case self::SP_ERR_CD_NAME_LEN:
            case self::SP_ERR_CD_NAME_CHARS:
                // Our bug, not the applicant's: a form field name that Stormpath
                // won't accept as a property name. Log loudly, let them continue.
                $this->log->error('LoanExpress form field not storable in Stormpath customData', [
                    'code' => $e->getErrorCode(),
                    'dev'  => $e->getDeveloperMessage(),
                ]);
                return $this->fail(self::LX_TRY_AGAIN_LATER, 'Something went wrong on our side. Please try again later.');
            default:
                return $this->fail(self::LX_INTERNAL, 'Something went wrong on our side. Please call 800-555-0142.');
        }
    }

    /**
     * Store the submitted application for loan officers, retrying MySQL
     * connection errors (the LX database is on the shared lamp02 box).
     */
    public function submit($accountHref, array $application)
    {
        $sql = 'INSERT INTO lx_applications (account_href, product, amount_requested, term_months, payload, submitted_at)
                VALUES (:href, :product, :amount, :term, :payload, NOW())';
        for ($attempt = 1; $attempt <= 3; $attempt++) {
            try {
                $stmt = $this->db->prepare($sql);
                $stmt->execute([
                    ':href'    => $accountHref,
                    ':product' => $application['product'],        // AUTO, RV, SIG, HELOC
                    ':amount'  => $application['amount'],          // e.g. 7100.00
                    ':term'    => $application['term_months'],     // 12..84
                    ':payload' => json_encode($application),
                ]);
                return (int) $this->db->lastInsertId();
            } catch (PDOException $e) {
                $mysqlErrno = isset($e->errorInfo[1]) ? (int) $e->errorInfo[1] : 0;
                if ($mysqlErrno === 1062) {
                    $this->log->info('duplicate LoanExpress submission ignored', ['href' => $accountHref]);
                    return null;
                }
                if (!in_array($mysqlErrno, self::MYSQL_RETRYABLE, true) || $attempt === 3) {
                    $this->log->error('LoanExpress submit failed', ['mysql_errno' => $mysqlErrno, 'msg' => $e->getMessage()]);
                    throw $e;
                }
                $this->log->warning('MySQL error, retrying', ['mysql_errno' => $mysqlErrno, 'attempt' => $attempt]);
                usleep(250000 * $attempt);
            }
        }
        return null;
    }

    private function fail($lx, $message)
    {
        return ['ok' => false, 'lx' => $lx, 'message' => $message, 'account' => null];
    }
}
