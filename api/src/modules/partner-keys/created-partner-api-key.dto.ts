import { ApiProperty } from '@nestjs/swagger';
import type { CreatedPartnerApiKey } from '@waakvlam/contracts';
import { PartnerApiKeyDto } from './partner-api-key.dto';

export class CreatedPartnerApiKeyDto extends PartnerApiKeyDto implements CreatedPartnerApiKey {
  @ApiProperty({
    description:
      'The key, shown this once: the partner system sends it as `X-Api-Key: <key>` or `Authorization: Bearer <key>`.',
  })
  key!: string;
}
