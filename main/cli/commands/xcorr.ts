import { crossCorrelateSeries, type XcorrChange } from '../../../shared/calc/xcorr';
import { parsePeriod } from '../../../shared/period';
import { EXIT_OK, rejectInput, type CliCommand } from '../command';
import { csvNumber, readNumericCsv } from '../numeric-csv';

const CHANGES = ['percent', 'diff', 'none'];

/** `xcorr FILE_A FILE_B --max-lag 12`: cross-correlation of the two series' changes. */
export const xcorrCommand: CliCommand = {
  name: 'xcorr',
  summary: 'Cross-correlation of two CSV series (period,value) by lag; CSV lag,r to stdout (lag > 0: A leads B)',
  usage: 'xcorr FILE_A FILE_B [--max-lag 12] [--change percent|diff|none] [--robust]',
  options: { 'max-lag': { type: 'string' }, change: { type: 'string' }, robust: { type: 'boolean' } },
  async run(args, io) {
    if (args.positionals.length !== 2) rejectInput('cli.bad_option', 'Give two CSV files (columns period,value): the candidate leading series, then the other');
    const maxLag = Number(args.values['max-lag'] ?? '12');
    if (!Number.isInteger(maxLag) || maxLag < 0 || maxLag > 60) rejectInput('cli.bad_option', `--max-lag must be an integer from 0 to 60, not ${String(args.values['max-lag'])}`, { option: 'max-lag' });
    const change = (args.values.change as string | undefined) ?? 'percent';
    if (!CHANGES.includes(change)) rejectInput('cli.bad_option', `--change must be one of ${CHANGES.join(', ')}, not ${change}`, { option: 'change' });
    const read = (file: string) => {
      const t = readNumericCsv(file);
      const bad = t.labels.findIndex((l) => !parsePeriod(l));
      if (bad >= 0) rejectInput('cli.csv_bad_period', `${file}, row ${bad + 2}, column 1: "${t.labels[bad]}" is not a period like 2024-06 or 2024-Q2`, { file, row: bad + 2, column: 1 });
      return t.labels.map((period, i) => ({ period, value: t.values[0]![i]! }));
    };
    const a = read(args.positionals[0]!);
    const b = read(args.positionals[1]!);
    const r = crossCorrelateSeries(a, b, { xChange: change as XcorrChange, yChange: change as XcorrChange, maxLag, ...(args.values.robust ? { clip: 3 } : {}) });
    io.out('lag,r');
    r.leads.forEach((lead, i) => io.out(`${lead},${csvNumber(r.r[i])}`));
    io.err(
      `# ${r.from}..${r.to}, n = ${r.n}, band ±${r.band.toFixed(4)}; best lag ${r.best ? `${r.best.lead} (r = ${r.best.r.toFixed(4)}${r.best.significant ? ', outside the band' : ', inside the band'})` : '—'}. lag > 0: ${args.positionals[0]} leads; R's ccf(a, b) shows it at -lag.`,
    );
    return EXIT_OK;
  },
};
