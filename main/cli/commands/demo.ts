import { latestFullMonth, parsePeriod } from '../../../shared/period';
import { isEmptyCache, seedDemo } from '../../demo/seed';
import { openDatabase } from '../../db/connection';
import { osUserName, resolveDataDir } from '../../paths';
import { DATA_DIR_OPTION, EXIT_OK, rejectInput, type CliCommand } from '../command';

/** Builds the demo cache non-interactively. */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Build the demo cache in a data folder (deterministic, fixed seed)',
  usage: 'demo --data-dir DIR [--end YYYY-MM]',
  options: { ...DATA_DIR_OPTION, end: { type: 'string' } },
  async run(args, io) {
    const end = (args.values.end as string | undefined) ?? latestFullMonth(new Date());
    if (parsePeriod(end)?.frequency !== 'M') rejectInput('cli.bad_period', `--end must be a month like 2024-06, not ${end}`, { value: end });
    const dataDir = resolveDataDir(args.values['data-dir'] as string | undefined);
    const db = openDatabase(dataDir);
    try {
      if (!isEmptyCache(db)) rejectInput('cli.cache_not_empty', `The cache in ${dataDir} already holds data; choose an empty folder.`, { dataDir });
      const t0 = performance.now();
      const result = seedDemo(db, { end, actor: osUserName() });
      io.out(JSON.stringify({ dataDir, ...result, ms: Math.round(performance.now() - t0) }));
    } finally {
      db.close();
    }
    return EXIT_OK;
  },
};
