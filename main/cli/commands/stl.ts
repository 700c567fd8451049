import { stl } from '../../../shared/calc/stl';
import { csvField } from '../../../shared/exchange';
import { EXIT_OK, rejectInput, type CliCommand } from '../command';
import { csvNumber, readNumericCsv } from '../numeric-csv';

/** `stl FILE --period 12 --s-window 7|periodic [--t-window N] [--robust]`: R's stl() on a CSV of period,value. */
export const stlCommand: CliCommand = {
  name: 'stl',
  summary: "Seasonal-trend decomposition (as R's stl) of a CSV period,value; CSV to stdout",
  usage: 'stl FILE --period 12|4 --s-window N|periodic [--t-window N] [--robust]',
  options: { period: { type: 'string' }, 's-window': { type: 'string' }, 't-window': { type: 'string' }, robust: { type: 'boolean' } },
  async run(args, io) {
    const file = args.positionals[0];
    if (!file || args.positionals.length !== 1) rejectInput('cli.bad_option', 'Give exactly one CSV file (columns period,value)');
    const period = Number(args.values.period ?? '12');
    if (!Number.isInteger(period) || period < 2) rejectInput('cli.bad_option', `--period must be an integer of at least 2 (12 monthly, 4 quarterly), not ${String(args.values.period)}`, { option: 'period' });
    const sw = (args.values['s-window'] as string | undefined) ?? 'periodic';
    const sWindow = sw === 'periodic' ? ('periodic' as const) : Number(sw);
    if (sWindow !== 'periodic' && !(Number.isInteger(sWindow) && sWindow > 0)) rejectInput('cli.bad_option', `--s-window must be a positive integer or "periodic", not ${sw}`, { option: 's-window' });
    const tw = args.values['t-window'] as string | undefined;
    const tWindow = tw === undefined ? undefined : Number(tw);
    if (tWindow !== undefined && !(Number.isInteger(tWindow) && tWindow > 0)) rejectInput('cli.bad_option', `--t-window must be a positive integer, not ${tw}`, { option: 't-window' });
    const table = readNumericCsv(file);
    const values = table.values[0]!;
    const missing = values.findIndex((v) => v === null);
    if (missing >= 0) rejectInput('cli.csv_missing_value', `${file}, row ${missing + 2}: STL needs a complete series, this value is missing`, { file, row: missing + 2 });
    const r = stl(values as number[], { period, sWindow, ...(tWindow !== undefined ? { tWindow } : {}), robust: args.values.robust === true });
    io.out('period,seasonal,trend,remainder,adjusted');
    table.labels.forEach((label, i) => io.out([csvField(label), csvNumber(r.seasonal[i]), csvNumber(r.trend[i]), csvNumber(r.remainder[i]), csvNumber(r.adjusted[i])].join(',')));
    return EXIT_OK;
  },
};
