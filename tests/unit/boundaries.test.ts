import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (eslint)', () => {
  it('keeps shared/ free of electron, Node, react-dom, main and renderer', async () => {
    const probe = [
      "import 'electron';",
      "import 'node:fs';",
      "import 'fs';",
      "import 'react-dom';",
      "import '../main/db/connection';",
      "import '../renderer/src/App';",
      "import { z } from 'zod';",
      'export const x = z;',
    ].join('\n');
    const messages = await restricted('shared/probe.ts', probe);
    expect(messages).toHaveLength(6);
  });

  it('keeps renderer/ out of main/ and main/ out of renderer/', async () => {
    expect(await restricted('renderer/src/probe.ts', "import '../../main/db/connection';\nimport '../../shared/period';")).toHaveLength(1);
    expect(await restricted('main/probe.ts', "import '../renderer/src/App';\nimport '../shared/period';")).toHaveLength(1);
  });
});
