// One-way imports: shared/ knows nothing of electron, Node, the DOM renderer or the other layers;
// renderer/ never reaches into main/, and main/ never into renderer/.
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), ...builtinModules.map((m) => `${m}/*`)];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', '.tsbuild/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ must not import electron.' },
            { name: 'react-dom', message: 'shared/ must not import react-dom.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ must not import Node built-ins.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'shared/ must not import Node built-ins.' },
            { group: ['react-dom/*', 'electron/*'], message: 'shared/ is environment-free.' },
            { group: ['**/main/**', '../main', '../../main', '**/renderer/**', '../renderer', '../../renderer'], message: 'shared/ must not import main/ or renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through the typed client.' }],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node.' },
            { group: ['**/main/**', '../main', '../../main', '../../../main'], message: 'renderer/ must not import main/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '../renderer', '../../renderer'], message: 'main/ must not import renderer/.' }] }],
    },
  },
);
