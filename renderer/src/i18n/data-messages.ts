/**
 * Registers the data domains' messages (shared/import/messages.ts: import, snapshot, provenance,
 * catalogue editing, package codes) as `<ns>:errors.*` keys, so API errors and import issues read
 * the same in the UI as in the CLI. Imported for its side effect by the pages that show them.
 */
import i18n from './index';
import { dataMessageResources } from '../../../shared/import/messages';
import type { Locale } from '../../../shared/domain/types';

for (const locale of ['zh-CN', 'en-US'] as Locale[]) {
  for (const [ns, resources] of Object.entries(dataMessageResources(locale))) i18n.addResourceBundle(locale, ns, resources, true, false);
}

export {};
