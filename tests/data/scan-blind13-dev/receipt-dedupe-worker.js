'use strict';

/**
 * store-workers/receipt-dedupe-worker.js
 *
 * Pulls receipt events off the `receipt-mailer` SQS queue and writes one
 * document per order into Mongo (store.receipts, unique index on orderId).
 * Duplicates are expected: SQS is at-least-once and Braintree webhooks retry.
 *
 * Mongo error codes handled here (server codes, see mongo/src/mongo/base/error_codes.err):
 *   11000  DuplicateKey                      -> already stored, ack and move on
 *   11001  legacy duplicate key on update    -> same (still sent by our 2.6 secondaries)
 *   10107  NotMaster                         -> primary stepped down, retry
 *   13435  NotMasterNoSlaveOk                -> read hit a secondary, retry on primary
 *   11600  InterruptedAtShutdown             -> retry
 *   11602  InterruptedDueToReplStateChange   -> retry
 *   50     ExceededTimeLimit (maxTimeMS)     -> retry once with a longer limit
 *   89     NetworkTimeout                    -> retry
 */

const AWS = require('aws-sdk');
const { MongoClient } = require('mongodb');
const log = require('./log')('receipt-dedupe');

const QUEUE_URL = process.env.RECEIPT_QUEUE_URL;
const MONGO_URL = process.env.MONGO_URL || 'mongodb://store-db-1:27017,store-db-2:27017/store?replicaSet=rs0';
const BATCH_SIZE = 10;          // SQS max per receive
const VISIBILITY_TIMEOUT = 120; // seconds
const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 250;

const DUPLICATE = new Set([11000, 11001]);
const RETRYABLE = new Set([10107, 13435, 11600, 11602, 50, 89]);

const sqs = new AWS.SQS({ region: 'us-west-2', maxRetries: 3, httpOptions: { timeout: 5000 } });

async function storeReceipt(col, evt, attempt = 1) {
  try {
    await col.insertOne({
      orderId: evt.orderId,            // e.g. "TW-2016-312044"
      accountHref: evt.accountHref,
      amountCents: evt.amountCents,
      currency: evt.currency || 'USD',
      createdAt: new Date(evt.createdAt),
    }, { w: 'majority', wtimeout: 10000 });
    return 'stored';
  } catch (err) {
    if (DUPLICATE.has(err.code)) {
      return 'duplicate';
    }
    if (RETRYABLE.has(err.code) && attempt < MAX_ATTEMPTS) {
      const delay = BASE_DELAY_MS * 2 ** attempt;
      log.warn({ code: err.code, attempt, delay }, 'mongo transient error, retrying');
      await new Promise((r) => setTimeout(r, delay));
      return storeReceipt(col, evt, attempt + 1);
    }
    throw err;
  }
}

async function run() {
  const client = await MongoClient.connect(MONGO_URL, { poolSize: 20, socketTimeoutMS: 30000 });
  const col = client.db('store').collection('receipts');

  for (;;) {
    const { Messages = [] } = await sqs.receiveMessage({
      QueueUrl: QUEUE_URL,
      MaxNumberOfMessages: BATCH_SIZE,
      VisibilityTimeout: VISIBILITY_TIMEOUT,
      WaitTimeSeconds: 20,
    }).promise();

    for (const m of Messages) {
      let evt;
      try {
        evt = JSON.parse(m.Body);
      } catch (e) {
        log.error({ messageId: m.MessageId }, 'unparseable receipt event, dropping');
        await sqs.deleteMessage({ QueueUrl: QUEUE_URL, ReceiptHandle: m.ReceiptHandle }).promise();
        continue;
      }
      try {
        const outcome = await storeReceipt(col, evt);
        log.info({ orderId: evt.orderId, outcome }, 'receipt processed');
        await sqs.deleteMessage({ QueueUrl: QUEUE_URL, ReceiptHandle: m.ReceiptHandle }).promise();
      } catch (err) {
        // leave it on the queue; after 5 receives it goes to receipt-mailer-dlq
        log.error({ orderId: evt.orderId, code: err.code, errmsg: err.errmsg || err.message }, 'receipt failed');
        if (err.code === 'ThrottlingException' || err.statusCode === 400) {
          await new Promise((r) => setTimeout(r, 2000));
        }
      }
    }
  }
}

if (require.main === module) {
  run().catch((e) => {
    log.fatal(e, 'worker crashed');
    process.exit(1);
  });
}

module.exports = { storeReceipt, DUPLICATE, RETRYABLE };
