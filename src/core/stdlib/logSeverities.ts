/**
 * The `severity` values `sys.log` accepts, as Google lists them [D stdlib/sys/log]
 * (WORKFLOWS-LANGUAGE.md §3). The validator checks literal severities against this list and the
 * engine refuses anything else at run time: one list for both.
 */
export const LOG_SEVERITIES = ['DEFAULT', 'DEBUG', 'INFO', 'NOTICE', 'WARNING', 'ERROR', 'CRITICAL', 'ALERT', 'EMERGENCY'] as const;

/** True when `value` is one of `LOG_SEVERITIES`. */
export function isLogSeverity(value: string): boolean {
  return (LOG_SEVERITIES as readonly string[]).includes(value);
}
