import { describe, expect, it } from 'vitest';
import { visibleChangeAt } from './workspace.responses.js';

describe('visibleChangeAt', () => {
  it('is the change time when the viewer may see one', () => {
    expect(visibleChangeAt('2026-11-30T09:15:00.000Z')?.toISOString()).toBe('2026-11-30T09:15:00.000Z');
  });

  it('is null for the epoch, which the server sends when every change is hidden from the viewer', () => {
    expect(visibleChangeAt(new Date(0).toISOString())).toBeNull();
  });
});
