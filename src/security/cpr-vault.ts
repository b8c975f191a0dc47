import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Encrypts CPR numbers at rest (AES-256-GCM) and derives the HMAC used to look them up.
 * Ciphertext layout: [key id (1 byte)][IV (12)][auth tag (16)][ciphertext]; the key id lets
 * keys rotate: new numbers use the current key, old ones still decrypt with retired keys.
 */
export interface CprKeys {
  /** Encryption keys by id (0–255), each 32 bytes. */
  encryption: Map<number, Buffer>;
  currentKeyId: number;
  /** HMAC key, 32 bytes or more. Changing it means re-indexing every citizen. */
  hmac: Buffer;
}

export class CprVault {
  constructor(private readonly keys: CprKeys) {
    if (!keys.encryption.has(keys.currentKeyId))
      throw new Error('CPR key configuration: the current key id has no key');
    for (const [id, key] of keys.encryption) {
      if (key.length !== 32) throw new Error(`CPR key configuration: key ${id} must be 32 bytes`);
    }
    if (keys.hmac.length < 32)
      throw new Error('CPR key configuration: the HMAC key must be at least 32 bytes');
  }

  encrypt(cpr: string): Buffer {
    const key = this.keys.encryption.get(this.keys.currentKeyId);
    // The constructor checked this; the guard only narrows the type.
    if (!key) throw new Error('CPR encryption: the current key id has no key');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(cpr, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([this.keys.currentKeyId]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Uint8Array): string {
    const buffer = Buffer.from(sealed);
    const keyId = buffer[0];
    if (keyId === undefined) throw new Error('CPR decryption: the sealed number is empty');
    const key = this.keys.encryption.get(keyId);
    if (!key) throw new Error('CPR decryption: the key that sealed this number is not configured');
    const decipher = createDecipheriv('aes-256-gcm', key, buffer.subarray(1, 13));
    decipher.setAuthTag(buffer.subarray(13, 29));
    return Buffer.concat([decipher.update(buffer.subarray(29)), decipher.final()]).toString('utf8');
  }

  /** The lookup key for a normalised (10-digit) CPR number. */
  hmac(cpr: string): Buffer {
    return createHmac('sha256', this.keys.hmac).update(cpr).digest();
  }
}

/** Reads keys from configuration text: "id:base64,id:base64" with the first as the current key. */
export function parseCprKeys(encryptionKeys: string, hmacKey: string): CprKeys {
  const encryption = new Map<number, Buffer>();
  let currentKeyId = -1;
  for (const part of encryptionKeys
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [id, value] = part.includes(':') ? part.split(':', 2) : ['1', part];
    const keyId = Number(id);
    if (!Number.isInteger(keyId) || keyId < 0 || keyId > 255)
      throw new Error('CPR key configuration: key ids are 0–255');
    encryption.set(keyId, Buffer.from(value ?? '', 'base64'));
    if (currentKeyId < 0) currentKeyId = keyId;
  }
  return { encryption, currentKeyId, hmac: Buffer.from(hmacKey, 'base64') };
}

export function generateKeyText(): string {
  return randomBytes(32).toString('base64');
}
