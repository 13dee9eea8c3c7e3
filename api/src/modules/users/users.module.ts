import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UserActivationService } from './user-activation.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Accounts. Sessions and pending sign-ins (ended on deactivation) come from the global AuthModule. */
@Module({
  imports: [AuditModule],
  controllers: [UsersController],
  providers: [UsersService, UserActivationService],
  exports: [UsersService],
})
export class UsersModule {}
