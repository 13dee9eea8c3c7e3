import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { UsersModule } from '../../modules/users/users.module';
import { AppConfig } from '../config/app.config';
import { RedisConnections } from '../queue/redis-connections.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CookieWriter } from './cookie-writer.service';
import { loginThrottleOptions } from './login-throttle.config';
import { PasswordHasher } from './password-hasher.service';
import { RolesGuard } from './roles.guard';
import { SessionGuard } from './session.guard';
import { SessionPurgeProcessor } from './session-purge.processor';
import { SessionService } from './session.service';

@Global()
@Module({
  imports: [
    UsersModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, RedisConnections],
      useFactory: loginThrottleOptions,
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionService,
    PasswordHasher,
    CookieWriter,
    SessionPurgeProcessor,
    // Order matters: first who you are (and CSRF), then what your role may do.
    { provide: APP_GUARD, useClass: SessionGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [SessionService, PasswordHasher],
})
export class AuthModule {}
