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
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Client, ClientSummary, Page } from '@waakvlam/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { AuditedCsvExport } from '../audit/audited-csv-export.service';
import { CsvExportRoute } from '../audit/csv-export-route.decorator';
import { clientExport } from './client-export.columns';
import { ClientPageDto } from './client-page.dto';
import { ClientDto } from './client.dto';
import { ClientsService, type ClientReader } from './clients.service';
import { CreateClientDto } from './create-client.dto';
import { ListClientsQuery } from './list-clients.query';
import { UpdateClientDto } from './update-client.dto';
import { AuditSubjectsFrom } from '../audit/audit-subjects.util';
import {
  AuditedCreate,
  AuditedExport,
  AuditedRead,
  AuditedSearch,
  AuditedUpdate,
} from '../audit/audit-route.decorator';

const reader = (session: SessionUser): ClientReader => ({
  scope: TenantScope.fromSession(session),
  caseworkerId: session.role === 'caseworker' ? session.userId : null,
});

@ApiTags('clients')
@Controller('clients')
@Roles('admin', 'coordinator', 'caseworker')
@ApiForbiddenResponse({ description: 'Partners have no access to clients' })
export class ClientsController {
  constructor(
    private readonly clients: ClientsService,
    private readonly exports: AuditedCsvExport,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Clients of your organisation (a caseworker: the clients they watch)' })
  @ApiOkResponse({ type: ClientPageDto })
  @AuditedSearch('clients.search', { subjects: AuditSubjectsFrom.clientRows })
  list(
    @CurrentSession() session: SessionUser,
    @Query() query: ListClientsQuery,
  ): Promise<Page<ClientSummary>> {
    return this.clients.list(reader(session), query);
  }

  @AuditedExport('clients.export')
  @CsvExportRoute('The client list, with its search')
  async export(
    @CurrentSession() session: SessionUser,
    @Query() query: ListClientsQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.exports.send(session, request, reply, clientExport(query, session));
  }

  @Post()
  @HttpCode(201)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Register a client' })
  @ApiCreatedResponse({ type: ClientDto })
  @ApiBadRequestResponse({ description: 'A field is missing or wrong; the problem names it' })
  @ApiConflictResponse({ description: 'Another client has this reference' })
  @AuditedCreate('clients.create', { subjects: AuditSubjectsFrom.client() })
  create(@CurrentSession() session: SessionUser, @Body() body: CreateClientDto): Promise<Client> {
    return this.clients.create(TenantScope.fromSession(session), session.userId, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One client' })
  @ApiOkResponse({ type: ClientDto })
  @ApiNotFoundResponse({ description: 'No such client in your organisation (or not in your caseload)' })
  @AuditedRead('clients.read', { subjects: AuditSubjectsFrom.client() })
  async get(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<Client> {
    const client = await this.clients.get(reader(session), id);
    if (!client) throw new NotFoundException();
    return client;
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Change a client; a changed consent is recorded as yours, now' })
  @ApiOkResponse({ type: ClientDto })
  @ApiBadRequestResponse({ description: 'A field is wrong; the problem names it' })
  @ApiNotFoundResponse({ description: 'No such client in your organisation' })
  @ApiConflictResponse({ description: 'Another client has this reference' })
  @AuditedUpdate('clients.update', { subjects: AuditSubjectsFrom.client() })
  async update(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateClientDto,
  ): Promise<Client> {
    const client = await this.clients.update(TenantScope.fromSession(session), session.userId, id, body);
    if (!client) throw new NotFoundException();
    return client;
  }
}
