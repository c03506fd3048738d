import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Test support: an http server on 127.0.0.1 with a random port, counting the requests it receives. */
export interface LocalHttpServer {
  port: number;
  requests: string[];
  close(): Promise<void>;
}

export async function startLocalHttpServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<LocalHttpServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
