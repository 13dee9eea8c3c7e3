import { ApiProperty } from '@nestjs/swagger';

/** Seconds (wall-clock) from the request to a step, over the requests that reached it. */
export class ReactivationDurationDto {
  @ApiProperty({ type: Number, nullable: true }) median!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90!: number | null;
  @ApiProperty({ description: 'Requests of the period that reached the step' }) count!: number;
}
