import { ApiProperty } from '@nestjs/swagger';
import type { ReassignChange } from '@waakvlam/contracts';
import { UserRefDto } from '../clients/user-ref.dto';

export class ReassignChangeDto implements ReassignChange {
  @ApiProperty({ format: 'uuid' }) watchId!: string;
  @ApiProperty() clientReference!: string;
  @ApiProperty({ type: UserRefDto, nullable: true, description: 'Null when the watch had no backup' })
  from!: UserRefDto | null;
  @ApiProperty({ type: UserRefDto }) to!: UserRefDto;
}
