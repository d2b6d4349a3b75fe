<?php
/**
 * housing.caldervalley.edu — Residence Life self-service
 *
 * - sign-up / sign-in for incoming residents (Stormpath, "Housing Portal" app,
 *   directory "CVU Housing Applicants": only @caldervalley.edu and
 *   @students.caldervalley.edu addresses allowed, see the directory's
 *   emailDomainWhitelist)
 * - CalderCard door access status for the resident's hall (CardGate panels)
 *
 * Residence Life IT / ITS Identity, 2015–2017.
 */

declare(strict_types=1);

namespace Cvu\Housing;

require_once __DIR__ . '/../vendor/autoload.php';

use Stormpath\Client;
use Stormpath\Resource\Account;
use Stormpath\Resource\ResourceError;

/**
 * CardGate panel fault codes, as the door controllers report them over the
 * CardGate XML feed (vendor manual CG-4 section 9). These are the door
 * hardware's numbers — nothing to do with Stormpath.
 */
final class DoorFault
{
    public const READER_OFFLINE   = 1100;  // reader not polling the panel
    public const DOOR_FORCED      = 2013;  // door opened without a valid read
    public const PANEL_TAMPER     = 5100;  // panel enclosure opened
    public const PANEL_COMM_LOST  = 9001;  // panel lost its link to the host

    public const LABELS = [
        self::READER_OFFLINE  => 'Card reader offline',
        self::DOOR_FORCED     => 'Door forced open',
        self::PANEL_TAMPER    => 'Panel tamper',
        self::PANEL_COMM_LOST => 'Panel offline',
    ];
}

final class SignupController
{
    /** Stormpath error code => message for the sign-up form. */
    private const STORMPATH_SIGNUP_ERRORS = [
        2001 => 'You already have a housing portal account. Please sign in instead, or use "Forgot password".',
        7205 => 'That e-mail domain is not accepted. Please use your CVU e-mail address.',
        7206 => 'Please sign up with your CVU e-mail address (@caldervalley.edu or @students.caldervalley.edu).',
    ];

    private Client $client;
    private string $applicationHref;

    public function __construct(Client $client, string $applicationHref)
    {
        $this->client = $client;
        $this->applicationHref = $applicationHref;
    }

    /**
     * POST /signup
     * @return array{ok: bool, message?: string}
     */
    public function signup(array $post): array
    {
        $app = $this->client->dataStore->getResource($this->applicationHref, \Stormpath\Stormpath::APPLICATION);

        $account = $this->client->dataStore->instantiate(\Stormpath\Stormpath::ACCOUNT);
        $account->givenName = trim($post['given_name'] ?? '');
        $account->surname   = trim($post['surname'] ?? '');
        $account->email     = strtolower(trim($post['email'] ?? ''));
        $account->password  = $post['password'] ?? '';
        $account->customData->studentId = preg_replace('/\D/', '', $post['student_id'] ?? '');

        try {
            $app->createAccount($account);
        } catch (ResourceError $re) {
            error_log(sprintf(
                '[housing] signup failed for %s: HTTP %d, Stormpath %d: %s (%s)',
                $account->email,
                $re->getStatus(),
                $re->getErrorCode(),
                $re->getDeveloperMessage(),
                $re->getMoreInfo()
            ));

            $msg = self::STORMPATH_SIGNUP_ERRORS[$re->getErrorCode()]
                ?? 'Sign-up did not work. Please contact Residence Life at x3100.';
            return ['ok' => false, 'message' => $msg];
        }

        return ['ok' => true];
    }
}

final class DoorStatusController
{
    private \PDO $cardgate;

    public function __construct(\PDO $cardgate)
    {
        $this->cardgate = $cardgate;
    }

    /**
     * GET /my-hall/doors — doors in the resident's hall with an open fault.
     * The CardGate reporting DB is SQL Server (cardgate-sql01, CARDGATE_RPT).
     */
    public function openFaults(string $hallCode): array
    {
        try {
            $stmt = $this->cardgate->prepare(
                'SELECT door_name, fault_code, raised_at FROM dbo.v_open_faults WHERE hall_code = ? ORDER BY raised_at DESC'
            );
            $stmt->execute([$hallCode]);
        } catch (\PDOException $e) {
            // SQL Server 18456 = login failed for the reporting user; 1205 = deadlock victim (retry).
            error_log('[housing] CardGate DB error ' . $e->getCode() . ': ' . $e->getMessage());
            return [];
        }

        $out = [];
        foreach ($stmt->fetchAll(\PDO::FETCH_ASSOC) as $row) {
            $code = (int) $row['fault_code'];
            $out[] = [
                'door'  => $row['door_name'],
                'fault' => DoorFault::LABELS[$code] ?? ('Fault ' . $code),
                'since' => $row['raised_at'],
            ];
        }
        return $out;
    }
}
