import { ApiProperty } from '@nestjs/swagger';
import { WATCH_EVENT_TYPES, type WatchEvent, type WatchEventType } from '@waakvlam/contracts';
import { UserRefDto } from '../clients/user-ref.dto';

export class WatchEventDto implements WatchEvent {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) watchId!: string;
  @ApiProperty({ enum: WATCH_EVENT_TYPES }) type!: WatchEventType;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: UserRefDto, nullable: true }) actor!: UserRefDto | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}
