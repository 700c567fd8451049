import { ensureDemoTemplate, removeStaleTemplates } from '../support/demo-template';

/** Builds the demo cache once for the whole run (templates of other code versions are removed). */
export default function globalSetup(): void {
  removeStaleTemplates();
  ensureDemoTemplate();
}
