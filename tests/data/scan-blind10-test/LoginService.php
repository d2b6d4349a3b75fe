<?php
declare(strict_types=1);

namespace Acme\Auth;

use PDO;
use PDOException;
use Psr\Log\LoggerInterface;
use Stormpath\Resource\Application;
use Stormpath\Resource\ResourceError;
use Stormpath\Authc\UsernamePasswordRequest;

/**
 * Login for the customer portal. Accounts live in Stormpath; we keep the last
 * login time in our own MySQL database.
 */
final class LoginService
{
    /** Stormpath codes for which we show "wrong email or password". */
    private const STORMPATH_BAD_LOGIN = [7100, 7102];

    /** MySQL client error 2006 ("MySQL server has gone away") happens after idle periods. */
    private const MYSQL_SERVER_GONE_AWAY = 2006;

    private $application;
    private $pdo;
    private $log;

    public function __construct(Application $application, PDO $pdo, LoggerInterface $log)
    {
        $this->application = $application;
        $this->pdo = $pdo;
        $this->log = $log;
    }

    public function login(string $email, string $password): LoginResult
    {
        try {
            $result = $this->application->authenticate(new UsernamePasswordRequest($email, $password));
        } catch (ResourceError $re) {
            if (in_array($re->getErrorCode(), self::STORMPATH_BAD_LOGIN, true)) {
                if ($re->getErrorCode() === 7102) {
                    // Unverified accounts: resend the verification mail quietly.
                    $this->resendVerification($email);
                }
                return LoginResult::badCredentials();
            }
            $this->log->error('Stormpath login error', [
                'status' => $re->getStatus(),
                'code' => $re->getErrorCode(),
                'developerMessage' => $re->getDeveloperMessage(),
                'moreInfo' => $re->getMoreInfo(),
            ]);
            return LoginResult::unavailable();
        }

        $this->touchLastLogin($result->getAccount()->getHref());
        return LoginResult::ok($result->getAccount());
    }

    private function touchLastLogin(string $href): void
    {
        $sql = 'UPDATE portal_users SET last_login_at = NOW() WHERE stormpath_href = ?';
        try {
            $this->pdo->prepare($sql)->execute([$href]);
        } catch (PDOException $e) {
            // e.g. "SQLSTATE[HY000]: General error: 2006 MySQL server has gone away"
            if ((int) ($e->errorInfo[1] ?? 0) === self::MYSQL_SERVER_GONE_AWAY) {
                $this->reconnect();
                $this->pdo->prepare($sql)->execute([$href]);
                return;
            }
            throw $e;
        }
    }

    private function resendVerification(string $email): void
    {
        $this->application->sendVerificationEmail($email);
    }

    private function reconnect(): void
    {
        $this->pdo = new PDO(getenv('PORTAL_DSN'), getenv('PORTAL_DB_USER'), getenv('PORTAL_DB_PASS'), [
            PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
            PDO::ATTR_TIMEOUT => 5,
        ]);
    }
}
