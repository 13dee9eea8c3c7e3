import { ApiProperty } from '@nestjs/swagger';
import type { AssignReactivationRequest } from '@waakvlam/contracts';
import { IsUUID } from 'class-validator';

export class AssignReactivationDto implements AssignReactivationRequest {
  @ApiProperty({ format: 'uuid', description: 'An active caseworker or coordinator of your organisation' })
  @IsUUID()
  assigneeId!: string;
}
