import { ApiProperty } from '@nestjs/swagger';
import type { DevMailboxMessage, DevMailboxStatus } from '@waakvlam/contracts';

export class DevMailboxMessageDto implements DevMailboxMessage {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty() from!: string;
  @ApiProperty({ type: [String] }) to!: string[];
  @ApiProperty() subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, nullable: true }) html!: string | null;
}

export class DevMailboxStatusDto implements DevMailboxStatus {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: [DevMailboxMessageDto] }) messages!: DevMailboxMessageDto[];
}
