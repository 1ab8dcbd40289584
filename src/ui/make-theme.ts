// Semantic colours and glyphs. Colour is never the only signal: every state
// also has a mark or a word, and no mark means two things: ✓/[ok] right,
// ✗/[no] wrong, (•)/(*) and [•]/[*] chosen, ( ) and [ ] not chosen. Named ANSI colours are used, so
// the terminal's own palette keeps them readable on dark and light backgrounds.
// Pure (no React): the first home screen is drawn with it before React has loaded; theme.ts hands it to the
// components.
import { toAscii } from '../core/layout/prose.js';

export interface Theme {
  color: boolean;
  ascii: boolean;
  /** Text as this terminal shows it: with --ascii-only, folded to 7-bit (see toAscii). Apply before measuring. */
  text: (s: string) => string;
  colors: {
    accent?: string;
    ok?: string;
    error?: string;
    warn?: string;
    client?: string;
    server?: string;
  };
  glyphs: {
    ok: string;
    wrong: string;
    pointer: string;
    checked: string;
    unchecked: string;
    radioOn: string;
    radioOff: string;
    barFull: string;
    barEmpty: string;
    separator: string;
    grab: string;
    ellipsis: string;
    up: string;
    down: string;
    left: string;
    right: string;
    rule: string;
  };
}

export function makeTheme({ color, ascii }: { color: boolean; ascii: boolean }): Theme {
  return {
    color,
    ascii,
    text: ascii ? toAscii : (s) => s,
    colors: color
      ? { accent: 'cyan', ok: 'green', error: 'red', warn: 'yellow', client: 'blue', server: 'magenta' }
      : {},
    glyphs: ascii
      ? {
          ok: '[ok]',
          wrong: '[no]',
          pointer: '>',
          checked: '[*]',
          unchecked: '[ ]',
          radioOn: '(*)',
          radioOff: '( )',
          barFull: '#',
          barEmpty: '-',
          separator: ' | ',
          grab: '=',
          ellipsis: '...',
          up: 'Up',
          down: 'Down',
          left: 'Left',
          right: 'Right',
          rule: '-',
        }
      : {
          ok: '✓',
          wrong: '✗',
          pointer: '›',
          checked: '[•]',
          unchecked: '[ ]',
          radioOn: '(•)',
          radioOff: '( )',
          barFull: '█',
          barEmpty: '░',
          separator: ' · ',
          grab: '≡',
          ellipsis: '…',
          up: '↑',
          down: '↓',
          left: '←',
          right: '→',
          rule: '─',
        },
  };
}
