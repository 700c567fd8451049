import type { TopCuts } from '../../../shared/api/enterprises';
import { parsePeriod } from '../../../shared/period';
import { call, DATA_DIR_OPTION, EXIT_OK, rejectInput, withWorkstation, type CliCommand } from '../command';

export const enterprisesCommand: CliCommand = {
  name: 'enterprises',
  summary: "The month's largest reducers among the key enterprises, with their reasons (JSON lines)",
  usage: 'enterprises top-cuts --period YYYY-MM [--limit N] [--data-dir DIR]',
  options: { ...DATA_DIR_OPTION, period: { type: 'string' }, limit: { type: 'string' } },
  async run(args, io) {
    const [sub] = args.positionals;
    if (sub !== 'top-cuts') rejectInput('cli.unknown_subcommand', `Unknown subcommand ${sub ?? '(none)'}; use: enterprises top-cuts`, { value: sub ?? '' });
    const period = args.values.period as string | undefined;
    if (!period || parsePeriod(period)?.frequency !== 'M') rejectInput('cli.bad_period', `--period must be a month like 2024-06, not ${period ?? '(missing)'}`, { value: period ?? '' });
    const limitText = (args.values.limit as string | undefined) ?? '10';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > 100) rejectInput('cli.bad_limit', `--limit must be a whole number from 1 to 100, not ${limitText}`, { value: limitText });
    await withWorkstation(args, async (ws) => {
      const result = (await call(ws, 'enterprises.topCuts', { period, limit })) as TopCuts;
      for (const t of result.items) {
        io.out(JSON.stringify({ rank: t.rank, creditCode: t.firm.creditCode, name: t.firm.name, sector: t.firm.sector, district: t.firm.district, opening: t.report.opening, closing: t.report.closing, reduction: t.reduction, separations: t.separations, reasons: t.reasons, mainReason: t.mainReason, plannedCuts: t.report.plannedCuts, production: t.report.production, article41: t.article41.article41, over200: t.article41.bigCut }));
      }
      io.err(`${period}: ${result.reducingFirms} firms reduced staff, ${result.totalReduction} in all`);
    });
    return EXIT_OK;
  },
};
