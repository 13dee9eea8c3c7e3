import { ApiProperty } from '@nestjs/swagger';
import { CHECK_IN_TIMELINESS, type CheckInOverviewItem, type CheckInTimeliness } from '@waakvlam/contracts';
import { CheckInDto } from './check-in.dto';

export class CheckInOverviewItemDto extends CheckInDto implements CheckInOverviewItem {
  @ApiProperty({ enum: CHECK_IN_TIMELINESS, description: 'How the check-in turned out (organisation days)' })
  timeliness!: CheckInTimeliness;
}
