/**
 * `npm start`: the desktop app where the Electron runtime is installed; otherwise one line saying
 * so, then browser mode.
 */
import { spawn } from 'node:child_process';
import { runCli } from './cli';
import { findElectron } from './launch-check';
import { appRoot } from './paths';

const args = process.argv.slice(2);
const electron = findElectron();
if ('path' in electron) {
  const child = spawn(electron.path, [appRoot(), ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`未找到 Electron 运行时，改用浏览器模式（安装运行时见 docs/offline-install.md） / Electron runtime not installed (${electron.missing}); starting browser mode.`);
  const io = { out: (l: string) => process.stdout.write(l + '\n'), err: (l: string) => process.stderr.write(l + '\n') };
  void runCli(['serve', ...args], io).then((code) => process.exit(code));
}
