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
import type { CreatedPartnerApiKey, PartnerApiKey } from '@waakvlam/contracts';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { CreatePartnerApiKeyDto } from './create-partner-api-key.dto';
import { CreatedPartnerApiKeyDto } from './created-partner-api-key.dto';
import { PartnerApiKeyDto } from './partner-api-key.dto';
import { PartnerApiKeysService } from './partner-api-keys.service';
import { AuditExempt } from '../audit/audit-route.decorator';

@ApiTags('partner API keys')
@AuditExempt("partner systems' API keys; no client data")
@Controller('partner-organisations/:partnerId/api-keys')
@Roles('admin')
@ApiForbiddenResponse({ description: 'Only admins manage API keys' })
@ApiNotFoundResponse({ description: 'No such partner organisation (or key) in your organisation' })
export class PartnerApiKeysController {
  constructor(private readonly keys: PartnerApiKeysService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'A new API key for a partner system; the key is in this answer only, it is stored as a hash',
  })
  @ApiCreatedResponse({ type: CreatedPartnerApiKeyDto })
  @ApiBadRequestResponse({ description: 'A field is missing or wrong; the problem names it' })
  async create(
    @CurrentSession() session: SessionUser,
    @Param('partnerId', new ParseUUIDPipe()) partnerId: string,
    @Body() body: CreatePartnerApiKeyDto,
  ): Promise<CreatedPartnerApiKey> {
    const key = await this.keys.create(
      TenantScope.fromSession(session),
      session.userId,
      partnerId,
      body,
      new Date(),
    );
    if (!key) throw new NotFoundException();
    return key;
  }

  @Get()
  @ApiOperation({ summary: "The partner organisation's API keys, newest first, without their secrets" })
  @ApiOkResponse({ type: [PartnerApiKeyDto] })
  async list(
    @CurrentSession() session: SessionUser,
    @Param('partnerId', new ParseUUIDPipe()) partnerId: string,
  ): Promise<PartnerApiKey[]> {
    const keys = await this.keys.list(TenantScope.fromSession(session), partnerId);
    if (!keys) throw new NotFoundException();
    return keys;
  }

  @Delete(':keyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revokes an API key: it answers 401 from now on' })
  @ApiNoContentResponse({ description: 'Revoked (or already revoked)' })
  async revoke(
    @CurrentSession() session: SessionUser,
    @Param('partnerId', new ParseUUIDPipe()) partnerId: string,
    @Param('keyId', new ParseUUIDPipe()) keyId: string,
  ): Promise<void> {
    const found = await this.keys.revoke(TenantScope.fromSession(session), partnerId, keyId, new Date());
    if (!found) throw new NotFoundException();
  }
}
