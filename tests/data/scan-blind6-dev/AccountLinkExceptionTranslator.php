<?php

namespace Meridian\Identity\Stormpath;

use Stormpath\Resource\ResourceError;
use Illuminate\Support\Facades\Log;

/**
 * Account linking (Stormpath "Account Links", 2016 API).
 *
 * Meridian Travel Group -- identity team
 * @author  Luis Ferreira <lferreira@meridian-travel.example>
 */
class AccountLinkExceptionTranslator
{
    const ERR_ALREADY_LINKED      = 7500;
    const ERR_SAME_ACCOUNT        = 7501;
    const ERR_TOO_MANY_LINKS      = 7503;
    const ERR_SAME_DIRECTORY      = 7504;

    /** SMTP reply codes from our mail relay, used by the "link confirmed" mail */
    const SMTP_MAILBOX_UNAVAILABLE = 550;
    const SMTP_SERVICE_NOT_AVAILABLE = 421;

    /** @var int links page size for the admin screen */
    protected $perPage = 50;

    public function translate(ResourceError $e)
    {
        switch ($e->getErrorCode()) {
            case self::ERR_ALREADY_LINKED:
                return ['ok' => true, 'note' => 'already linked'];
            case self::ERR_SAME_ACCOUNT:
            case self::ERR_SAME_DIRECTORY:
                return ['ok' => false, 'message' => trans('links.invalid_pair')];
            case self::ERR_TOO_MANY_LINKS:
                return ['ok' => false, 'message' => trans('links.limit', ['max' => 10])];
            default:
                Log::warning(sprintf('Stormpath link error %d (HTTP %d): %s',
                    $e->getErrorCode(), $e->getStatus(), $e->getDeveloperMessage()));
                return ['ok' => false, 'message' => trans('errors.generic')];
        }
    }
}
