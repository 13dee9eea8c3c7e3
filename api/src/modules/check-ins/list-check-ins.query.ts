import { ApiPropertyOptional } from '@nestjs/swagger';
import { CASEWORKER_VIEWS, type CaseworkerView } from '@waakvlam/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

/** Exactly one of `view` (the signed-in caseworker's planned check-ins) or `watchId` (a watch's history). */
export class ListCheckInsQuery {
  @ApiPropertyOptional({
    enum: CASEWORKER_VIEWS,
    description:
      "Your planned check-ins in urgency order. today: overdue and due today; overdue: due before today; week: up to 6 days ahead; caseload: all. Dates in your organisation's time zone.",
  })
  @IsOptional()
  @IsIn(CASEWORKER_VIEWS)
  view?: CaseworkerView;

  @ApiPropertyOptional({ format: 'uuid', description: 'Every check-in of this watch, newest first' })
  @IsOptional()
  @IsUUID()
  watchId?: string;
}
