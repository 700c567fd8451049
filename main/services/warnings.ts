/** Warning rules (edited on the rules page, every change audited), alerts, and evaluation on demand. */
import type { AlertList, AlertView, EvaluationResult } from '../../shared/api/warnings';
import { AppError } from '../../shared/api/errors';
import { comparePeriods, periodRange } from '../../shared/period';
import { checkBands, WARNING_LEVELS, type WarningLevel } from '../../shared/warnings/levels';
import { ruleProblems, type RuleDefinition, type WarningRule } from '../../shared/warnings/rules';
import { writeAudit } from '../db/audit';
import { getIndicator, listDimensions } from '../db/catalog';
import { getRule, insertRule, listRules, setRuleEnabled, updateRule } from '../db/warning-rules';
import { compareAlerts, getAlert, queryAlerts } from '../warnings/alerts';
import { evaluateWarnings, type EvaluationTrigger } from '../warnings/engine';
// Loading the module registers the evaluation after every committed import.
import '../warnings/after-import';
import { latestMonth } from './app';
import type { HandlersFor, ServiceContext } from './types';

/** The latest month with any monthly data: indicator observations or enterprise reports. */
export function latestDataMonth(ctx: ServiceContext): string | null {
  const reports = (ctx.db.prepare('SELECT max(period) AS p FROM enterprise_report').get() as { p: string | null }).p;
  const observed = latestMonth(ctx);
  if (!reports) return observed;
  if (!observed) return reports;
  return comparePeriods(reports, observed) >= 0 ? reports : observed;
}

/** A rule the catalogue or the band order refuses; the code names the problem for the UI. */
function invalid(problem: string, message: string, params: Record<string, string> = {}): AppError {
  return new AppError(`warnings.${problem}`, message, params);
}

/** Checks a definition against the catalogue: the indicator, its dimensions, the member codes, the bands' direction. */
export function checkRuleAgainstCatalog(ctx: ServiceContext, def: RuleDefinition): void {
  for (const p of ruleProblems(def)) throw invalid(p, `The rule is not usable: ${p}`);
  const dims = listDimensions(ctx.db);
  const memberExists = (dim: string, code: string) => dims.find((d) => d.code === dim)?.members.some((m) => m.code === code) ?? false;
  if (def.scope.type === 'indicator') {
    const indicator = getIndicator(ctx.db, def.scope.indicator);
    if (!indicator) throw invalid('unknown_indicator', `Unknown indicator ${def.scope.indicator}`, { code: def.scope.indicator });
    for (const [dim, code] of Object.entries(def.scope.members)) {
      if (!indicator.dimensions.includes(dim) || !memberExists(dim, code)) throw invalid('unknown_member', `${indicator.code} has no member ${dim}=${code}`, { member: `${dim}=${code}` });
    }
    if (def.scope.breakdown && !indicator.dimensions.includes(def.scope.breakdown)) throw invalid('unknown_dimension', `${indicator.code} is not broken down by ${def.scope.breakdown}`, { dimension: def.scope.breakdown });
    if (def.kind === 'threshold' && !def.params.direction) {
      const direction = indicator.polarity === 'up_good' ? 'below' : 'above';
      const problem = checkBands(def.params.bands, direction);
      if (problem) throw invalid(`bands_${problem}`, `Bands must get stricter with the level (${direction} for ${indicator.code})`);
    }
  }
  if (def.scope.type === 'panel') {
    for (const s of def.scope.sectors) if (!memberExists('sector', s)) throw invalid('unknown_member', `Unknown sector ${s}`, { member: s });
    for (const d of def.scope.districts) if (!memberExists('district', d)) throw invalid('unknown_member', `Unknown district ${d}`, { member: d });
  }
}

function requireRule(ctx: ServiceContext, id: number): WarningRule {
  const rule = getRule(ctx.db, id);
  if (!rule) throw new AppError('warnings.rule_not_found', `Rule ${id} not found`, { id });
  return rule;
}

/** Evaluates months and returns the alerts of those months as they stand afterwards. */
export function runEvaluation(ctx: ServiceContext, months: string[], trigger: EvaluationTrigger): EvaluationResult {
  const summary = evaluateWarnings(ctx.db, { periods: months, actor: ctx.actor, trigger });
  const changeOf = new Map(summary.changes.map((c) => [c.alertId, c.change]));
  const alerts = queryAlerts(ctx.db, { ids: summary.changes.filter((c) => c.change !== 'cleared').map((c) => c.alertId) })
    .filter((a) => a.status === 'active')
    .sort((a, b) => b.period.localeCompare(a.period) || compareAlerts(a, b))
    .map((a) => ({ ...a, change: changeOf.get(a.id) as 'raised' | 'updated' | 'unchanged' }));
  return { periods: summary.periods, raised: summary.raised, updated: summary.updated, cleared: summary.cleared, unchanged: summary.unchanged, ms: summary.ms, alerts };
}

