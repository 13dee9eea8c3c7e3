import {
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PROBLEM_TYPES, type NotificationSummary, type Page } from '@waakvlam/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { ProblemException } from '../../core/http/problem.exception';
import { AuditedCsvExport } from '../audit/audited-csv-export.service';
import { CsvExportRoute } from '../audit/csv-export-route.decorator';
import { ListNotificationsQuery } from './list-notifications.query';
import { notificationExport } from './notification-export.columns';
import { NotificationPageDto } from './notification-page.dto';
import { NotificationSummaryDto } from './notification-summary.dto';
import { NotificationsService } from './notifications.service';
import { AuditedExport, AuditedSearch, AuditedUpdate } from '../audit/audit-route.decorator';

@ApiTags('notifications')
@Controller('notifications')
@Roles('admin', 'coordinator')
@ApiForbiddenResponse({ description: 'Only coordinators and admins see the outbox' })
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly exports: AuditedCsvExport,
  ) {}

  @Get()
  @ApiOperation({ summary: "The organisation's outgoing e-mail, newest first, optionally by status" })
  @ApiOkResponse({ type: NotificationPageDto })
  @AuditedSearch('notifications.search', { purpose: 'coordination' })
  list(
    @CurrentSession() session: SessionUser,
    @Query() query: ListNotificationsQuery,
  ): Promise<Page<NotificationSummary>> {
    return this.notifications.list(TenantScope.fromSession(session), query);
  }

  @AuditedExport('notifications.export')
  @CsvExportRoute('The outbox, optionally by status')
  async export(
    @CurrentSession() session: SessionUser,
    @Query() query: ListNotificationsQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.exports.send(session, request, reply, notificationExport(query, session));
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sends a dead notification again, with a fresh set of attempts' })
  @ApiOkResponse({ type: NotificationSummaryDto })
  @ApiNotFoundResponse({ description: 'No such notification in your organisation' })
  @ApiConflictResponse({ description: 'The notification is not dead' })
  @AuditedUpdate('notifications.retry', { purpose: 'coordination' })
  async retry(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<NotificationSummary> {
    const result = await this.notifications.retry(TenantScope.fromSession(session), id);
    if (result === null) throw new NotFoundException();
    if (result === 'not-dead') {
      throw new ProblemException(PROBLEM_TYPES.conflict, 409, 'Conflict', {
        detail: 'Only a dead notification can be retried',
      });
    }
    return result;
  }
}
