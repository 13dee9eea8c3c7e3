import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Page } from '@waakvlam/contracts';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { RequestWithSession, SessionUser } from '../../core/auth/session-user.interface';
import { originOf } from '../../core/auth/sign-in-audit.service';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { ListUsersQuery } from './list-users.query';
import { UpdateUserDto } from './update-user.dto';
import { UserActivationService } from './user-activation.service';
import { UserPageDto } from './user-page.dto';
import { UserSummaryDto } from './user-summary.dto';
import { UsersService } from './users.service';
import { AuditExempt } from '../audit/audit-route.decorator';

@ApiTags('users')
@AuditExempt('staff and partner accounts; no client data')
@Controller('users')
@Roles('admin', 'coordinator')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly activation: UserActivationService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Staff and partner accounts of your organisation' })
  @ApiOkResponse({ type: UserPageDto })
  list(
    @CurrentSession() session: SessionUser,
    @Query() query: ListUsersQuery,
  ): Promise<Page<UserSummaryDto>> {
    return this.users.list(TenantScope.fromSession(session), query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account of your organisation' })
  @ApiOkResponse({ type: UserSummaryDto })
  @ApiNotFoundResponse({ description: 'No such account in your organisation' })
  async get(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
  ): Promise<UserSummaryDto> {
    const user = await this.users.get(TenantScope.fromSession(session), id);
    if (!user) throw new NotFoundException();
    return user;
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a staff account of your organisation: its reactivation capacity',
    description:
      'reactivationCapacity: at most this many open reactivation requests assigned at once; new requests pass ' +
      'over a caseworker at capacity (to the backup, else the pool). Requests already assigned stay.',
  })
  @ApiOkResponse({ type: UserSummaryDto })
  @ApiBadRequestResponse({ description: 'Not a whole number from 0 to 500 or null, or a partner account' })
  @ApiForbiddenResponse({ description: 'Only coordinators and admins' })
  @ApiNotFoundResponse({ description: 'No such account in your organisation' })
  async update(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserSummaryDto> {
    const user = await this.users.update(TenantScope.fromSession(session), id, body);
    if (!user) throw new NotFoundException();
    return user;
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Deactivate an account of your organisation (admins): it can no longer sign in',
    description: 'Every session and pending sign-in of the account ends at once.',
  })
  @ApiOkResponse({ type: UserSummaryDto })
  @ApiConflictResponse({ description: 'Your own account' })
  @ApiNotFoundResponse({ description: 'No such account in your organisation' })
  deactivate(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: RequestWithSession,
  ): Promise<UserSummaryDto> {
    return this.setActive(session, id, false, request);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Activate a deactivated account of your organisation again (admins)' })
  @ApiOkResponse({ type: UserSummaryDto })
  @ApiNotFoundResponse({ description: 'No such account in your organisation' })
  activate(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: RequestWithSession,
  ): Promise<UserSummaryDto> {
    return this.setActive(session, id, true, request);
  }

  private async setActive(
    session: SessionUser,
    id: string,
    active: boolean,
    request: RequestWithSession,
  ): Promise<UserSummaryDto> {
    const user = await this.activation.setActive(
      TenantScope.fromSession(session),
      session,
      id,
      active,
      originOf(request),
    );
    if (!user) throw new NotFoundException();
    return user;
  }
}
