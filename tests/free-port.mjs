import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 right now, for a server a test or benchmark starts. */
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
    server.on('error', reject);
  });
}
