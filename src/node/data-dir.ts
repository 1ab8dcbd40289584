// Where progress is kept by default, per platform's conventions.
import { join, win32 } from 'node:path';

export function defaultProgressPath(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  home: string,
): string {
  if (platform === 'win32') {
    const base = env.APPDATA || win32.join(home, 'AppData', 'Roaming');
    return win32.join(base, 'nettutor', 'progress.json');
  }
  if (env.XDG_DATA_HOME?.startsWith('/')) return join(env.XDG_DATA_HOME, 'nettutor', 'progress.json');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'nettutor', 'progress.json');
  return join(home, '.local', 'share', 'nettutor', 'progress.json');
}
