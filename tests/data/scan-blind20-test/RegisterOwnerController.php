<?php
/**
 * MyBrightwater legacy portal - owner registration.
 * portal/app/Controllers/RegisterOwnerController.php
 *
 * Creates the Stormpath account first, then the local owner row in MySQL.
 * Last change: 2016-04-18 (dev.raman) - handle the email-domain rules.
 */

use Stormpath\Resource\ResourceError;

// Brightwater portal message ids (ours; shown as "ref NNNN" under the form)
define('BW_REG_OK',            2000);
define('BW_REG_EMAIL_TAKEN',   2008);
define('BW_REG_BAD_PASSWORD',  2009);
define('BW_REG_EMAIL_BLOCKED', 2010);
define('BW_REG_DB_FAILED',     2011);

class RegisterOwnerController extends BaseController
{
    public function store(array $form)
    {
        try {
            $account = $this->stormpathApp->createAccount(
                $this->client->instantiate(\Stormpath\Resource\Account::class, [
                    'givenName' => $form['first_name'],
                    'surname'   => $form['last_name'],
                    'email'     => $form['email'],
                    'password'  => $form['password'],
                ])
            );
        } catch (ResourceError $e) {
            $this->log->warning('stormpath createAccount failed', [
                'status' => $e->getStatus(),
                'code'   => $e->getErrorCode(),
                'dev'    => $e->getDeveloperMessage(),
            ]);

            switch ($e->getErrorCode()) {
                case 2001:   // Stormpath: account with that email already exists
                    return $this->formError(BW_REG_EMAIL_TAKEN, 'You already have an account. Try "Forgot password?".');
                case 2007:   // Stormpath: password below minimum length
                    return $this->formError(BW_REG_BAD_PASSWORD, 'Password must be at least 8 characters.');
                case 7205:   // Stormpath: emailDomainBlacklist (mailinator etc.)
                case 7206:   // Stormpath: not on emailDomainWhitelist (staff directory only)
                    return $this->formError(BW_REG_EMAIL_BLOCKED, 'Please use a personal email address.');
                default:
                    throw $e;
            }
        }

        try {
            $this->owners->insert($account->href, $form);
        } catch (\PDOException $e) {
            // MySQL 1062 duplicate key etc.; Stormpath account exists but local row doesn't
            $this->log->error('owner insert failed', ['mysql_errno' => $e->errorInfo[1] ?? null]);
            return $this->formError(BW_REG_DB_FAILED, 'Something went wrong. Please call your clinic.');
        }

        return $this->redirectWithMessage('/welcome', BW_REG_OK);
    }
}
