import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CaseloadBalanceService } from './caseload-balance.service';
import { CaseloadController } from './caseload.controller';

/** The caseload balance (`/api/caseload-balance`): reads watches, check-ins, reactivations and absences. */
@Module({
  imports: [OrganisationsModule],
  controllers: [CaseloadController],
  providers: [CaseloadBalanceService],
})
export class CaseloadModule {}
