import { createServer, type Server } from 'node:http';

/**
 * Stands in for the verification service's public POST /verify as a browser calls it (CORS included):
 * answers verified, except for the JWTs it is told are revoked.
 */
export class VerificationStub {
  readonly revoked = new Set<string>();
  readonly requests: string[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      response.setHeader('Access-Control-Allow-Origin', '*');
      response.setHeader('Access-Control-Allow-Headers', 'content-type');
      response.setHeader('Access-Control-Allow-Methods', 'POST');
      if (request.method === 'OPTIONS') return void response.writeHead(204).end();
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const { credential } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { credential?: string };
        this.requests.push(credential ?? '');
        const revoked = credential !== undefined && this.revoked.has(credential);
        response.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            verified: !revoked,
            checks: [],
            problemDetails: revoked ? [{ type: 'status', title: 'The credential is revoked' }] : [],
            warnings: [],
          }),
        );
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const address = server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
