// Signs webhook deliveries with the providers' own npm packages and prints them as JSON, for
// card_npm_signature_check to verify with the card adapter. Only genuine deliveries are printed;
// the checker derives the forged ones (a changed byte, a stale or future clock, another secret).
// Each one is first checked with the package's own verifier, so a case that the reference would
// refuse never reaches the C++ side. Secrets and ids are fresh at every run.
//
// Usage: node sign.mjs > cases.json   (run from the folder where `npm ci` installed the packages)
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';

const installed = (name) =>
  JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url))).version;

const now = Math.floor(Date.now() / 1000);
const standardSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const stripeSecret = () => `whsec_${randomBytes(24).toString('hex')}`;

// Bodies as the providers send them: pretty-printed, with non-ASCII text, so that any
// re-serialisation or re-encoding on our side would break the signature.
const standardBody = (id) => JSON.stringify({
  type: 'payment.succeeded',
  timestamp: new Date(now * 1000).toISOString(),
  data: {
    payment_ref: `CAISSE-${id}`, household_id: 'H-0042', amount_minor: 2500, currency: 'EUR',
    label: 'Cotisation épicerie – novembre',
  },
}, null, 2);

const stripeBody = (eventId) => JSON.stringify({
  id: eventId, object: 'event', api_version: '2024-06-20', created: now,
  type: 'payment_intent.succeeded',
  data: { object: {
    id: `pi_${randomBytes(8).toString('hex')}`, object: 'payment_intent', amount: 2500,
    currency: 'eur', description: 'Cotisation épicerie – novembre',
    metadata: { household_id: 'H-0042' },
  } },
}, null, 2);

function standardCase(name, signingSecrets, acceptingSecret) {
  const msgId = `msg_${randomBytes(12).toString('hex')}`;
  const body = standardBody(msgId);
  const signatures = signingSecrets.map((secret) => new Webhook(secret).sign(msgId, new Date(now * 1000), body));
  const headers = {
    'webhook-id': msgId, 'webhook-timestamp': String(now), 'webhook-signature': signatures.join(' '),
  };
  new Webhook(acceptingSecret).verify(body, headers);  // throws if the reference refuses it
  return { name, scheme: 'standard_webhooks', secret: acceptingSecret, timestamp: now, headers, body, event_id: msgId };
}

function stripeCase(name, signingSecrets, acceptingSecret) {
  const stripe = new Stripe('sk_test_not_used_offline');
  const eventId = `evt_${randomBytes(12).toString('hex')}`;
  const body = stripeBody(eventId);
  // generateTestHeaderString gives "t=...,v1=..."; a rolling secret adds a second v1.
  const headers = signingSecrets.map((secret) =>
    stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: now }));
  const header = [headers[0], ...headers.slice(1).map((h) => h.split(',').slice(1).join(','))].join(',');
  stripe.webhooks.constructEvent(body, header, acceptingSecret);  // throws if the reference refuses it
  return { name, scheme: 'stripe', secret: acceptingSecret, timestamp: now, headers: { 'Stripe-Signature': header }, body, event_id: eventId };
}

const sw = [standardSecret(), standardSecret()];
const st = [stripeSecret(), stripeSecret()];
const cases = [
  standardCase('standardwebhooks Webhook.sign', [sw[0]], sw[0]),
  standardCase('standardwebhooks, two signatures (sender rotating), second secret ours', [sw[0], sw[1]], sw[1]),
  stripeCase('stripe generateTestHeaderString', [st[0]], st[0]),
  stripeCase('stripe, two v1 (Stripe rolling the secret), first secret ours', [st[0], st[1]], st[0]),
];

process.stdout.write(JSON.stringify({
  generator: { node: process.version, standardwebhooks: installed('standardwebhooks'), stripe: installed('stripe') },
  cases,
}, null, 2) + '\n');
