import { ApiProperty } from '@nestjs/swagger';
import { OpenWatchRefDto } from '../clients/open-watch-ref.dto';

export class SignalClientRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: "The organisation's own reference" }) reference!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    type: OpenWatchRefDto,
    nullable: true,
    description: "The client's watch that has not ended, to link at triage; null when none",
  })
  openWatch!: OpenWatchRefDto | null;
}
