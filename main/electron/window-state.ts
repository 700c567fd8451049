/** Window size and position kept between launches, in the data folder. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { width: 1440, height: 900, maximized: false };

export function loadWindowState(dataDir: string): WindowState {
  try {
    const s = JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8')) as Partial<WindowState>;
    if (typeof s.width === 'number' && typeof s.height === 'number' && s.width >= 640 && s.height >= 480) {
      return { ...DEFAULT_STATE, ...s };
    }
  } catch {
    // First launch or unreadable: defaults.
  }
  return { ...DEFAULT_STATE };
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  try {
    writeFileSync(join(dataDir, 'window-state.json'), JSON.stringify(state));
  } catch {
    // Losing the window position is not worth failing the quit for.
  }
}
