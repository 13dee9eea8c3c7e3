import { ApiProperty } from '@nestjs/swagger';
import type { DevMailboxStatus } from '@waakvlam/contracts';
import { DevMailboxMessageDto } from './dev-mailbox-message.dto';

export class DevMailboxStatusDto implements DevMailboxStatus {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: [DevMailboxMessageDto] }) messages!: DevMailboxMessageDto[];
}
