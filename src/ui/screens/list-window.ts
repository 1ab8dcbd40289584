// Which rows of a long list or page are on screen (pure).
import type { UiLine } from '../ui-line.js';

/** The slice of `lines` shown in `height` rows, keeping `focus` in view when given. */
export function windowLines(
  lines: UiLine[],
  height: number,
  scroll: number,
  focus?: number,
): { visible: UiLine[]; top: number; more: { above: boolean; below: boolean } } {
  if (lines.length <= height) return { visible: lines, top: 0, more: { above: false, below: false } };
  let top = Math.min(scroll, lines.length - height);
  if (focus !== undefined) {
    if (focus < top) top = focus;
    if (focus >= top + height) top = focus - height + 1;
  }
  top = Math.max(0, Math.min(top, lines.length - height));
  return {
    visible: lines.slice(top, top + height),
    top,
    more: { above: top > 0, below: top + height < lines.length },
  };
}
