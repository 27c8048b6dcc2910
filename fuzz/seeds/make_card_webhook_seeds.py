#!/usr/bin/env python3
"""Writes fuzz/corpus/fuzz_card_webhook/: deliveries signed as each provider signs them, with the
secrets fuzz/targets/card_webhook_fuzzer.cpp configures, dated at its host clock. Python's hmac
module signs them, not the adapter, so the seeds are an independent reference too. Run it again
after changing the secrets or the clock there: python3 fuzz/seeds/make_card_webhook_seeds.py"""
import base64
import hashlib
import hmac
import json
import pathlib

NOW = 1764000000  # the target's kNowMs / 1000
STANDARD_KEYS = [b"caisse-fuzz-current-key!", b"caisse-fuzz-previous-key"]
STRIPE_SECRETS = [b"whsec_caisseFuzzStripeCurrent", b"whsec_caisseFuzzStripePrevious"]
GOCARDLESS_SECRETS = [b"caisse-fuzz-gocardless-current", b"caisse-fuzz-gocardless-previous"]

# Control line: byte 1 is the scheme plus 3 x the key index ('0' standard/current, '1'
# stripe/current, '2' gocardless/current, '3'..'5' the same with the previous secret).
SCHEMES = {"standard": 0, "stripe": 1, "gocardless": 2}


def mac(key, content):
    return hmac.new(key, content, hashlib.sha256).digest()


def delivery(scheme, key_index, headers, body):
    control = chr(ord("0") + SCHEMES[scheme] + 3 * key_index) + "ab"
    lines = [control] + [f"{name}: {value}" for name, value in headers]
    return ("\n".join(lines) + "\n\n").encode() + body


def standard(key_index, body, msg_id="msg_2Kx9", timestamp=NOW, extra=""):
    signed = f"{msg_id}.{timestamp}.".encode() + body
    signature = "v1," + base64.b64encode(mac(STANDARD_KEYS[key_index], signed)).decode()
    return delivery("standard", key_index,
                    [("webhook-id", msg_id), ("webhook-timestamp", str(timestamp)),
                     ("webhook-signature", (extra + " " + signature).strip())], body)


def stripe(key_index, body, timestamp=NOW, extra=""):
    signature = mac(STRIPE_SECRETS[key_index], f"{timestamp}.".encode() + body).hex()
    return delivery("stripe", key_index,
                    [("Stripe-Signature", f"t={timestamp},v1={signature}{extra}")], body)


def gocardless(key_index, body):
    signature = mac(GOCARDLESS_SECRETS[key_index], body).hex()
    return delivery("gocardless", key_index, [("Webhook-Signature", signature)], body)


def stripe_event(event_type, obj):
    return json.dumps({"id": "evt_1QOpV2HbWm0q4ZxA", "object": "event", "type": event_type,
                       "created": NOW, "data": {"object": obj}}).encode()


payment_intent = {"id": "pi_3QOpUzHbWm0q4ZxA", "object": "payment_intent", "amount": 2500,
                  "currency": "eur", "metadata": {"household_id": "H-0042"},
                  "last_payment_error": None}
failed_intent = dict(payment_intent, last_payment_error={"code": "card_declined"})
charge = {"id": "ch_3QOpUzHbWm0q4ZxA", "object": "charge", "amount": 2500,
          "amount_refunded": 1000, "currency": "eur", "payment_intent": "pi_3QOpUzHbWm0q4ZxA",
          "metadata": {"household_id": "H-0042"}}
dispute = {"id": "dp_1", "object": "dispute", "amount": 2500, "charge": "ch_3QOpUzHbWm0q4ZxA",
           "currency": "eur", "payment_intent": "pi_3QOpUzHbWm0q4ZxA", "reason": "fraudulent"}
gocardless_batch = json.dumps({"events": [
    {"id": "EV0001", "created_at": "2026-11-24T10:00:00.000Z", "resource_type": "payments",
     "action": "confirmed", "details": {"cause": "payment_confirmed"},
     "resource_metadata": {"household_id": "H-0042"}, "links": {"payment": "PM0001"}},
    {"id": "EV0002", "created_at": "2026-11-24T10:00:01.000Z", "resource_type": "payments",
     "action": "failed", "details": {"cause": "insufficient_funds", "reason_code": "AM04"},
     "links": {"payment": "PM0002"}},
    {"id": "EV0003", "created_at": "2026-11-24T10:00:02.000Z", "resource_type": "mandates",
     "action": "cancelled", "details": {"cause": "bank_account_closed"},
     "links": {"mandate": "MD0003"}}],
    "meta": {"webhook_id": "WB0001"}}).encode()
standard_payload = json.dumps({"type": "payment.succeeded", "timestamp": "2026-11-24T10:00:00Z",
                               "data": {"payment_ref": "E2E-2026-11-H0042", "household_id": "H-0042",
                                        "amount_minor": 2500, "currency": "EUR"}}).encode()
standard_failed = json.dumps({"type": "payment.failed",
                              "data": {"payment_ref": "E2E-2026-11-H0043", "reason": "AM04"}}).encode()

seeds = {
    "standard_succeeded": standard(0, standard_payload),
    "standard_failed_previous_secret": standard(1, standard_failed, extra="v1a,ZmFrZQ=="),
    "standard_stale": standard(0, standard_payload, timestamp=NOW - 3600),
    "stripe_intent_succeeded": stripe(0, stripe_event("payment_intent.succeeded", payment_intent)),
    "stripe_intent_failed_previous_secret":
        stripe(1, stripe_event("payment_intent.payment_failed", failed_intent), extra=",v0=00"),
    "stripe_charge_refunded": stripe(0, stripe_event("charge.refunded", charge)),
    "stripe_dispute_created": stripe(0, stripe_event("charge.dispute.created", dispute)),
    "gocardless_batch": gocardless(0, gocardless_batch),
    "gocardless_batch_previous_secret": gocardless(1, gocardless_batch),
    "forged_stripe": delivery("stripe", 0, [("Stripe-Signature", f"t={NOW},v1=" + "00" * 32)],
                              stripe_event("payment_intent.succeeded", payment_intent)),
}

out = pathlib.Path(__file__).resolve().parent.parent / "corpus" / "fuzz_card_webhook"
out.mkdir(parents=True, exist_ok=True)
for name, data in seeds.items():
    (out / name).write_bytes(data)
