'use strict';

// shopper-web/test/integration/registration.test.js
// Runs against the "Shoppers (staging)" directory. Needs STORMPATH_CLIENT_APIKEY_*.
//   npm run test:integration -- --grep registration

const assert = require('assert');
const { expect } = require('chai');
const request = require('supertest');
const uuid = require('uuid');

const createServer = require('../../server');
const fixtures = require('../fixtures/shoppers');

describe('POST /api/register', function () {
  this.timeout(10000);
  this.retries(2);

  let app;
  const existing = fixtures.existingShopper; // jo.adeyemi+staging@cartwheelgrocery.com

  before(function (done) {
    app = createServer({ port: 3001, stormpath: { cacheTtl: 300 } });
    app.on('stormpath.ready', done);
  });

  function newShopper(overrides) {
    return Object.assign({
      givenName: 'Priya',
      surname: 'Natarajan',
      email: `qa+${uuid.v4().slice(0, 8)}@cartwheelgrocery.com`,
      password: 'Greengage-2016!',
      postcode: 'M14 5TQ',
      phone: '0161 496 0134',
    }, overrides);
  }

  it('creates a shopper and returns 201', function () {
    return request(app)
      .post('/api/register')
      .send(newShopper())
      .expect(201)
      .then((res) => {
        expect(res.body.account.status).to.equal('UNVERIFIED');
        expect(res.body.basket.items).to.have.length(0);
      });
  });

  it('rejects a duplicate email with Stormpath 2001', function () {
    return request(app)
      .post('/api/register')
      .send(newShopper({ email: existing.email }))
      .expect(409)
      .then((res) => {
        assert.strictEqual(res.body.error.code, 2001);
        assert.strictEqual(res.body.error.field, 'email');
      });
  });

  it('rejects a short password (minimum length)', function () {
    return request(app)
      .post('/api/register')
      .send(newShopper({ password: 'kale1' }))
      .expect(400)
      .then((res) => {
        expect(res.body.error.code).to.equal(2007);
        expect(res.body.error.message).to.match(/at least 8 characters/);
      });
  });

  it('blocks throwaway email domains (directory blacklist)', function () {
    return request(app)
      .post('/api/register')
      .send(newShopper({ email: 'freecoupons@mailinator.com' }))
      .expect(400)
      .then((res) => {
        expect(res.body.error.code).to.equal(7205);
      });
  });

  it('does not call Stormpath for an out-of-area postcode', function () {
    return request(app)
      .post('/api/register')
      .send(newShopper({ postcode: 'EH1 1YZ' }))
      .expect(422)
      .then((res) => {
        // our own code, from the delivery-zone check, not Stormpath
        expect(res.body.error.code).to.equal(4220);
        expect(res.body.error.zones).to.have.length.above(10);
      });
  });

  it('returns 503 when Stormpath times out', function () {
    const restore = fixtures.stubStormpathLatency(12000);
    return request(app)
      .post('/api/register')
      .send(newShopper())
      .expect(503)
      .then(() => restore());
  });
});
