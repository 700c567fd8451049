/**
 * The risk ledger (风险隐患清单台账): items worked by the task force and the response groups
 * (../DOMAIN.md section 4), and the state machine an item's status follows.
 *
 *   待处理 pending ──start──▶ 处理中 in_progress ──resolve──▶ 已化解 resolved ──close──▶ 已关闭 closed
 *        │                       ▲    │                          │
 *        └───────close───────────┼────┘ (close without resolving) │
 *                                └────────reopen─────────────────┘ (and from closed)
 *
 * Resolving, closing and reopening need a comment saying why; an item cannot skip "in hand" on the
 * way to resolved, nor go back to pending once work started.
 */
import type { WarningLevel } from '../warnings/levels';

export const LEDGER_STATUSES = ['pending', 'in_progress', 'resolved', 'closed'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

/** Response groups: the task force (专班) and the four groups, plus the policy reserve. */
export const LEDGER_GROUPS = ['task_force', 'layoff_response', 'unemployed_support', 'area_assistance', 'emergency', 'policy_reserve'] as const;
export type LedgerGroup = (typeof LEDGER_GROUPS)[number];

export const LEDGER_SUBJECT_TYPES = ['firm', 'district', 'sector', 'indicator'] as const;
export type LedgerSubjectType = (typeof LEDGER_SUBJECT_TYPES)[number];

interface Transition {
  from: LedgerStatus;
  to: LedgerStatus;
  /** A comment is required to make this move. */
  comment: boolean;
}

const TRANSITIONS: Transition[] = [
  { from: 'pending', to: 'in_progress', comment: false },
  { from: 'pending', to: 'closed', comment: true },
  { from: 'in_progress', to: 'resolved', comment: true },
  { from: 'in_progress', to: 'closed', comment: true },
  { from: 'resolved', to: 'closed', comment: false },
  { from: 'resolved', to: 'in_progress', comment: true },
  { from: 'closed', to: 'in_progress', comment: true },
];

/**
 * The statuses an item may move to from `from`.
 * @example nextStatuses('pending') // ['in_progress', 'closed']
 */
export function nextStatuses(from: LedgerStatus): LedgerStatus[] {
  return TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

export type TransitionRefusal = 'same_status' | 'illegal_transition' | 'comment_required';

/**
 * Whether a move is allowed; null when it is, else why not.
 * @example checkTransition('pending', 'resolved', 'done') // 'illegal_transition'
 * @example checkTransition('in_progress', 'resolved', '') // 'comment_required'
 */
export function checkTransition(from: LedgerStatus, to: LedgerStatus, comment: string | null | undefined): TransitionRefusal | null {
  if (from === to) return 'same_status';
  const t = TRANSITIONS.find((x) => x.from === from && x.to === to);
  if (!t) return 'illegal_transition';
  if (t.comment && !(comment ?? '').trim()) return 'comment_required';
  return null;
}

/**
 * Whether a move needs a comment (false for moves that are not allowed at all).
 * @example transitionNeedsComment('resolved', 'closed') // false
 */
export function transitionNeedsComment(from: LedgerStatus, to: LedgerStatus): boolean {
  return TRANSITIONS.find((x) => x.from === from && x.to === to)?.comment ?? false;
}

/** Open items are those still to be worked: pending or in hand. @example isOpenStatus('resolved') // false */
export function isOpenStatus(status: LedgerStatus): boolean {
  return status === 'pending' || status === 'in_progress';
}

/**
 * Overdue: still open and the due date (YYYY-MM-DD, inclusive) has passed on `today` (YYYY-MM-DD).
 * @example isOverdue({ status: 'pending', dueDate: '2026-11-01' }, '2026-11-02') // true
 * @example isOverdue({ status: 'resolved', dueDate: '2026-11-01' }, '2026-12-01') // false
 */
export function isOverdue(item: { status: LedgerStatus; dueDate: string | null }, today: string): boolean {
  return isOpenStatus(item.status) && item.dueDate !== null && item.dueDate < today;
}

/**
 * The response group an alert's subject suggests, as a starting point the user may change.
 * @example suggestGroup('firm', 'red') // 'layoff_response'
 */
export function suggestGroup(subjectType: LedgerSubjectType, level: WarningLevel): LedgerGroup {
  if (subjectType === 'firm') return 'layoff_response';
  if (subjectType === 'district') return level === 'red' ? 'emergency' : 'area_assistance';
  if (subjectType === 'sector') return 'layoff_response';
  return level === 'red' || level === 'orange' ? 'task_force' : 'unemployed_support';
}

/** A date as YYYY-MM-DD in the given UTC offset (Beijing +8 by default). @example localDate(new Date('2026-11-30T17:00:00Z')) // '2026-12-01' */
export function localDate(at: Date, offsetHours = 8): string {
  return new Date(at.getTime() + offsetHours * 3600_000).toISOString().slice(0, 10);
}
