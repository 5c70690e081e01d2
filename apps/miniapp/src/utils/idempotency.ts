/**
 * A random UUID (v4 layout) for the Idempotency-Key header. The mini-program's JS engine has no
 * Web Crypto, so it falls back to Math.random — good enough for a key that only has to be unique
 * among one customer's submissions.
 */
export function newIdempotencyKey(): string {
  // `typeof` guards: older WeChat base libraries have neither `crypto` nor `globalThis`.
  const webCrypto =
    typeof crypto !== 'undefined' ? (crypto as { randomUUID?: () => string } | undefined) : undefined;
  if (typeof webCrypto?.randomUUID === 'function') {
    try {
      return webCrypto.randomUUID();
    } catch {
      // Insecure context (plain http H5): fall through.
    }
  }
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  const variant = (8 + Math.floor(Math.random() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
