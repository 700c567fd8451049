import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_MESSAGES, dataMessage, dataMessageResources } from '../../shared/import/messages';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('the data message table', () => {
  it('has both languages with the same placeholders for every code', () => {
    for (const [code, m] of Object.entries(DATA_MESSAGES)) {
      expect(m.zh, code).not.toBe('');
      expect(m.en, code).not.toBe('');
      expect(placeholders(m.zh), code).toEqual(placeholders(m.en));
    }
  });

  it('holds every code the main process raises or reports', () => {
    const used = new Set<string>();
    for (const file of [...sources('main/import'), ...sources('main/db'), ...sources('main/services'), ...sources('main/cli')].filter((f) => statSync(f).isFile())) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:dataError|\.error|\.warning|\.info|reject|code:)\(?\s*'((?:import|snapshot|provenance|catalog|package)\.[a-z_]+)'/g)) used.add(m[1]!);
    }
    for (const p of ['frequency', 'ytd_form', 'single_form', 'ytd_start']) used.add(`import.period_${p}`);
    expect(used.size).toBeGreaterThan(40);
    for (const code of used) expect(DATA_MESSAGES[code], code).toBeDefined();
  });

  it('formats messages with field names in words, and groups them as i18n namespaces', () => {
    expect(dataMessage('import.mapping_incomplete', { sheet: 'Sheet1', fields: 'indicator, period' }, 'zh-CN')).toBe('工作表“Sheet1”还缺少：指标、时期，请在映射中指定');
    expect(dataMessage('import.missing_field', { field: 'period' }, 'en-US')).toBe('No period given');
    expect(dataMessage('no.such', {}, 'en-US')).toBeNull();
    const zh = dataMessageResources('zh-CN');
    expect(zh.import!.errors.bad_value).toBe('无法识别数值“{{text}}”');
    expect(Object.keys(zh).sort()).toEqual(['catalog', 'import', 'package', 'provenance', 'snapshot']);
  });
});
