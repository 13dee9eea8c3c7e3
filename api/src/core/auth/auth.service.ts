import { Injectable } from '@nestjs/common';
import { PROBLEM_TYPES } from '@waakvlam/contracts';
import { UsersService } from '../../modules/users/users.service';
import { ProblemException } from '../http/problem.exception';
import { PasswordHasher } from './password-hasher.service';
import { SessionService } from './session.service';
import type { SessionUser } from './session-user.interface';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionService,
  ) {}

  /**
   * Verifies the credentials and starts a session. A wrong e-mail, a wrong password and an inactive account
   * all get the same 401 after the same work, so the answer reveals nothing about which accounts exist.
   */
  async login(email: string, password: string): Promise<{ token: string; session: SessionUser }> {
    const account = await this.users.findCredentialsByEmail(email);
    const valid = await this.passwords.verify(account?.active ? account.passwordHash : null, password);
    if (!account || !valid) {
      throw new ProblemException(PROBLEM_TYPES.invalidCredentials, 401, 'Sign-in failed', {
        detail: 'The e-mail address or password is not correct.',
      });
    }
    const { token } = await this.sessions.create(account.id);
    const session = await this.sessions.resolve(token);
    if (!session) throw new Error('A session that was just created could not be read');
    return { token, session };
  }
}
