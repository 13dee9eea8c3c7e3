import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app.config';

/** What a derived key is for; each purpose gets its own key from AUTH_ENCRYPTION_KEY (HKDF-SHA-256). */
export type AuthKeyPurpose = 'totp-secret' | 'oidc-state' | 'account-key' | 'recovery-code';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The sign-in's secrets: AES-256-GCM for what must be read back (TOTP secrets, the OIDC state cookie) and HMAC-SHA-256
 * for what is only compared (the e-mail address of a failure counter, recovery codes). One configured key; a separate
 * derived key per purpose, so a value made for one purpose is useless for another.
 */
@Injectable()
export class AuthCrypto {
  private readonly keys = new Map<AuthKeyPurpose, Buffer>();

  constructor(private readonly config: AppConfig) {}

  /** IV, ciphertext and tag in one buffer. `context` is bound to it: decrypting with another context fails. */
  encrypt(purpose: AuthKeyPurpose, plaintext: Buffer, context: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(purpose), iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]);
  }

  /** Null when the value was changed, made with another key or for another context. */
  decrypt(purpose: AuthKeyPurpose, sealed: Buffer, context: string): Buffer | null {
    if (sealed.length < IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key(purpose), sealed.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      return null;
    }
  }

  /** A keyed hash: without the key, a stored value cannot be tested against guesses. */
  keyedHash(purpose: AuthKeyPurpose, value: string): Buffer {
    return createHmac('sha256', this.key(purpose)).update(value, 'utf8').digest();
  }

  private key(purpose: AuthKeyPurpose): Buffer {
    let key = this.keys.get(purpose);
    if (!key) {
      key = Buffer.from(
        hkdfSync('sha256', this.config.authEncryptionKey, Buffer.alloc(0), `waakvlam ${purpose}`, 32),
      );
      this.keys.set(purpose, key);
    }
    return key;
  }
}
