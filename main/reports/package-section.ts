/**
 * Annotations travel in snapshot packages (`sections/annotations.json`): those on the indicators
 * the packaged snapshots carry, and those on the climate index that overlap the packaged periods.
 * Import keeps every uid it already has (the same package twice adds nothing) and is validated
 * like any input, inside the package's transaction.
 */
import { z } from 'zod';
import { annotationCategorySchema, annotationTargetSchema } from '../../shared/api/annotations';
import { periodSchema } from '../../shared/api/schemas';
import { AppError } from '../../shared/api/errors';
import type { SnapshotInfo } from '../../shared/api/imports';
import type { Db } from '../db/connection';
import { exportAnnotations, importAnnotations, type PortableAnnotation } from '../db/annotations';
import { registerPackageSection, type PackageSection } from '../packages/package';

const portableSchema = z.array(
  z
    .object({
      uid: z.string().min(1).max(64),
      target: annotationTargetSchema,
      periodFrom: periodSchema,
      periodTo: periodSchema.nullable(),
      text: z.string().min(1).max(2000),
      category: annotationCategorySchema,
      author: z.string().max(100),
      createdAt: z.string().max(40),
      updatedAt: z.string().max(40),
      updatedBy: z.string().max(100),
    })
    .strict(),
);

/** The annotations a package of these snapshots carries. */
export function annotationsForSnapshots(db: Db, snapshots: readonly SnapshotInfo[]): PortableAnnotation[] {
  if (!snapshots.length) return [];
  const ids = snapshots.map((s) => s.id);
  const indicators = new Set(
    (db.prepare(`SELECT DISTINCT s.indicator FROM observation o JOIN series s ON s.id = o.series_id WHERE o.snapshot_id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Array<{ indicator: string }>).map((r) => r.indicator),
  );
  const froms = snapshots.map((s) => s.periodFrom).filter((p): p is string => !!p).sort();
  const tos = snapshots.map((s) => s.periodTo).filter((p): p is string => !!p).sort();
  const first = froms[0];
  const last = tos[tos.length - 1];
  return exportAnnotations(db).filter((a) => {
    if (a.target.kind === 'series') return indicators.has(a.target.indicator);
    return !!first && !!last && a.periodFrom <= last && (a.periodTo ?? a.periodFrom) >= first;
  });
}

export const annotationsSection: PackageSection = {
  name: 'annotations',
  export: (db, snapshots) => {
    const list = annotationsForSnapshots(db, snapshots);
    return list.length ? Buffer.from(JSON.stringify(list), 'utf8') : null;
  },
  import: (db, data) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString('utf8'));
    } catch {
      throw new AppError('package.bad_section', 'The annotations section is not JSON', { section: 'annotations' });
    }
    const list = portableSchema.safeParse(parsed);
    if (!list.success) throw new AppError('package.bad_section', `The annotations section is malformed: ${list.error.issues[0]?.message ?? ''}`, { section: 'annotations' });
    // A series annotation needs its indicator here; the package brought the ones its snapshots use.
    const known = new Set((db.prepare('SELECT code FROM indicator').all() as Array<{ code: string }>).map((r) => r.code));
    // Firm annotations never travel (enterprise ids are local to a cache); one in a package is skipped.
    const usable = list.data.filter((a): a is PortableAnnotation => (a.target.kind === 'series' ? known.has(a.target.indicator) : a.target.kind === 'index'));
    return { ...importAnnotations(db, usable), skipped: list.data.length - usable.length };
  },
};

registerPackageSection(annotationsSection);
