/**
 * Bundles the Electron main process and the preload script with esbuild (the renderer is built by
 * Vite). Native and heavy runtime modules stay external and ship in node_modules.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { appRoot } from '../paths';

const root = appRoot();
const external = ['electron', 'better-sqlite3', '@resvg/resvg-js', 'playwright-core'];
const common = {
  bundle: true,
  platform: 'node' as const,
  format: 'cjs' as const,
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning' as const,
  // ESM sources use import.meta.url; in a CJS bundle it is derived from __filename.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: [join(root, 'main/electron/main.ts')], outfile: join(root, 'dist/main/electron.cjs') }),
  build({ ...common, minify: true, entryPoints: [join(root, 'main/preload/preload.ts')], outfile: join(root, 'dist/main/preload.cjs') }),
]);
console.log('main and preload bundled into dist/main');
