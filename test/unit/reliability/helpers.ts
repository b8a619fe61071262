/** Small helpers for the reliability tests: REST calls to an emulator and polling with a deadline. */

export const PARENT = 'projects/local-project/locations/us-central1';

/** Sends a JSON request and returns the status and the parsed body (undefined when empty). */
export async function rest(url: string, method = 'GET', body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, {
    method,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Polls `check` until it returns something other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Deploys `source` as `workflowId` over REST (create, or update when it exists). */
export async function deployOverRest(base: string, workflowId: string, source: string): Promise<void> {
  const created = await rest(`${base}/v1/${PARENT}/workflows?workflowId=${workflowId}`, 'POST', { sourceContents: source });
  if (created.status === 409) {
    const updated = await rest(`${base}/v1/${PARENT}/workflows/${workflowId}?updateMask=sourceContents`, 'PATCH', { sourceContents: source });
    if (updated.status !== 200) throw new Error(`update of ${workflowId} answered ${updated.status}: ${JSON.stringify(updated.json)}`);
    return;
  }
  if (created.status !== 200) throw new Error(`deploy of ${workflowId} answered ${created.status}: ${JSON.stringify(created.json)}`);
}

/** Starts an execution over REST and polls it until it is no longer ACTIVE; returns the Execution. */
export async function runOverRest(base: string, workflowId: string, argument?: string, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  const started = await rest(`${base}/v1/${PARENT}/workflows/${workflowId}/executions`, 'POST', argument === undefined ? {} : { argument });
  if (started.status !== 200) throw new Error(`execution of ${workflowId} answered ${started.status}: ${JSON.stringify(started.json)}`);
  const name = String(started.json.name);
  return eventually(`execution ${name} ends`, async () => {
    const got = await rest(`${base}/v1/${name}`);
    return got.json.state === 'ACTIVE' || got.json.state === 'QUEUED' ? undefined : got.json;
  }, timeoutMs);
}

/** A plain workflow: the emulator must still run it correctly after each hostile one. */
export const NORMAL_WORKFLOW = `
main:
  params: [args]
  steps:
    - double:
        return: \${args.x * 2}
`;
