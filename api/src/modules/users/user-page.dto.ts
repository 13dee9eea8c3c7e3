import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@waakvlam/contracts';
import { UserSummaryDto } from './user-summary.dto';

export class UserPageDto implements Page<UserSummaryDto> {
  @ApiProperty({ type: [UserSummaryDto] }) items!: UserSummaryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
