import autocannon from 'autocannon';

/**
 * The load generator of bench:sharing, in its own process so it does not share an event loop with the service:
 * `node -r @swc-node/register bench/sharing/load-client.ts <url> <connections> <seconds>` prints one JSON line.
 * Latency percentiles come from every response time (autocannon's own summary has no p95).
 */
async function main(): Promise<void> {
  const [url, connections, seconds] = process.argv.slice(2);
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: Number(connections),
        duration: Number(seconds),
        headers: {
          'user-agent':
            'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
          'accept-language': 'en-GB,en;q=0.9',
          referer: 'https://www.linkedin.com/feed/',
        },
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  process.stdout.write(
    `${JSON.stringify({
      requests: result.requests.total,
      ok: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      durationSeconds: result.duration,
      requestsPerSecond: result.requests.total / result.duration,
      p50: percentile(50),
      p95: percentile(95),
      p99: percentile(99),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
