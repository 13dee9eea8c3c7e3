import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  SIGN_IN_PATHS,
  type ChangePasswordRequest,
  type Me,
  type SignInProviders,
  type TwoFactorConfirmed,
  type TwoFactorEnrolment,
  type TwoFactorPolicy,
  type TwoFactorStatus,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** The sign-in hardening API: second step, two-factor set-up, recovery codes, the organisation's rule, password. */
@Injectable({ providedIn: 'root' })
export class TwoFactorApiService {
  private readonly http = inject(HttpClient);

  providers(): Promise<SignInProviders> {
    return firstValueFrom(this.http.get<SignInProviders>(SIGN_IN_PATHS.providers));
  }

  /** The second sign-in step: a code from the app or a recovery code. */
  verify(code: string): Promise<Me> {
    return firstValueFrom(this.http.post<Me>(SIGN_IN_PATHS.verifyTwoFactor, { code }));
  }

  status(): Promise<TwoFactorStatus> {
    return firstValueFrom(this.http.get<TwoFactorStatus>(SIGN_IN_PATHS.twoFactor));
  }

  startEnrolment(): Promise<TwoFactorEnrolment> {
    return firstValueFrom(this.http.post<TwoFactorEnrolment>(SIGN_IN_PATHS.enrolment, null));
  }

  confirmEnrolment(code: string): Promise<TwoFactorConfirmed> {
    return firstValueFrom(this.http.post<TwoFactorConfirmed>(SIGN_IN_PATHS.confirmEnrolment, { code }));
  }

  newRecoveryCodes(code: string): Promise<TwoFactorConfirmed> {
    return firstValueFrom(this.http.post<TwoFactorConfirmed>(SIGN_IN_PATHS.recoveryCodes, { code }));
  }

  disable(code: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(SIGN_IN_PATHS.disableTwoFactor, { code }));
  }

  policy(): Promise<TwoFactorPolicy> {
    return firstValueFrom(this.http.get<TwoFactorPolicy>(SIGN_IN_PATHS.twoFactorPolicy));
  }

  setPolicy(required: boolean): Promise<TwoFactorPolicy> {
    return firstValueFrom(this.http.put<TwoFactorPolicy>(SIGN_IN_PATHS.twoFactorPolicy, { required }));
  }

  changePassword(request: ChangePasswordRequest): Promise<Me> {
    return firstValueFrom(this.http.post<Me>(SIGN_IN_PATHS.password, request));
  }
}
