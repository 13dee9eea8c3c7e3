import { Global, Module } from '@nestjs/common';
import { API_KEY_AUTHENTICATOR } from '../../core/auth/api-key-authenticator.interface';
import { PartnerApiKeysController } from './partner-api-keys.controller';
import { PartnerApiKeysService } from './partner-api-keys.service';

/**
 * API keys of partner organisations (owns `partner_api_keys`). Global: it provides the SessionGuard's
 * API_KEY_AUTHENTICATOR, which routes marked @AcceptsApiKey use.
 */
@Global()
@Module({
  controllers: [PartnerApiKeysController],
  providers: [PartnerApiKeysService, { provide: API_KEY_AUTHENTICATOR, useExisting: PartnerApiKeysService }],
  exports: [PartnerApiKeysService, API_KEY_AUTHENTICATOR],
})
export class PartnerKeysModule {}
