<?php

namespace App\Services;

use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Log;
use Stormpath\Client;
use Stormpath\Resource\Application;
use Stormpath\Resource\ResourceError;

/**
 * Creates one Stormpath Application (with an auto-created Directory) per new
 * partner. Runs from the `partners:provision` artisan command every 15 minutes.
 */
class TenantProvisioner
{
    // Stormpath billing errors: the tenant's plan is the limit, not our code.
    const ERR_SUBSCRIPTION_UPGRADE = 1900;
    const ERR_APPLICATION_LIMIT    = 1902;
    const ERR_LEVEL_NOT_AVAILABLE  = 1903;
    const ERR_DELETE_APPS_FIRST    = 1905;

    // Auto-created directory name clashes with an existing one.
    const ERR_DIRECTORY_NAME_TAKEN = 5010;

    const MAX_ATTEMPTS   = 3;
    const RETRY_SLEEP_S  = 2;
    const PARTNER_DB_PORT = 3306;

    /** @var Client */
    private $client;

    public function __construct(Client $client)
    {
        $this->client = $client;
    }

    public function provision(array $partner)
    {
        $name = sprintf('Partner %s (%s)', $partner['name'], $partner['id']);

        for ($attempt = 1; $attempt <= self::MAX_ATTEMPTS; $attempt++) {
            try {
                $app = Application::instantiate(['name' => $name, 'description' => 'Provisioned ' . date('Y-m-d')]);
                return $this->client->tenant->createApplication($app, ['createDirectory' => true]);
            } catch (ResourceError $e) {
                if (in_array($e->getErrorCode(), [self::ERR_SUBSCRIPTION_UPGRADE, self::ERR_APPLICATION_LIMIT, 1903, 1905], true)) {
                    Log::critical('Stormpath plan limit hit while provisioning partner', [
                        'partner' => $partner['id'],
                        'code'    => $e->getErrorCode(),
                        'message' => $e->getDeveloperMessage(),
                    ]);
                    DB::table('partners')->where('id', $partner['id'])->update(['status' => 'blocked_billing']);
                    return null;
                }
                if ($e->getErrorCode() === self::ERR_DIRECTORY_NAME_TAKEN) {
                    // e.g. a partner that was deleted and re-added: suffix the directory name
                    $name .= ' #' . $attempt;
                    continue;
                }
                if ($e->getStatus() >= 500) {
                    sleep(self::RETRY_SLEEP_S);
                    continue;
                }
                throw $e;
            }
        }

        Log::error('Giving up provisioning partner', ['partner' => $partner['id']]);
        return null;
    }
}
