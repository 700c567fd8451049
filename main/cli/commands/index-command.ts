import type { ClimateIndexResult } from '../../../shared/api/analytics';
import { compositeIndex } from '../../../shared/calc/composite-index';
import { indexCsv } from '../../../shared/analytics/index-csv';
import { parsePeriod } from '../../../shared/period';
import { call, DATA_DIR_OPTION, EXIT_OK, rejectInput, withWorkstation, type CliCommand } from '../command';
import { readNumericCsv } from '../numeric-csv';

function list(value: unknown): string[] {
  return typeof value === 'string' && value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/**
 * `index FILE --base-year YYYY [--invert COL,...] [--rates COL,...] [--window FROM:TO]`: a composite
 * index (Conference Board method) of the CSV's columns, as given (no seasonal adjustment); or
 * `index --definition NAME` for a saved definition on the cache. CSV period,index,<contribution per
 * component in index points> to stdout.
 */
export const indexCommand: CliCommand = {
  name: 'index',
  summary: 'Composite index of a CSV (one column per component) or of a saved definition; CSV to stdout',
  usage: 'index FILE --base-year YYYY [--invert COL,..] [--rates COL,..] [--window FROM:TO] | index --definition NAME [--version N] [--data-dir DIR]',
  options: {
    ...DATA_DIR_OPTION,
    'base-year': { type: 'string' },
    invert: { type: 'string' },
    rates: { type: 'string' },
    window: { type: 'string' },
    definition: { type: 'string' },
    version: { type: 'string' },
  },
  async run(args, io) {
    const definition = args.values.definition as string | undefined;
    if (definition !== undefined) {
      if (args.positionals.length) rejectInput('cli.bad_option', 'Give either a CSV file or --definition NAME, not both');
      const version = args.values.version === undefined ? undefined : Number(args.values.version);
      if (version !== undefined && !(Number.isInteger(version) && version > 0)) rejectInput('cli.bad_option', `--version must be a positive integer`, { option: 'version' });
      const result = (await withWorkstation(args, (ws) => call(ws, 'climate.compute', { name: definition, ...(version ? { version } : {}) }))) as ClimateIndexResult;
      io.out(indexCsv(result, { detail: false }).trimEnd());
      io.err(`# ${result.definition.name} v${result.definition.version}, snapshot state ${result.state.key}${result.state.cached ? ' (cached)' : ''}`);
      return EXIT_OK;
    }
    const file = args.positionals[0];
    if (!file || args.positionals.length !== 1) rejectInput('cli.bad_option', 'Give one CSV file (period and one column per component) or --definition NAME');
    const baseYear = Number(args.values['base-year']);
    if (!Number.isInteger(baseYear)) rejectInput('cli.bad_option', '--base-year YYYY is required with a CSV file', { option: 'base-year' });
    let window: { from?: string; to?: string } = {};
    if (args.values.window !== undefined) {
      const [from, to] = String(args.values.window).split(':');
      if (!from || !to || !parsePeriod(from) || !parsePeriod(to)) rejectInput('cli.bad_option', `--window must be FROM:TO periods, e.g. 2016-01:2024-12`, { option: 'window' });
      window = { from, to };
    }
    const table = readNumericCsv(file);
    const bad = table.labels.findIndex((l) => !parsePeriod(l));
    if (bad >= 0) rejectInput('cli.csv_bad_period', `${file}, row ${bad + 2}, column 1: "${table.labels[bad]}" is not a period like 2024-06 or 2024-Q2`, { file, row: bad + 2, column: 1 });
    const invert = list(args.values.invert);
    const rates = list(args.values.rates);
    for (const col of [...invert, ...rates]) {
      if (!table.columns.includes(col)) rejectInput('cli.bad_option', `${file} has no column ${col} (columns: ${table.columns.join(', ')})`, { option: col });
    }
    const r = compositeIndex(
      table.columns.map((col, c) => ({
        id: col,
        transform: rates.includes(col) ? ('difference' as const) : ('level' as const),
        invert: invert.includes(col),
        points: table.labels.map((period, i) => ({ period, value: table.values[c]![i]! })),
      })),
      { weighting: 'standardized', baseYear, window },
    );
    io.out(indexCsv({ ...r, components: r.components.map((c) => ({ key: c.id, pointContributions: c.pointContributions })) }, { detail: false }).trimEnd());
    io.err(`# weights: ${r.components.map((c) => `${c.id}=${c.weight.toFixed(4)}`).join(', ')}`);
    return EXIT_OK;
  },
};
