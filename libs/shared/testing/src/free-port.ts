import { createServer } from 'node:net';

/*
 * Ports are drawn below Linux's ephemeral range (32768-60999), where the kernel picks the local ports of
 * outgoing connections: a port found free there is soon taken by some client's connection, and a server
 * started on it a second later (Kafka, FerretDB) fails to bind.
 */
const LOWEST = 20_000;
const SPAN = 12_000;
const ATTEMPTS = 50;

/** A TCP port on 127.0.0.1 that nothing listens on right now, outside the ephemeral range. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * SPAN);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port found in ${LOWEST}-${LOWEST + SPAN} after ${ATTEMPTS} attempts`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
