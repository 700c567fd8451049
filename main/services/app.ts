import type { Locale } from '../../shared/domain/types';
import { writeAudit } from '../db/audit';
import { getSetting, setSetting } from './settings';
import type { HandlersFor, ServiceContext } from './types';

export function latestMonth(ctx: ServiceContext): string | null {
  const row = ctx.db
    .prepare(
      `SELECT max(o.period) AS p FROM observation o JOIN series s ON s.id = o.series_id
       JOIN indicator i ON i.code = s.indicator WHERE i.frequency = 'M'`,
    )
    .get() as { p: string | null };
  return row.p;
}

export function appHandlers(ctx: ServiceContext): HandlersFor<'app.info' | 'app.setLocale'> {
  return {
    'app.info': () => {
      const count = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;
      return {
        name: '就业监测分析工作站',
        version: ctx.version,
        dataDir: ctx.dataDir,
        schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
        locale: getSetting<Locale>(ctx.db, 'locale', 'zh-CN'),
        latestPeriod: latestMonth(ctx),
        counts: {
          indicators: count('SELECT count(*) AS n FROM indicator'),
          observations: count('SELECT count(*) AS n FROM observation'),
          snapshots: count('SELECT count(*) AS n FROM snapshot WHERE deleted_at IS NULL'),
          enterprises: count('SELECT count(*) AS n FROM enterprise'),
        },
      };
    },
    'app.setLocale': ({ locale }) => {
      setSetting(ctx.db, 'locale', locale);
      writeAudit(ctx.db, { actor: ctx.actor, action: 'settings.locale', entity: 'setting', entityId: 'locale', details: { locale } });
      return { locale };
    },
  };
}
