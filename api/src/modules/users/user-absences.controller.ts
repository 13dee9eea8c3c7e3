import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { UserAbsence } from '@waakvlam/contracts';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { CreateUserAbsenceDto } from './create-user-absence.dto';
import { UserAbsenceDto } from './user-absence.dto';
import { type AbsenceActor, UserAbsencesService } from './user-absences.service';
import { AuditExempt } from '../audit/audit-route.decorator';

const actorOf = (session: SessionUser): AbsenceActor => ({
  scope: TenantScope.fromSession(session),
  userId: session.userId,
  selfOnly: session.role === 'caseworker',
});

@ApiTags('users')
@AuditExempt("staff members' absences; no client data")
@Controller('users/:userId/absences')
@Roles('admin', 'coordinator', 'caseworker')
@ApiForbiddenResponse({ description: 'Partners have no access to absences' })
@ApiNotFoundResponse({
  description: 'No such staff account in your organisation (a caseworker: not your own account)',
})
export class UserAbsencesController {
  constructor(private readonly absences: UserAbsencesService) {}

  @Get()
  @ApiOperation({ summary: "A staff member's absences, latest first (a caseworker: their own)" })
  @ApiOkResponse({ type: [UserAbsenceDto] })
  async list(
    @CurrentSession() session: SessionUser,
    @Param('userId', new ParseUUIDPipe()) userId: string,
  ): Promise<UserAbsence[]> {
    const list = await this.absences.list(actorOf(session), userId);
    if (!list) throw new NotFoundException();
    return list;
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record an absence (both days included): reactivation requests skip an absent caseworker',
  })
  @ApiCreatedResponse({ type: UserAbsenceDto })
  @ApiBadRequestResponse({ description: 'A date is missing or wrong, or endsOn is before startsOn' })
  async create(
    @CurrentSession() session: SessionUser,
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Body() body: CreateUserAbsenceDto,
  ): Promise<UserAbsence> {
    const absence = await this.absences.create(actorOf(session), userId, body);
    if (!absence) throw new NotFoundException();
    return absence;
  }

  @Delete(':absenceId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an absence' })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(
    @CurrentSession() session: SessionUser,
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Param('absenceId', new ParseUUIDPipe()) absenceId: string,
  ): Promise<void> {
    if (!(await this.absences.remove(actorOf(session), userId, absenceId))) throw new NotFoundException();
  }
}
