import { Module } from '@nestjs/common';
import { UserAbsencesController } from './user-absences.controller';
import { UserAbsencesService } from './user-absences.service';

/** Staff absences (`/api/users/{id}/absences`), read by reactivation assignment. Owns the user_absences table. */
@Module({
  controllers: [UserAbsencesController],
  providers: [UserAbsencesService],
  exports: [UserAbsencesService],
})
export class UserAbsencesModule {}
