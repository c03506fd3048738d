/**
 * Waits `delayMs`, heartbeating in between so the group coordinator does not evict the consumer
 * (and rebalance its partitions away) while it backs off. Returns early, with false, once `stopping()`.
 */
export async function sleepWithHeartbeat(
  delayMs: number,
  heartbeat: () => Promise<void>,
  stopping: () => boolean,
  sliceMs = 500,
): Promise<boolean> {
  const until = Date.now() + delayMs;
  while (Date.now() < until) {
    if (stopping()) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(sliceMs, until - Date.now())));
    await heartbeat();
  }
  return !stopping();
}
