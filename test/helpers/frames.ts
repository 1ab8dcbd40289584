// What a drawn frame must never be: an error box, taller than the terminal
// less one row (Ink clears the whole screen otherwise), or wider than it.
import stringWidth from 'string-width';

export function frameProblems(frame: string, columns: number, rows: number): string[] {
  const found: string[] = [];
  if (frame.includes(' ERROR ')) found.push(`an error box:\n${frame}`);
  const lines = frame.split('\n');
  if (lines.length > rows - 1) found.push(`${lines.length} rows, more than ${rows - 1}`);
  lines.forEach((line, i) => {
    const width = stringWidth(line);
    if (width > columns) found.push(`row ${i + 1} is ${width} columns wide, more than ${columns}: ${line}`);
  });
  return found;
}

/**
 * Checks each frame written since the last call, from index `from` on (frames
 * drawn before the terminal got its size are left out); returns the problems found so far.
 */
export function frameChecker(frames: readonly string[], columns: number, rows: number, from = frames.length) {
  let checked = from;
  const problems: string[] = [];
  return {
    check(context: string): string[] {
      for (; checked < frames.length; checked++) {
        for (const p of frameProblems(frames[checked]!, columns, rows)) problems.push(`${context}: ${p}`);
      }
      return problems;
    },
  };
}
