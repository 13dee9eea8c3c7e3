import { ApiProperty } from '@nestjs/swagger';
import type { DevMailboxMessage } from '@waakvlam/contracts';

export class DevMailboxMessageDto implements DevMailboxMessage {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty() from!: string;
  @ApiProperty({ type: [String] }) to!: string[];
  @ApiProperty() subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, nullable: true }) html!: string | null;
}
