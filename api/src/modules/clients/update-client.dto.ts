import { PartialType } from '@nestjs/swagger';
import type { UpdateClientRequest } from '@waakvlam/contracts';
import { CreateClientDto } from './create-client.dto';

/** Only the fields sent change. A consent that differs from the stored one is re-stamped with you and now. */
export class UpdateClientDto extends PartialType(CreateClientDto) implements UpdateClientRequest {}
