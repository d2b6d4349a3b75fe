<?php

namespace Tests\Integration\Legacy;

use PDOException;
use PHPUnit\Framework\TestCase;
use Stormpath\Resource\ResourceError;

/**
 * Registration form against the Stormpath sandbox tenant.
 */
class StormpathErrorsTest extends TestCase
{
    private const PDO_INTEGRITY = '23000';
    private const MIN_PASSWORD = 8;

    public function testMissingGivenNameIsRejected(): void
    {
        try {
            $this->directory->createAccount($this->account(['givenName' => '']));
            $this->fail('expected a ResourceError');
        } catch (ResourceError $e) {
            $this->assertSame(400, $e->getStatus());
            $this->assertEquals(2000, $e->getErrorCode());
        }
    }

    public function testShortPasswordIsRejected(): void
    {
        try {
            $this->directory->createAccount($this->account(['password' => 'Ab1']));
            $this->fail('expected a ResourceError');
        } catch (ResourceError $e) {
            $this->assertSame(400, $e->getStatus());
            $this->assertEquals(2007, $e->getErrorCode());
            $this->assertEquals('Account password minimum length not satisfied.', $e->getDeveloperMessage());
        }
    }

    public function testDuplicateLocalRowIsIgnored(): void
    {
        try {
            $this->repo->insertShadowUser(1001, 'jdoe@example.com');
            $this->repo->insertShadowUser(1001, 'jdoe@example.com');
        } catch (PDOException $e) {
            $this->assertSame(self::PDO_INTEGRITY, $e->getCode());
        }
        sleep(2);
        $this->assertCount(1, $this->repo->findShadowUsers(1001));
    }
}
