/**
 * Runs R (Debian's r-base-core, installed by .ci/run) as an independent reference implementation.
 * Inputs and outputs go through temporary text files with 17 significant digits, so nothing is
 * lost in transit.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RSCRIPT = process.env.RSCRIPT ?? 'Rscript';

/** True when Rscript can be run here. */
export function hasR(): boolean {
  try {
    execFileSync(RSCRIPT, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs an R script in a fresh temporary folder. `files` are written there first (name -> text);
 * the script reads and writes relative paths; `read` names the files returned afterwards.
 */
export function runR(script: string, files: Record<string, string>, read: string[]): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'ws-r-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, 'script.R'), script);
    execFileSync(RSCRIPT, ['--vanilla', 'script.R'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    return Object.fromEntries(read.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Parses lines of comma-separated numbers (R writes them with sprintf('%.17g')). */
export function parseRows(text: string): number[][] {
  return text
    .trim()
    .split('\n')
    .filter((l) => l.length)
    .map((l) => l.split(',').map(Number));
}
