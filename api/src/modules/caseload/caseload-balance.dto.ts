import { ApiProperty } from '@nestjs/swagger';
import type { CaseloadBalance } from '@waakvlam/contracts';
import { CaseloadRowDto } from './caseload-row.dto';

export class CaseloadBalanceDto implements CaseloadBalance {
  @ApiProperty({ format: 'date', description: "The organisation's today" }) today!: string;
  @ApiProperty({ format: 'date', description: 'Monday of this week' }) weekStartsOn!: string;
  @ApiProperty({ format: 'date', description: 'Sunday of this week' }) weekEndsOn!: string;
  @ApiProperty({ type: [CaseloadRowDto], description: 'Every active caseworker, by name' })
  caseworkers!: CaseloadRowDto[];
}
