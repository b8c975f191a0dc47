import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

// Keys given, so loadConfig never writes demo keys to disk.
const KEYS = {
  SAMSPIL_CPR_KEYS: '1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  SAMSPIL_CPR_HMAC_KEY: 'a'.repeat(44),
};

describe('numbers from the environment', () => {
  it('takes the defaults when unset and whole numbers when set', () => {
    expect(loadConfig(KEYS)).toMatchObject({ port: 3000, sessionHours: 12, auditAnchorMinutes: 15 });
    expect(loadConfig({ ...KEYS, PORT: '8080', SAMSPIL_AUDIT_ANCHOR_MINUTES: '0' })).toMatchObject({
      port: 8080,
      auditAnchorMinutes: 0,
    });
  });

  it('stops the start naming the variable, rather than running with NaN or out of range', () => {
    expect(() => loadConfig({ ...KEYS, SAMSPIL_SESSION_HOURS: '12h' })).toThrow(
      'SAMSPIL_SESSION_HOURS must be a whole number from 1 to 336, not "12h"',
    );
    expect(() => loadConfig({ ...KEYS, PORT: '' })).toThrow('PORT must be a whole number');
    expect(() => loadConfig({ ...KEYS, PORT: '70000' })).toThrow(
      'PORT must be a whole number from 0 to 65535',
    );
    expect(() => loadConfig({ ...KEYS, SAMSPIL_SESSION_IDLE_MINUTES: '0' })).toThrow(
      'SAMSPIL_SESSION_IDLE_MINUTES must be a whole number from 1',
    );
    expect(() => loadConfig({ ...KEYS, SAMSPIL_BREAK_GLASS_HOURS: '1.5' })).toThrow(
      'SAMSPIL_BREAK_GLASS_HOURS',
    );
    expect(() => loadConfig({ ...KEYS, SAMSPIL_STEP_UP_MINUTES: '0' })).toThrow(
      'SAMSPIL_STEP_UP_MINUTES must be a number above 0',
    );
  });

  it('takes a fraction of a minute for the step-up window (the browser test waits 3 seconds)', () => {
    expect(loadConfig({ ...KEYS, SAMSPIL_STEP_UP_MINUTES: '0.05' }).stepUpMinutes).toBe(0.05);
  });
});
