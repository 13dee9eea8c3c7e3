import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@waakvlam/contracts';
import { AuditEventDto } from './audit-event.dto';

export class AuditEventPageDto implements Page<AuditEventDto> {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
