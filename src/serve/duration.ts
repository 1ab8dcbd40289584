// Durations as an instructor writes them: `30m`, `4h`, `90s`, `1h30m`,
// `500ms`; `0` or `off` turns a timer off.

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds (0 = off), or undefined when `text` is not a duration. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === '0' || t === 'off') return 0;
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(t)) return undefined;
  let total = 0;
  for (const [, n, , unit] of t.matchAll(/(\d+(\.\d+)?)(ms|s|m|h)/g)) total += Number(n) * UNITS[unit!]!;
  return Math.round(total);
}

/** `30 min`, `4 h`, `1 h 30 min`, `45 s`: for messages. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', rest && !h ? `${rest} s` : ''].filter(Boolean);
  return parts.join(' ') || '0 s';
}
