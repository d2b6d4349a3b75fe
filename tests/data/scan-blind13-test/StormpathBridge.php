<?php
/**
 * larkspur-booking-widget / src/StormpathBridge.php
 *
 * Lets guests create a Rewards account from the booking confirmation page of the
 * legacy PHP booking engine (2014-2017). Talks to Stormpath's REST API directly
 * with Guzzle because the widget cannot load the SDK on the shared host.
 *
 * Maintainer: web-team@larkspurhotels.com
 */

namespace Larkspur\Booking;

use GuzzleHttp\Client;
use GuzzleHttp\Exception\ClientException;
use GuzzleHttp\Exception\ConnectException;
use PDO;
use PDOException;

class StormpathBridge
{
    const API_BASE      = 'https://api.stormpath.com/v1/';
    const HTTP_TIMEOUT  = 10;      // seconds
    const CURL_TIMEOUT  = 28;      // CURLE_OPERATION_TIMEDOUT
    const WIDGET_PORT   = 8080;

    // MySQL error numbers from PDO::errorInfo()[1]
    const MYSQL_DUPLICATE_ENTRY = 1062;
    const MYSQL_ACCESS_DENIED   = 1045;
    const MYSQL_NO_SOCKET       = 2002;   // "SQLSTATE[HY000] [2002] Connection refused"

    /** Stormpath code => text shown under the sign-up form. */
    private static $fieldMessages = array(
        2000 => 'Please fill in all required fields.',
        2006 => 'Please check the format of your e-mail address.',
        2007 => 'Your password must be at least 8 characters.',
        2008 => 'That entry is too long.',
        7205 => 'Sorry, we cannot accept sign-ups from that e-mail provider.',
    );

    private $http;
    private $db;

    public function __construct(Client $http, PDO $db)
    {
        $this->http = $http;
        $this->db = $db;
    }

    public function createMember($applicationHref, array $guest, $confirmationNo)
    {
        try {
            $res = $this->http->post($applicationHref . '/accounts', array(
                'json'    => array(
                    'givenName' => $guest['first_name'],
                    'surname'   => $guest['last_name'],
                    'email'     => $guest['email'],
                    'password'  => $guest['password'],
                    'customData' => array('firstBooking' => $confirmationNo),
                ),
                'timeout' => self::HTTP_TIMEOUT,
            ));
        } catch (ClientException $e) {
            $body = json_decode((string) $e->getResponse()->getBody(), true);
            $code = isset($body['code']) ? (int) $body['code'] : 0;
            error_log(sprintf('[bridge] stormpath %d (%d) for booking %s: %s',
                $code, $e->getResponse()->getStatusCode(), $confirmationNo,
                isset($body['developerMessage']) ? $body['developerMessage'] : '-'));
            return array('ok' => false, 'message' => $this->messageFor($code, $body));
        } catch (ConnectException $e) {
            return array('ok' => false, 'message' => 'Sign-up is unavailable right now. Your booking is confirmed.');
        }

        $account = json_decode((string) $res->getBody(), true);
        $this->linkBooking($account['href'], $confirmationNo);
        return array('ok' => true);
    }

    private function messageFor($code, array $body)
    {
        if (isset(self::$fieldMessages[$code])) {
            return self::$fieldMessages[$code];
        }
        return isset($body['message']) ? $body['message'] : 'Sorry, something went wrong.';
    }

    private function linkBooking($accountHref, $confirmationNo)
    {
        try {
            $stmt = $this->db->prepare('INSERT INTO member_bookings (account_href, confirmation_no) VALUES (?, ?)');
            $stmt->execute(array($accountHref, $confirmationNo));
        } catch (PDOException $e) {
            $info = $e->errorInfo;
            if ($info[1] == self::MYSQL_DUPLICATE_ENTRY) {
                return; // already linked on a previous attempt
            }
            if ($info[1] == self::MYSQL_NO_SOCKET || $info[1] == self::MYSQL_ACCESS_DENIED) {
                error_log('[bridge] booking DB unavailable: ' . $e->getMessage());
                return;
            }
            throw $e;
        }
    }
}
