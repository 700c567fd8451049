import { describe, expect, it } from 'vitest';
import { checkTransition, isOverdue, LEDGER_STATUSES, localDate, nextStatuses, suggestGroup, transitionNeedsComment, type LedgerStatus } from '../../shared/domain/ledger';

describe('ledger state machine', () => {
  // The allowed moves, written out independently of the module's table.
  const allowed: Array<[LedgerStatus, LedgerStatus, boolean]> = [
    ['pending', 'in_progress', false],
    ['pending', 'closed', true],
    ['in_progress', 'resolved', true],
    ['in_progress', 'closed', true],
    ['resolved', 'closed', false],
    ['resolved', 'in_progress', true],
    ['closed', 'in_progress', true],
  ];

  it('allows exactly the listed moves, each with or without a comment as required', () => {
    for (const from of LEDGER_STATUSES) {
      for (const to of LEDGER_STATUSES) {
        const rule = allowed.find(([f, t]) => f === from && t === to);
        if (from === to) expect(checkTransition(from, to, 'x'), `${from}->${to}`).toBe('same_status');
        else if (!rule) expect(checkTransition(from, to, 'with a comment'), `${from}->${to}`).toBe('illegal_transition');
        else {
          expect(checkTransition(from, to, 'why'), `${from}->${to}`).toBeNull();
          expect(checkTransition(from, to, '   '), `${from}->${to} blank`).toBe(rule[2] ? 'comment_required' : null);
          expect(transitionNeedsComment(from, to)).toBe(rule[2]);
        }
      }
    }
  });

  it('refuses skipping "in hand" on the way to resolved and going back to pending', () => {
    expect(checkTransition('pending', 'resolved', '已化解')).toBe('illegal_transition');
    expect(checkTransition('in_progress', 'pending', '退回')).toBe('illegal_transition');
    expect(checkTransition('closed', 'resolved', '已化解')).toBe('illegal_transition');
    expect(checkTransition('resolved', 'pending', null)).toBe('illegal_transition');
  });

  it('lists the next statuses', () => {
    expect(nextStatuses('pending')).toEqual(['in_progress', 'closed']);
    expect(nextStatuses('in_progress')).toEqual(['resolved', 'closed']);
    expect(nextStatuses('resolved')).toEqual(['closed', 'in_progress']);
    expect(nextStatuses('closed')).toEqual(['in_progress']);
    expect(transitionNeedsComment('pending', 'resolved')).toBe(false);
  });

  it('is overdue only while open and after the due date', () => {
    expect(isOverdue({ status: 'pending', dueDate: '2026-11-01' }, '2026-11-02')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueDate: '2026-11-01' }, '2026-11-01')).toBe(false);
    expect(isOverdue({ status: 'resolved', dueDate: '2026-11-01' }, '2026-12-01')).toBe(false);
    expect(isOverdue({ status: 'closed', dueDate: '2026-11-01' }, '2026-12-01')).toBe(false);
    expect(isOverdue({ status: 'pending', dueDate: null }, '2099-01-01')).toBe(false);
  });

  it('dates in Beijing time', () => {
    // 2026-11-30T17:00Z is 01:00 on 1 December in Beijing.
    expect(localDate(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
    expect(localDate(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
  });

  it('suggests the group by subject and level', () => {
    expect(suggestGroup('firm', 'blue')).toBe('layoff_response');
    expect(suggestGroup('district', 'yellow')).toBe('area_assistance');
    expect(suggestGroup('district', 'red')).toBe('emergency');
    expect(suggestGroup('indicator', 'orange')).toBe('task_force');
    expect(suggestGroup('indicator', 'blue')).toBe('unemployed_support');
  });
});
