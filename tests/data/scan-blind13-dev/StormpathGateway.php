<?php
/**
 * Tidewater merch shop (shop.tidewater-games.com) - WordPress/WooCommerce plugin
 * "tw-player-accounts": lets players use their Tidewater ID on the merch shop.
 *
 * @package TwPlayerAccounts
 * @since   1.3.0 (2015-06)
 */

namespace Tidewater\PlayerAccounts;

use Stormpath\Resource\ResourceError;
use Stormpath\Stormpath;

class StormpathGateway
{
    // Stormpath error codes - ResourceError::getErrorCode()
    const SP_EMAIL_OR_USERNAME_TAKEN = 2001;
    const SP_PASSWORD_RESET_DISABLED = 5115;
    const SP_NO_VERIFICATION_WORKFLOW = 6101;
    const SP_NOT_VERIFIED = 7102;

    // MySQL error numbers (PDOException::errorInfo[1])
    const MYSQL_DUP_ENTRY = 1062;
    const MYSQL_TOO_MANY_CONNECTIONS = 1040;
    const MYSQL_CANT_CONNECT = 2002;   // "SQLSTATE[HY000] [2002] Connection refused"

    const CURL_TIMEOUT = 28;
    const MEMCACHED_PORT = 11211;
    const ORDER_LOOKBACK_DAYS = 730;

    /** @var \Stormpath\Resource\Application */
    private $app;
    /** @var \PDO */
    private $db;

    public function __construct($app, \PDO $db)
    {
        $this->app = $app;
        $this->db = $db;
    }

    public function register(array $data)
    {
        try {
            $account = \Stormpath\Resource\Account::instantiate([
                'givenName' => $data['first_name'],
                'surname'   => $data['last_name'],
                'email'     => $data['email'],
                'password'  => $data['password'],
            ]);
            $this->app->createAccount($account);
        } catch (ResourceError $e) {
            if ($e->getErrorCode() === self::SP_EMAIL_OR_USERNAME_TAKEN) {
                return new \WP_Error('tw_exists', __('You already have a Tidewater ID - sign in instead.', 'tw-player-accounts'));
            }
            error_log(sprintf('[tw-player-accounts] register failed: HTTP %d, code %d, %s',
                $e->getStatus(), $e->getErrorCode(), $e->getDeveloperMessage()));
            return new \WP_Error('tw_register', __('Registration is unavailable right now.', 'tw-player-accounts'));
        }

        try {
            $stmt = $this->db->prepare('INSERT INTO wp_tw_links (user_email, sp_href) VALUES (?, ?)');
            $stmt->execute([$data['email'], $account->href]);
        } catch (\PDOException $pe) {
            if ((int) $pe->errorInfo[1] !== self::MYSQL_DUP_ENTRY) {
                throw $pe;
            }
        }
        return $account;
    }

    public function login($login, $password)
    {
        try {
            return $this->app->authenticate($login, $password)->account;
        } catch (ResourceError $e) {
            switch ($e->getErrorCode()) {
                case self::SP_NOT_VERIFIED:
                    $this->resendVerification($login);
                    return new \WP_Error('tw_unverified', __('Please confirm your email first - we just sent the link again.', 'tw-player-accounts'));
                default:
                    return new \WP_Error('tw_login', __('Wrong email or password.', 'tw-player-accounts'));
            }
        }
    }

    public function sendPasswordReset($email)
    {
        try {
            $this->app->sendPasswordResetEmail($email);
        } catch (ResourceError $e) {
            if ($e->getErrorCode() == self::SP_PASSWORD_RESET_DISABLED) {
                // someone turned the workflow off in the Stormpath console again
                wp_mail(get_option('admin_email'), 'Password reset disabled in Stormpath', $e->getDeveloperMessage());
            }
            return false;
        }
        return true;
    }

    private function resendVerification($login)
    {
        try {
            $this->app->sendVerificationEmail($login);
        } catch (ResourceError $e) {
            if ($e->getErrorCode() == self::SP_NO_VERIFICATION_WORKFLOW) {
                error_log('[tw-player-accounts] directory has no verification workflow; cannot resend');
            }
        }
    }

    public function recentOrders($email)
    {
        $cache = new \Memcached();
        $cache->addServer('127.0.0.1', self::MEMCACHED_PORT);
        $key = 'tw_orders_' . md5($email);
        if (($hit = $cache->get($key)) !== false) {
            return $hit;
        }
        try {
            $stmt = $this->db->prepare(
                'SELECT order_id, total FROM wp_wc_orders WHERE billing_email = ? AND date_created > DATE_SUB(NOW(), INTERVAL ? DAY) LIMIT 100'
            );
            $stmt->execute([$email, self::ORDER_LOOKBACK_DAYS]);
        } catch (\PDOException $pe) {
            $n = (int) ($pe->errorInfo[1] ?? 0);
            if ($n === self::MYSQL_CANT_CONNECT || $n === self::MYSQL_TOO_MANY_CONNECTIONS) {
                return [];
            }
            throw $pe;
        }
        $rows = $stmt->fetchAll(\PDO::FETCH_ASSOC);
        $cache->set($key, $rows, 300);
        return $rows;
    }
}
