/**
 * The pluggable end of the importer. Readers, layout detection and mappings are shared; a target
 * decides what a record means and how it is stored. The engine drives a target through one
 * session per import:
 *
 *   open(ctx) -> beginSheet(sheet) -> add(record) ... -> plan() -> write(snapshotId)
 *
 * `add` validates and stages (reporting problems to ctx.issues with the record's location),
 * `plan` classifies what is staged against the cache as it is now (added / revised / unchanged),
 * `write` stores it for the snapshot. The engine calls plan and write inside the commit
 * transaction; a dry run calls plan only. See docs/importer.md.
 */
import type { ImportChange, ImportCounts } from '../../shared/api/imports';
import type { Db } from '../db/connection';
import type { ImportRecord, SheetPlan } from '../../shared/import/mapping';
import type { RawRow, TableLayout } from '../../shared/import/table';
import type { Suggestion } from '../../shared/import/suggest';
import type { IssueCollector } from './issues';
import type { ImportLimits } from './limits';

export interface TargetContext {
  db: Db;
  issues: IssueCollector;
  limits: ImportLimits;
  fileName: string;
}

export interface SheetContext {
  name: string | null;
  layout: TableLayout;
  plan: SheetPlan;
}

/** Counts of values: read = added + revised + unchanged + rejected + skipped. */
export type TargetCounts = ImportCounts;

/** One value the import would add or change, for the preview. */
export type ChangeSample = ImportChange;

export interface TargetPlan {
  counts: TargetCounts;
  periodFrom: string | null;
  periodTo: string | null;
  /** Source units owning what was read (to default the snapshot's unit). */
  sourceUnits: string[];
  /** The first added or revised values. */
  changes: ChangeSample[];
}

export interface TargetSession {
  beginSheet(sheet: SheetContext): void;
  /**
   * Validates and stages one record. The record object is reused by the caller: copy what you keep.
   * Within a sheet a record object keeps its field cells (RecordMaker updates their values in
   * place), so a target may look a record's fields up once per record object and sheet.
   */
  add(record: ImportRecord): void;
  /** Classifies the staged values against the current state of the cache. */
  plan(): TargetPlan;
  /**
   * Stores the values `plan` found new or changed for the snapshot; returns the final counts.
   * `progress` (optional) is told how many values are written so far.
   */
  write(snapshotId: number, progress?: (written: number) => void): TargetCounts;
}

export interface ImportTarget {
  /** Stable name, stored with snapshots and mapping templates. */
  name: string;
  /** Fields a sheet mapping must provide. */
  requiredFields: readonly string[];
  /** Suggests a sheet mapping from the table (optional: without it the user maps every column). */
  suggest?(db: Db, layout: TableLayout, sample: readonly RawRow[]): Suggestion;
  open(ctx: TargetContext): TargetSession;
}

const TARGETS = new Map<string, ImportTarget>();

/** Adds a target (done once at module load by each target module). */
export function registerTarget(target: ImportTarget): void {
  TARGETS.set(target.name, target);
}

export function getTarget(name: string): ImportTarget | undefined {
  return TARGETS.get(name);
}

export function targetNames(): string[] {
  return [...TARGETS.keys()];
}
