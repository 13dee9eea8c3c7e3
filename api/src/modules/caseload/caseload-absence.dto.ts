import { ApiProperty } from '@nestjs/swagger';
import type { CaseloadAbsence } from '@waakvlam/contracts';

export class CaseloadAbsenceDto implements CaseloadAbsence {
  @ApiProperty({ format: 'date', description: 'First day (included)' }) startsOn!: string;
  @ApiProperty({ format: 'date', description: 'Last day (included)' }) endsOn!: string;
}
