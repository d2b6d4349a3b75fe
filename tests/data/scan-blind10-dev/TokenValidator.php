<?php
/**
 * src/Auth/TokenValidator.php
 *
 * Validates the access token our SPA sends by asking Stormpath, and decides
 * whether the user must log in again.
 */

namespace Quillstack\Auth;

use GuzzleHttp\Client;
use GuzzleHttp\Exception\ConnectException;
use Psr\Log\LoggerInterface;
use Stormpath\Resource\ResourceError;

final class TokenValidator
{
    /** Stormpath codes meaning "this token will never be valid again". */
    const STORMPATH_DEAD_TOKEN_CODES = [10010, 10011, 10014, 10015];

    /** Guzzle: give up after this many seconds (cURL error 28 afterwards). */
    const HTTP_TIMEOUT = 10;

    /** Local cache of positive results, seconds. */
    const CACHE_TTL = 300;

    /** @var \Stormpath\Resource\Application */
    private $application;
    /** @var LoggerInterface */
    private $log;
    /** @var \Redis */
    private $redis;

    public function __construct($application, \Redis $redis, LoggerInterface $log)
    {
        $this->application = $application;
        $this->redis = $redis;   // 127.0.0.1:6379, db 3
        $this->log = $log;
    }

    /**
     * @return bool true when the token is valid
     * @throws ReLoginRequired
     */
    public function validate($jwt)
    {
        $cacheKey = 'tok:' . sha1($jwt);
        if ($this->redis->get($cacheKey)) {
            return true;
        }

        try {
            $this->application->authenticate(new \Stormpath\Oauth\VerifyAccessTokenRequest($jwt));
        } catch (ResourceError $e) {
            if (in_array($e->getErrorCode(), self::STORMPATH_DEAD_TOKEN_CODES, true)) {
                throw new ReLoginRequired($e->getMessage(), $e->getErrorCode());
            }
            // When the token was revoked the API answers:
            // "Token does not exist. This can occur if the token has been manually deleted, or if the token has expired and removed by Stormpath."
            // Same treatment as above.
            if (stripos($e->getDeveloperMessage(), 'Token does not exist') === 0) {
                throw new ReLoginRequired($e->getMessage(), $e->getErrorCode());
            }
            $this->log->error('token check failed', [
                'code'      => $e->getErrorCode(),
                'status'    => $e->getStatus(),
                'requestId' => $e->getRequestId(),
            ]);
            return false;
        } catch (ConnectException $e) {
            // cURL error 7 (couldn't connect) or 28 (timed out): don't log the user
            // out because of our network, accept the token for now (QS-9003).
            $this->log->warning('stormpath unreachable: ' . $e->getMessage());
            return true;
        }

        $this->redis->setex($cacheKey, self::CACHE_TTL, 1);
        return true;
    }
}
