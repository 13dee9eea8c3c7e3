import { ApiProperty } from '@nestjs/swagger';
import type { UserRef } from '@waakvlam/contracts';

export class UserRefDto implements UserRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}
