/**
 * i18next with one JSON file per namespace and locale under ./locales/<locale>/<ns>.json. A new
 * feature adds its own files; nothing here changes. Error codes `ns.key` translate through
 * `<ns>:errors.<key>`.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../shared/domain/types';

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, content] of Object.entries(files)) {
  const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!m) continue;
  const [, locale, ns] = m as unknown as [string, string, string];
  (resources[locale] ??= {})[ns] = content;
}

export const LOCALES: Locale[] = ['zh-CN', 'en-US'];

void i18n.use(initReactI18next).init({
  resources,
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  ns: Object.keys(resources['zh-CN'] ?? {}),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
