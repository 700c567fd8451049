import { resolveDataDir, rendererDir } from '../../paths';
import { startHttpBridge } from '../../transport/http';
import { openWorkstation } from '../../workstation';
import { DATA_DIR_OPTION, EXIT_OK, rejectInput, type CliCommand } from '../command';

/** Browser mode: the loopback HTTP bridge serving the built renderer, until interrupted. */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Browser mode: serve the workstation on 127.0.0.1 (prints the URL with its token)',
  usage: 'serve [--port N] [--data-dir DIR] [--no-demo]',
  options: { ...DATA_DIR_OPTION, port: { type: 'string' }, 'no-demo': { type: 'boolean' } },
  async run(args, io) {
    const port = Number(args.values.port ?? 0);
    if (!Number.isInteger(port) || port < 0 || port > 65535) rejectInput('cli.bad_port', `--port must be 0-65535, not ${String(args.values.port)}`, { value: String(args.values.port) });
    const dataDir = resolveDataDir(args.values['data-dir'] as string | undefined);
    const ws = openWorkstation({ dataDir, demo: !args.values['no-demo'] });
    if (ws.seeded) io.err(`演示数据已生成 / demo cache generated: ${ws.seeded.observations} observations, ${ws.seeded.enterprises} enterprises, up to ${ws.seeded.end}`);
    const bridge = await startHttpBridge({
      dispatch: ws.dispatch,
      staticDir: rendererDir(),
      port,
      upload: (name, body) => ws.ctx.files.upload(name, body),
    });
    io.out(`就业监测分析工作站 browser mode: ${bridge.url}`);
    io.err(`数据目录 / data folder: ${dataDir}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await bridge.close();
    ws.close();
    return EXIT_OK;
  },
};
