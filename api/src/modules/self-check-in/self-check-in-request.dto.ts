import { ApiProperty } from '@nestjs/swagger';
import {
  SELF_CHECK_IN_RESPONSES,
  type SelfCheckInRequest,
  type SelfCheckInResponse,
} from '@waakvlam/contracts';
import { IsIn } from 'class-validator';

export class SelfCheckInRequestDto implements SelfCheckInRequest {
  @ApiProperty({
    enum: SELF_CHECK_IN_RESPONSES,
    description:
      "`well`: doing well; `concern`: not doing so well; `needs_support`: I'd like to be contacted",
  })
  @IsIn(SELF_CHECK_IN_RESPONSES)
  response!: SelfCheckInResponse;
}
