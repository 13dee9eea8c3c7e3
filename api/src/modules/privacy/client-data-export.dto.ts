import { ApiProperty } from '@nestjs/swagger';
import type {
  ClientDataExport,
  ExportRecord,
  ExportedReactivation,
  ExportedSignal,
  ExportedWatch,
} from '@waakvlam/contracts';

const RECORD = { type: 'object', additionalProperties: true } as const;
const RECORDS = { type: 'array', items: RECORD } as const;

/** The export document; every record is a stored row column by column (camelCase), secrets left out. */
export class ClientDataExportDto implements ClientDataExport {
  @ApiProperty({ enum: ['waakvlam-client-data-export'] })
  format!: 'waakvlam-client-data-export';

  @ApiProperty({ enum: [1] })
  version!: 1;

  @ApiProperty({ format: 'date-time' })
  exportedAt!: string;

  @ApiProperty({ type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } })
  organisation!: { id: string; name: string };

  @ApiProperty({ ...RECORD, description: 'The client record' })
  client!: ExportRecord;

  @ApiProperty({ ...RECORDS, description: 'Partners the client agreed to share signal data with' })
  partnerConsents!: ExportRecord[];

  @ApiProperty({ ...RECORDS, description: 'The references under which partners know the client' })
  partnerReferences!: ExportRecord[];

  @ApiProperty({ ...RECORDS, description: 'Watches with their `events` and `checkIns` (with `tokens`)' })
  watches!: ExportedWatch[];

  @ApiProperty({ ...RECORDS, description: 'Reactivation requests with their `reasons`' })
  reactivations!: ExportedReactivation[];

  @ApiProperty({ ...RECORDS, description: 'Signals as `partnerFacing`, `internal` and `feedback`' })
  signals!: ExportedSignal[];

  @ApiProperty({ ...RECORDS, description: 'E-mails to the client and staff e-mails about the client' })
  notifications!: ExportRecord[];

  @ApiProperty({ ...RECORDS, description: 'Reminders and deadlines still planned' })
  plannedTimers!: ExportRecord[];

  @ApiProperty({
    ...RECORDS,
    description: "Who read, changed or exported the client's data (this export too)",
  })
  auditTrail!: ExportRecord[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object', properties: { field: { type: 'string' }, reason: { type: 'string' } } },
    description: 'Stored fields left out, and why',
  })
  omitted!: Array<{ field: string; reason: string }>;
}
