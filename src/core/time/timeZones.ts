/**
 * Time-zone offsets from the IANA database that ships with the runtime (through `Intl`): the
 * offset itself comes from ICU (`longOffset`, e.g. `GMT+09:00`), so no offset is computed by hand.
 *
 * Zone names are matched as ICU matches them, case-insensitively (`utc`, `UTC` and `Etc/UTC` are
 * the same zone) [R: Google's docs name IANA zones and say nothing of case]. A zone that is UTC
 * itself writes `Z`; any other zone writes its offset, `+00:00` included (London in winter).
 */

const formats = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormat(zone: string): Intl.DateTimeFormat | undefined {
  let f = formats.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      f = null;
    }
    if (formats.size >= 256) formats.clear();
    formats.set(zone, f);
  }
  return f ?? undefined;
}

const UTC_NAMES = /^(?:etc\/)?(?:utc|uct|universal|zulu|gmt|gmt[+-]?0|greenwich)$/i;

/** Whether `zone` names UTC itself (in any spelling ICU accepts). */
function isUtc(zone: string, f: Intl.DateTimeFormat): boolean {
  return UTC_NAMES.test(zone) || UTC_NAMES.test(f.resolvedOptions().timeZone);
}

const OFFSET = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The offset of `zone` at Unix second `seconds`: `'Z'` for UTC, seconds east of UTC otherwise;
 * undefined for a zone the runtime does not know.
 */
export function zoneOffset(zone: string, seconds: number): number | 'Z' | undefined {
  const f = zoneFormat(zone);
  if (!f) return undefined;
  if (isUtc(zone, f)) return 'Z';
  const name = f.formatToParts(new Date(seconds * 1000)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = OFFSET.exec(name);
  if (!m) return undefined;
  if (m[1] === undefined) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0));
}
