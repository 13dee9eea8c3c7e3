import { applyDecorators, Get } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
} from '@nestjs/swagger';
import { Roles } from '../../core/auth/roles.decorator';

/**
 * `GET <controller>/<path>`: a list's audited CSV export, with the list's own query parameters; coordinators and
 * admins only. The handler takes `@Req()` and `@Res()` and hands them to AuditedCsvExport.send.
 */
export function CsvExportRoute(summary: string, path = 'export.csv'): MethodDecorator {
  return applyDecorators(
    Get(path),
    Roles('admin', 'coordinator'),
    ApiOperation({
      summary: `${summary} as CSV (semicolon-separated, UTF-8 with BOM; audited)`,
      description:
        'Takes the same filters as the list (paging is ignored: every matching row). Streams; every export is ' +
        'recorded in the audit log with its filters and the clients of its rows.',
    }),
    ApiProduces('text/csv'),
    ApiOkResponse({ description: 'The CSV file (Content-Disposition: attachment)' }),
    ApiBadRequestResponse({ description: 'A filter is wrong; the problem names it' }),
    ApiForbiddenResponse({ description: 'Only coordinators and admins export' }),
  );
}
