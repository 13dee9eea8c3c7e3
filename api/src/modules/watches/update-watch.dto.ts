import { OmitType, PartialType } from '@nestjs/swagger';
import type { UpdateWatchRequest } from '@waakvlam/contracts';
import { CreateWatchDto } from './create-watch.dto';

/** Only the fields sent change. */
export class UpdateWatchDto
  extends PartialType(OmitType(CreateWatchDto, ['clientId', 'startDate'] as const))
  implements UpdateWatchRequest {}
