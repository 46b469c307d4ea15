import { describe, expect, it } from 'vitest';
import { closeBlocker, completion, followingStatus } from '../src/modules/nonconformities/rules.js';

const done = (at: string) => ({ status: 'done', completed_at: at });
const planned = { status: 'planned', completed_at: null };
const check = (result: string | null, at: string | null = null) => ({
  result,
  checked_at: at,
  planned_for: '2026-05-01',
});

describe('nonconformity status rules', () => {
  it('stays open until it has a root cause and a live action', () => {
    expect(followingStatus('open', '', [planned], [])).toBe('open');
    expect(followingStatus('open', 'cause', [{ status: 'cancelled', completed_at: null }], [])).toBe('open');
    expect(followingStatus('open', 'cause', [planned], [])).toBe('action_planned');
  });

  it('verifies once every live action is finished, one at least done', () => {
    const actions = [done('2026-04-01T00:00:00Z'), { status: 'cancelled', completed_at: null }];
    expect(followingStatus('action_planned', 'cause', actions, [])).toBe('verifying');
    expect(followingStatus('action_planned', 'cause', [...actions, planned], [])).toBe('action_planned');
  });

  it('goes back to action planned after a not-effective check until a later action is done', () => {
    const failed = [check('not_effective', '2026-04-10T00:00:00Z')];
    expect(followingStatus('verifying', 'cause', [done('2026-04-01T00:00:00Z')], failed)).toBe(
      'action_planned',
    );
    const again = [done('2026-04-01T00:00:00Z'), done('2026-04-20T00:00:00Z')];
    expect(followingStatus('action_planned', 'cause', again, failed)).toBe('verifying');
  });

  it('never moves a closed or cancelled nonconformity', () => {
    expect(followingStatus('closed', '', [], [])).toBe('closed');
    expect(followingStatus('cancelled', 'cause', [planned], [])).toBe('cancelled');
  });

  it('closes only when verifying and the latest check was effective', () => {
    expect(closeBlocker('verifying', [])).toMatch(/Plan and record/);
    expect(closeBlocker('verifying', [check('effective', 'x'), check(null)])).toMatch(
      /Record the effectiveness check/,
    );
    expect(closeBlocker('verifying', [check('not_effective', 'x')])).toMatch(/did not find/);
    expect(closeBlocker('action_planned', [check('effective', 'x')])).toMatch(
      /Finish its corrective actions/,
    );
    expect(closeBlocker('verifying', [check('not_effective', 'x'), check('effective', 'y')])).toBeNull();
  });

  it('completes an action at 100% with notes, and reopens it without a completion time', () => {
    expect(completion({ status: 'done', progress: 40, completionNotes: 'Did it.' }, null, 'now')).toEqual({
      progress: 100,
      completed_at: 'now',
    });
    expect(() => completion({ status: 'done', progress: 100, completionNotes: ' ' }, null, 'now')).toThrow(
      /completionNotes/,
    );
    expect(completion({ status: 'in_progress', progress: 60, completionNotes: '' }, 'then', 'now')).toEqual({
      progress: 60,
      completed_at: null,
    });
  });
});
