/** Annotations: list with filters, create, edit, delete; every change audited in its transaction. */
import type { Annotation, AnnotationTarget } from '../../shared/api/annotations';
import { AppError } from '../../shared/api/errors';
import { comparePeriods, periodFrequency } from '../../shared/period';
import { writeAudit } from '../db/audit';
import { deleteAnnotation, getAnnotation, insertAnnotation, listAnnotations, updateAnnotation } from '../db/annotations';
import { linkLedgerItem } from '../ledger/store';
import '../reports/package-section';
import { requireIndicator } from './series';
import type { HandlersFor, ServiceContext } from './types';

function checkPeriods(ctx: ServiceContext, target: AnnotationTarget, from: string, to: string | null): void {
  if (target.kind === 'series') {
    const indicator = requireIndicator(ctx, target.indicator);
    for (const d of Object.keys(target.members)) {
      if (!indicator.dimensions.includes(d)) {
        throw new AppError('series.unknown_dimension', `${indicator.code} is not broken down by ${d}`, { code: indicator.code, dimension: d });
      }
    }
    for (const p of [from, ...(to ? [to] : [])]) {
      if (periodFrequency(p) !== indicator.frequency) {
        throw new AppError('annotation.wrong_frequency', `${p} is not a period of ${indicator.code} (frequency ${indicator.frequency})`, { period: p, code: indicator.code });
      }
    }
  } else if (target.kind === 'firm') {
    if (!ctx.db.prepare('SELECT 1 FROM enterprise WHERE id = ?').get(target.enterpriseId)) {
      throw new AppError('annotation.unknown_firm', `No key enterprise with id ${target.enterpriseId}`, { id: target.enterpriseId });
    }
    // Firms report monthly.
    for (const p of [from, ...(to ? [to] : [])]) {
      if (periodFrequency(p) !== 'M') throw new AppError('annotation.firm_monthly', `${p} is not a month; key enterprises report monthly`, { period: p });
    }
  } else if (to && periodFrequency(to) !== periodFrequency(from)) {
    throw new AppError('annotation.wrong_frequency', `${from} and ${to} have different frequencies`, { period: to, code: target.index });
  }
  if (to && (periodFrequency(to) !== periodFrequency(from) || comparePeriods(to, from) < 0)) {
    throw new AppError('annotation.bad_range', `The range ends (${to}) before it starts (${from})`, { from, to });
  }
}

function requireAnnotation(ctx: ServiceContext, id: number): Annotation {
  const a = getAnnotation(ctx.db, id);
  if (!a) throw new AppError('annotation.not_found', `No annotation ${id}`, { id });
  return a;
}

export function annotationsHandlers(ctx: ServiceContext): HandlersFor<'annotation.list' | 'annotation.create' | 'annotation.update' | 'annotation.delete'> {
  return {
    'annotation.list': (f) => listAnnotations(ctx.db, f as Parameters<typeof listAnnotations>[1]),
    'annotation.create': (input) => {
      const target = input.target as AnnotationTarget;
      const periodTo = input.periodTo === input.periodFrom ? null : input.periodTo;
      checkPeriods(ctx, target, input.periodFrom, periodTo);
      return ctx.db.transaction(() => {
        const at = new Date();
        const id = insertAnnotation(ctx.db, { target, periodFrom: input.periodFrom, periodTo, text: input.text, category: input.category, author: ctx.actor, at: at.toISOString() });
        // The link is the ledger's (in the item's history); an unknown item refuses the whole create.
        if (input.ledgerItem !== null) linkLedgerItem(ctx.db, input.ledgerItem, 'annotation', id, false, ctx.actor, at);
        const created = getAnnotation(ctx.db, id)!;
        writeAudit(ctx.db, { actor: ctx.actor, action: 'annotation.create', entity: 'annotation', entityId: id, details: created }, at);
        return created;
      })();
    },
    'annotation.update': (input) => {
      const before = requireAnnotation(ctx, input.id);
      const periodFrom = input.periodFrom ?? before.periodFrom;
      let periodTo = input.periodTo === undefined ? before.periodTo : input.periodTo;
      if (periodTo === periodFrom) periodTo = null;
      checkPeriods(ctx, before.target, periodFrom, periodTo);
      const next = { periodFrom, periodTo, text: input.text ?? before.text, category: input.category ?? before.category };
      return ctx.db.transaction(() => {
        updateAnnotation(ctx.db, input.id, next, ctx.actor, new Date().toISOString());
        const after = getAnnotation(ctx.db, input.id)!;
        writeAudit(ctx.db, { actor: ctx.actor, action: 'annotation.update', entity: 'annotation', entityId: input.id, details: { before, after } });
        return after;
      })();
    },
    'annotation.delete': ({ id }) => {
      const before = requireAnnotation(ctx, id);
      ctx.db.transaction(() => {
        const at = new Date();
        // Each linked ledger item records the unlink in its history before the annotation goes.
        for (const item of before.ledgerItemIds) linkLedgerItem(ctx.db, item, 'annotation', id, true, ctx.actor, at);
        deleteAnnotation(ctx.db, id);
        writeAudit(ctx.db, { actor: ctx.actor, action: 'annotation.delete', entity: 'annotation', entityId: id, details: before });
      })();
      return { id };
    },
  };
}