export function listAlerts(ctx: ServiceContext, q: { period?: string; levels?: WarningLevel[]; status: 'active' | 'cleared' | 'all'; ruleId?: number; enterpriseId?: number; kinds?: AlertView['kind'][]; limit: number }): AlertList {
  const period = q.period ?? (q.enterpriseId || q.ruleId ? undefined : (latestDataMonth(ctx) ?? undefined));
  const alerts = queryAlerts(ctx.db, { ...q, period });
  const counts = Object.fromEntries(WARNING_LEVELS.map((l) => [l, 0])) as Record<WarningLevel, number>;
  for (const a of alerts) counts[a.level]++;
  const run = ctx.db.prepare('SELECT at, trigger, periods FROM warning_run ORDER BY id DESC LIMIT 1').get() as { at: string; trigger: string; periods: string } | undefined;
  return { period: period ?? null, alerts, counts, lastRun: run ? { at: run.at, trigger: run.trigger, periods: JSON.parse(run.periods) as string[] } : null };
}

export function warningsHandlers(
  ctx: ServiceContext,
): HandlersFor<'warnings.rules' | 'warnings.createRule' | 'warnings.updateRule' | 'warnings.setRuleEnabled' | 'warnings.alerts' | 'warnings.alert' | 'warnings.evaluate'> {
  return {
    'warnings.rules': () => listRules(ctx.db),
    'warnings.createRule': ({ definition, enabled }) => {
      checkRuleAgainstCatalog(ctx, definition);
      const id = ctx.db.transaction(() => {
        const n = (ctx.db.prepare("SELECT count(*) AS n FROM warning_rule WHERE builtin = 0").get() as { n: number }).n;
        let code = `USER_${n + 1}`;
        for (let k = n + 2; ctx.db.prepare('SELECT 1 FROM warning_rule WHERE code = ?').get(code); k++) code = `USER_${k}`;
        const ruleId = insertRule(ctx.db, code, definition, { builtin: false, actor: ctx.actor, enabled });
        writeAudit(ctx.db, { actor: ctx.actor, action: 'warnings.rule.create', entity: 'warning_rule', entityId: ruleId, details: { code, definition, enabled } });
        return ruleId;
      })();
      return requireRule(ctx, id);
    },
    'warnings.updateRule': ({ id, definition }) => {
      const before = requireRule(ctx, id);
      checkRuleAgainstCatalog(ctx, definition);
      ctx.db.transaction(() => {
        updateRule(ctx.db, id, definition, ctx.actor);
        const { kind, name, scope, params } = before;
        writeAudit(ctx.db, { actor: ctx.actor, action: 'warnings.rule.update', entity: 'warning_rule', entityId: id, details: { code: before.code, before: { kind, name, scope, params }, after: definition } });
      })();
      return requireRule(ctx, id);
    },
    'warnings.setRuleEnabled': ({ id, enabled }) => {
      const before = requireRule(ctx, id);
      if (before.enabled !== enabled) {
        ctx.db.transaction(() => {
          setRuleEnabled(ctx.db, id, enabled, ctx.actor);
          writeAudit(ctx.db, { actor: ctx.actor, action: enabled ? 'warnings.rule.enable' : 'warnings.rule.disable', entity: 'warning_rule', entityId: id, details: { code: before.code } });
        })();
      }
      return requireRule(ctx, id);
    },
    'warnings.alerts': (q) => listAlerts(ctx, q),
    'warnings.alert': ({ id }) => {
      const alert = getAlert(ctx.db, id);
      if (!alert) throw new AppError('warnings.alert_not_found', `Alert ${id} not found`, { id });
      return alert;
    },
    'warnings.evaluate': ({ period, from, to }) => {
      let months: string[];
      if (from || to) {
        if (!from || !to || comparePeriods(from, to) > 0) throw new AppError('warnings.bad_range', `Give both ends of the range, oldest first (${from ?? '?'}..${to ?? '?'})`, { from: from ?? '', to: to ?? '' });
        months = periodRange(from, to);
      } else {
        const month = period ?? latestDataMonth(ctx);
        if (!month) throw new AppError('warnings.no_data', 'There are no data to evaluate yet');
        months = [month];
      }
      return runEvaluation(ctx, months, 'manual');
    },
  };
}
