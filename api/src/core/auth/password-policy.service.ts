import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@waakvlam/contracts';
import { fieldProblem } from '../../modules/clients/field-problem.util';

/** The deny list shipped beside this file (see common-passwords.generator.mjs for where it comes from). */
const LIST_FILE = join(__dirname, 'common-passwords.txt');

function readList(file: string): ReadonlySet<string> {
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
}

/**
 * The rules for every password that is set (NIST SP 800-63B): 12 to 128 characters, not on the list of common
 * passwords (compared in lower case), not one character repeated, and not the account's e-mail address. No rules
 * about character classes: length and the deny list do more.
 */
@Injectable()
export class PasswordPolicy {
  private readonly common: ReadonlySet<string>;

  constructor() {
    this.common = readList(LIST_FILE);
  }

  /** What is wrong with the password, as a field message; null when it may be used. */
  problem(password: string, context: { email?: string } = {}): string | null {
    const length = [...password].length;
    if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
    if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
    const lower = password.toLowerCase();
    if (this.common.has(lower) || /^(.)\1*$/su.test(lower)) {
      return 'is too common or too easy to guess: choose another';
    }
    const email = context.email?.trim().toLowerCase();
    if (email && (lower.includes(email) || lower === email.split('@')[0])) {
      return 'must not be your e-mail address';
    }
    return null;
  }

  /** A 400 problem naming `field` when the password may not be used. */
  assert(field: string, password: string, context: { email?: string } = {}): void {
    const message = this.problem(password, context);
    if (message) throw fieldProblem(field, message);
  }

  /** How many passwords the deny list holds (for the start-up log and the tests). */
  get listSize(): number {
    return this.common.size;
  }
}
