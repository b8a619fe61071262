/**
 * Which hosts `http.*` calls of a local run may reach. By default only loopback: `localhost`
 * (and `*.localhost`), `127.0.0.0/8` and `::1`. Users widen it with the setting
 * `cloudWorkflows.emulator.allowHttpHosts` or the CLI flag `--allow-http <host>`.
 */

/** True for loopback host names and addresses (IPv6 with or without brackets). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return h.split('.').every((p) => Number(p) <= 255);
  return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * A policy allowing loopback plus `patterns`: an exact host (`api.example.com`), a wildcard
 * subdomain (`*.example.com`, which does not match `example.com` itself) or `*` for any host.
 * Matching ignores case; a port in a pattern is ignored.
 */
export function allowHosts(patterns: readonly string[]): (host: string) => boolean {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  let any = false;
  for (const raw of patterns) {
    const p = raw.trim().toLowerCase().replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
    if (p === '*') any = true;
    else if (p.startsWith('*.')) suffixes.push(p.slice(1));
    else if (p !== '') exact.add(p);
  }
  return (host: string): boolean => {
    if (any || isLoopbackHost(host)) return true;
    const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
    return exact.has(h) || suffixes.some((s) => h.endsWith(s));
  };
}
