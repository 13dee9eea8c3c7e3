import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '../../modules/audit/audit.module';
import { UsersModule } from '../../modules/users/users.module';
import { AppConfig } from '../config/app.config';
import { RedisConnections } from '../queue/redis-connections.service';
import { AuthCrypto } from './auth-crypto.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CookieWriter } from './cookie-writer.service';
import { loginThrottleOptions } from './login-throttle.config';
import { OidcController } from './oidc.controller';
import { OidcSignIn } from './oidc-sign-in.service';
import { PasswordChangeService } from './password-change.service';
import { PasswordController } from './password.controller';
import { PasswordHasher } from './password-hasher.service';
import { PasswordPolicy } from './password-policy.service';
import { PendingSignIns } from './pending-sign-in.service';
import { RolesGuard } from './roles.guard';
import { SessionGuard } from './session.guard';
import { SessionHandover } from './session-handover.service';
import { SessionPurgeProcessor } from './session-purge.processor';
import { SessionService } from './session.service';
import { SignInAudit } from './sign-in-audit.service';
import { SignInThrottle } from './sign-in-throttle.service';
import { TwoFactorController } from './two-factor.controller';
import { TwoFactorService } from './two-factor.service';

@Global()
@Module({
  imports: [
    UsersModule,
    AuditModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, RedisConnections],
      useFactory: loginThrottleOptions,
    }),
  ],
  controllers: [AuthController, TwoFactorController, PasswordController, OidcController],
  providers: [
    AuthService,
    AuthCrypto,
    SessionService,
    SessionHandover,
    PasswordHasher,
    PasswordPolicy,
    PasswordChangeService,
    PendingSignIns,
    SignInAudit,
    SignInThrottle,
    TwoFactorService,
    OidcSignIn,
    CookieWriter,
    SessionPurgeProcessor,
    // Order matters: first who you are (and CSRF), then what your role may do.
    { provide: APP_GUARD, useClass: SessionGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [SessionService, PasswordHasher, PasswordPolicy, PendingSignIns],
})
export class AuthModule {}
