/**
 * Polls a condition until it holds or a deadline passes: the test harness never sleeps a fixed time.
 * A condition may throw to stop waiting at once (e.g. the server process died).
 */
export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  condition: () => Promise<T | false | undefined | null> | T | false | undefined | null,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
