<?php

namespace Acme\Mail;

use Stormpath\Resource\ResourceError;

/**
 * Maps Stormpath email-server errors to admin UI messages.
 */
final class StormpathSmtpErrorHandler
{
    private const SMTP_PORT_TLS = 587;
    private const SMTP_PORT_SSL = 465;
    private const CONNECT_TIMEOUT_MS = 5000;

    public function messageFor(ResourceError $e): string
    {
        switch ($e->getErrorCode()) {
            case 13000:
                return sprintf('Cannot reach the SMTP host. Is port %d or %d open?', self::SMTP_PORT_TLS, self::SMTP_PORT_SSL);
            case 13001:
                return 'The SMTP username or password was rejected.';
            case 13002:
                return 'The SMTP server does not speak the chosen security protocol.';
            case 550:
                // SMTP reply code passed through by our relay, not a Stormpath error
                return 'Mailbox unavailable.';
            default:
                http_response_code(502);
                return 'Unexpected email server error.';
        }
    }

    public function connectTimeoutMs(): int
    {
        return self::CONNECT_TIMEOUT_MS;
    }
}
