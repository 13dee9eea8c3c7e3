import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIT_EVENT_ACTIONS,
  AUDIT_OUTCOMES,
  AUDIT_SOURCES,
  type AuditEvent,
  type AuditEventAction,
  type AuditEventOutcome,
  type AuditEventSource,
  type UserRef,
} from '@waakvlam/contracts';

export class AuditEventDto implements AuditEvent {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: "The event's place in the organisation's hash chain" }) seq!: number;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ enum: AUDIT_EVENT_ACTIONS }) action!: AuditEventAction;
  @ApiProperty({ enum: AUDIT_OUTCOMES }) outcome!: AuditEventOutcome;
  @ApiPropertyOptional({
    nullable: true,
    description: '{ id, displayName }; null for the system, a key, a link',
  })
  user!: UserRef | null;
  @ApiPropertyOptional({ nullable: true }) role!: string | null;
  @ApiPropertyOptional({ nullable: true }) onBehalfOf!: UserRef | null;
  @ApiPropertyOptional({ nullable: true }) purpose!: string | null;
  @ApiProperty({ example: 'clients.read' }) resource!: string;
  @ApiProperty() clientCount!: number;
  @ApiProperty({ description: 'The first ten clients: { id, reference }' }) clients!: Array<{
    id: string;
    reference: string;
  }>;
  @ApiPropertyOptional({ nullable: true }) partnerOrganisation!: { id: string; name: string } | null;
  @ApiPropertyOptional({ nullable: true }) ip!: string | null;
  @ApiPropertyOptional({ nullable: true }) userAgent!: string | null;
  @ApiProperty({ enum: AUDIT_SOURCES }) source!: AuditEventSource;
  @ApiPropertyOptional({ nullable: true, description: 'The HTTP status of a failed action' }) status!:
    number | null;
}
