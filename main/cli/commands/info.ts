import { call, DATA_DIR_OPTION, EXIT_OK, withWorkstation, type CliCommand } from '../command';

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Print the cache location, schema version and counts',
  usage: 'info [--data-dir DIR]',
  options: { ...DATA_DIR_OPTION },
  async run(args, io) {
    await withWorkstation(args, async (ws) => io.out(JSON.stringify(await call(ws, 'app.info', {}), null, 2)));
    return EXIT_OK;
  },
};
