'use strict';

// test/login.spec.js — run with `npm test` (mocha + chai + nock + supertest)

const expect = require('chai').expect;
const nock = require('nock');
const request = require('supertest');
const app = require('../app');

const STORMPATH = 'https://api.stormpath.com';
const APP_PATH = '/v1/applications/1gk4Dxzi6o4PbdleXaMPLE';

describe('POST /login', function () {
  this.timeout(10000);

  afterEach(() => nock.cleanAll());

  it('shows the generic message when the account does not exist', () => {
    nock(STORMPATH)
      .post(APP_PATH + '/loginAttempts')
      .reply(400, {
        status: 400,
        code: 7104,
        message: 'Invalid username or password.',
        developerMessage: "Login attempt failed because there is no Account in the Application's associated Account Stores with the specified username or email.",
        moreInfo: 'https://docs.stormpath.com/rest/product-guide/latest/errors.html#error-7104',
        requestId: '1f0c6e2a-9d33-11e6-bf5e-0a1b2c3d4e5f'
      });

    return request(app)
      .post('/login')
      .send({ login: 'nobody@example.com', password: 'Secret123!' })
      .expect(400)
      .then((res) => {
        expect(res.body.error).to.equal('Invalid username or password.');
        expect(res.body).to.not.have.property('code');
      });
  });
});

describe('GET /idsite/callback', function () {
  // organization-aware ID Site (nameKey in the JWT)
  const cases = [
    { code: 11001, expected: 'Unknown company account. Check the address you were given.' },
    { code: 11002, expected: 'Your company account is disabled. Contact your administrator.' }
  ];

  cases.forEach(({ code, expected }) => {
    it(`maps Stormpath ${code} to a friendly page`, () => {
      nock(STORMPATH)
        .post(APP_PATH + '/oauth/token')
        .reply(400, { status: 400, code: code, message: 'Token is invalid.', error: 'invalid_grant' });

      return request(app)
        .get('/idsite/callback?jwtResponse=eyJhbGciOiJIUzI1NiJ9.e30.sig')
        .expect(400)
        .then((res) => expect(res.text).to.contain(expected));
    });
  });

  it('gives up after 2 redirects', () => {
    return request(app).get('/idsite/callback').redirects(2).expect(302);
  });
});
