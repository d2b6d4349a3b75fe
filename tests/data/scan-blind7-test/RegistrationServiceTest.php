<?php
/**
 * RegistrationServiceTest
 *
 * @group stormpath
 * @author  Ines Moreau <ines@lapetitevague.fr>
 * @since   2015-02
 */

namespace LPV\Tests\Account;

use LPV\Account\RegistrationService;
use Stormpath\Resource\ResourceError;

class RegistrationServiceTest extends \PHPUnit_Framework_TestCase
{
    const CURL_TIMEOUT = 28;     // CURLE_OPERATION_TIMEDOUT
    const MYSQL_ACCESS_DENIED = 1045;

    public function testEmptyEmailIsRejected()
    {
        try {
            $this->service()->register(['email' => '', 'password' => 'Secr3t!pw']);
            $this->fail('expected ResourceError');
        } catch (ResourceError $e) {
            $this->assertEquals(400, $e->getStatus());
            $this->assertEquals(2000, $e->getErrorCode());
        }
    }

    public function testDuplicateEmail()
    {
        $this->service()->register($this->ines());
        try {
            $this->service()->register($this->ines());
            $this->fail('expected ResourceError');
        } catch (ResourceError $e) {
            $this->assertEquals(409, $e->getStatus());
            $this->assertSame(2001, $e->getErrorCode());
        }
    }

    public function testCustomDataKeyWithSpaces()
    {
        $this->setExpectedException(ResourceError::class, '', 3002);
        $this->service()->register($this->ines() + ['customData' => ['code postal' => '75011']]);
    }

    private function ines()
    {
        return ['email' => 'ines+' . getmypid() . '@lapetitevague.fr', 'password' => 'Secr3t!pw',
                'givenName' => 'Ines', 'surname' => 'Moreau'];
    }

    private function service()
    {
        return new RegistrationService(getenv('STORMPATH_APP_HREF'), ['timeout' => 2010]);
    }
}
