/** One autocannon run: throughput and latency percentiles from every response's own time. */
import autocannon from 'autocannon';

function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/**
 * Runs `requests` (autocannon request objects, cycled; or one with a setupRequest that hands out
 * distinct requests) against `url`, for `seconds` or `amount` requests. Returns req/s, p50/p95/p99 in
 * ms and the status codes seen.
 */
export async function measure({ url, requests, connections, seconds, amount }) {
  const latencies = [];
  const statuses = {};
  let lastResponseAt = 0;
  const startedAt = performance.now();
  const instance = autocannon({
    url,
    connections,
    ...(amount ? { amount } : { duration: seconds }),
    requests,
    timeout: 30,
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    lastResponseAt = performance.now();
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  // autocannon only notices the end of an `amount` run at its next one-second tick, so its own
  // duration rounds up to whole seconds (1,000 requests in 2.2 s read as 333 req/s, not 455): time
  // the run from its start to its last response instead.
  const elapsedSeconds = (lastResponseAt - startedAt) / 1000;
  return {
    requests: latencies.length,
    rps: latencies.length / elapsedSeconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    statuses,
    errors: result.errors + result.timeouts,
  };
}
