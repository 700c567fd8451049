import { parsePeriod } from '../../../shared/period';
import type { EvaluationResult } from '../../../shared/api/warnings';
import { call, DATA_DIR_OPTION, EXIT_OK, rejectInput, withWorkstation, type CliCommand } from '../command';

export const warningsCommand: CliCommand = {
  name: 'warnings',
  summary: 'Evaluate the warning rules for a month and print its alerts (JSON lines)',
  usage: 'warnings evaluate [--period YYYY-MM] [--data-dir DIR]',
  options: { ...DATA_DIR_OPTION, period: { type: 'string' } },
  async run(args, io) {
    const [sub] = args.positionals;
    if (sub !== 'evaluate') rejectInput('cli.unknown_subcommand', `Unknown subcommand ${sub ?? '(none)'}; use: warnings evaluate`, { value: sub ?? '' });
    const period = args.values.period as string | undefined;
    if (period !== undefined && parsePeriod(period)?.frequency !== 'M') rejectInput('cli.bad_period', `--period must be a month like 2024-06, not ${period}`, { value: period });
    await withWorkstation(args, async (ws) => {
      const result = (await call(ws, 'warnings.evaluate', period ? { period } : {})) as EvaluationResult;
      for (const a of result.alerts) {
        io.out(JSON.stringify({ id: a.id, period: a.period, level: a.level, rule: a.ruleCode, ruleName: a.ruleName.zh, subject: a.subject.label.zh, subjectKey: a.subject.key, value: a.value, change: a.change, evidence: a.evidence }));
      }
      io.err(`${result.periods.join(',')}: ${result.alerts.length} alerts (raised ${result.raised}, updated ${result.updated}, unchanged ${result.unchanged}, cleared ${result.cleared}) in ${Math.round(result.ms)} ms`);
    });
    return EXIT_OK;
  },
};
