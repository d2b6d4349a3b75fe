<?php
/**
 * Billing page: messages for Stormpath subscription / card errors.
 */
namespace Acme\Billing;

final class StormpathErrors
{
    public const HTTP_PAYMENT_REQUIRED = 402;

    /** @var array<int,string> Stormpath error code => message */
    public static $stormpathErrors = [
        1901 => 'Subscription problem (undocumented)',
        1902 => 'Application limit reached for your plan.',
        1904 => 'Add a payment method before changing plans.',
        1926 => 'The card has expired.',
        1927 => 'The card was declined.',
    ];

    public static function render(int $code): string
    {
        http_response_code(self::HTTP_PAYMENT_REQUIRED);
        return self::$stormpathErrors[$code] ?? 'Payment error.';
    }
}
