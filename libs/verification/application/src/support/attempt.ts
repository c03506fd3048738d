/** Runs a port call; a throw (a bug or an outage in an adapter) becomes the given fallback, never an exception. */
export async function attempt<T>(work: () => Promise<T>, fallback: (message: string) => T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return fallback(error instanceof Error ? error.message : String(error));
  }
}
