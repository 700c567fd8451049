import { rmSync } from 'node:fs';
import { ensureDemoTemplate, TEMPLATE_DIR } from '../support/demo-template';

/** Builds the demo cache once for the whole run (a stale one from an earlier run is replaced). */
export default function globalSetup(): void {
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  ensureDemoTemplate();
}
