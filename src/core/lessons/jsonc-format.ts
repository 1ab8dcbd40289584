// JSON laid out for people: an object or array that fits on one line stays on
// one line, anything longer opens up, two spaces an indent. Used for the files
// nettutor writes for authors (lessons new, lessons convert).

const WIDTH = 100;

function flat(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flat).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0
      ? '{}'
      : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${flat(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function formatJsonc(value: unknown, indent = ''): string {
  const oneLine = flat(value);
  if (typeof value !== 'object' || value === null || indent.length + oneLine.length <= WIDTH) return oneLine;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => inner + formatJsonc(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJsonc(v, inner)}`).join(',\n')}\n${indent}}`;
}
