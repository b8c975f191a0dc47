import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CprVault, parseCprKeys } from './cpr-vault.js';

describe('CprVault', () => {
  const key1 = randomBytes(32).toString('base64');
  const key2 = randomBytes(32).toString('base64');
  const hmac = randomBytes(32).toString('base64');

  it('round-trips and never stores the number in clear', () => {
    const vault = new CprVault(parseCprKeys(`1:${key1}`, hmac));
    const sealed = vault.encrypt('6101901234');
    expect(sealed.toString('latin1')).not.toContain('6101901234');
    expect(vault.decrypt(sealed)).toBe('6101901234');
    expect(vault.encrypt('6101901234').equals(sealed)).toBe(false);
  });

  it('looks up by a stable HMAC', () => {
    const vault = new CprVault(parseCprKeys(`1:${key1}`, hmac));
    expect(vault.hmac('6101901234').equals(vault.hmac('6101901234'))).toBe(true);
    expect(vault.hmac('6101901234').equals(vault.hmac('6101901235'))).toBe(false);
  });

  it('rotates keys: new numbers use the current key, old ones still open', () => {
    const old = new CprVault(parseCprKeys(`1:${key1}`, hmac));
    const sealedWithOld = old.encrypt('6101901234');
    const rotated = new CprVault(parseCprKeys(`2:${key2},1:${key1}`, hmac));
    expect(rotated.decrypt(sealedWithOld)).toBe('6101901234');
    expect(rotated.encrypt('6101901234')[0]).toBe(2);
    const retiredOnly = new CprVault(parseCprKeys(`2:${key2}`, hmac));
    expect(() => retiredOnly.decrypt(sealedWithOld)).toThrow(/not configured/);
  });

  it('detects a tampered ciphertext', () => {
    const vault = new CprVault(parseCprKeys(`1:${key1}`, hmac));
    const sealed = vault.encrypt('6101901234');
    const last = sealed.length - 1;
    sealed.writeUInt8(sealed.readUInt8(last) ^ 1, last);
    expect(() => vault.decrypt(sealed)).toThrow();
  });

  it('refuses keys of the wrong size', () => {
    expect(() => new CprVault(parseCprKeys('1:c2hvcnQ=', hmac))).toThrow(/32 bytes/);
  });
});
