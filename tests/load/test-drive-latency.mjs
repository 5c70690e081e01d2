#!/usr/bin/env node
/**
 * Median latency of a slot lookup and of a booking, over N sequential calls each, against a
 * running API (API_BASE, default http://127.0.0.1:3000). Bookings use fresh development-login
 * customers, so the API needs AUTH_DEV_LOGIN=true and a LOGIN_RATE_LIMIT_PER_MINUTE above N.
 * Numbers, not assertions: the full benchmark suite with its in-run baseline is `pnpm bench`.
 */
const base = (process.env.API_BASE ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const calls = Number(process.env.CALLS ?? 200);

async function call(path, init = {}) {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  return { status: res.status, body: await res.json() };
}

function summary(label, samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  console.log(
    `${label}: median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms (${samples.length} calls)`,
  );
}

const stores = (await call('/api/stores')).body;
const models = (await call('/api/vehicle-models')).body;
const consent = (await call('/api/test-drive/consent')).body;

const lookups = [];
for (let i = 0; i < calls; i++) {
  const started = performance.now();
  const { status } = await call(`/api/stores/${stores[0].id}/models/${models[0].id}/availability`);
  lookups.push(performance.now() - started);
  if (status !== 200) throw new Error(`availability answered ${status}`);
}
summary('slot lookup (14 days)', lookups);

// Every store and model with cars, every free slot: enough places for N bookings.
const places = [];
for (const store of stores) {
  for (const model of models) {
    const days = (await call(`/api/stores/${store.id}/models/${model.id}/availability`)).body;
    if (!Array.isArray(days)) continue;
    for (const slot of days.flatMap((day) => day.slots)) {
      for (let k = 0; k < slot.remaining; k++)
        places.push({ storeId: store.id, modelId: model.id, startsAt: slot.startsAt });
    }
  }
}
if (places.length < calls) throw new Error(`only ${places.length} free places for ${calls} bookings`);

const bookings = [];
const run = Date.now().toString(36);
for (let i = 0; i < calls; i++) {
  const login = await call('/api/auth/dev/login', {
    method: 'POST',
    body: JSON.stringify({ devUser: `lat-${run}-${i}` }),
  });
  const place = places[i * Math.floor(places.length / calls)];
  const started = performance.now();
  const { status, body } = await call('/api/test-drive/bookings', {
    method: 'POST',
    headers: { authorization: `Bearer ${login.body.accessToken}`, 'idempotency-key': `lat-${run}-${i}` },
    body: JSON.stringify({
      ...place,
      customerName: '张伟',
      mobile: '13800138000',
      licenceNumber: '11010519491231002X',
      consentVersion: consent.version,
      licenceConsent: true,
    }),
  });
  bookings.push(performance.now() - started);
  if (status !== 201) throw new Error(`booking answered ${status}: ${JSON.stringify(body)}`);
}
summary('booking (create, idempotent)', bookings);
