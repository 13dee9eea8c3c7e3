import { ApiProperty } from '@nestjs/swagger';
import type { SignInProviders } from '@waakvlam/contracts';

class OidcProviderDto {
  @ApiProperty({ example: 'Gemeente Voorbeeld' }) name!: string;
  @ApiProperty({ example: '/api/auth/oidc/start' }) startUrl!: string;
}

export class SignInProvidersDto implements SignInProviders {
  @ApiProperty({ type: OidcProviderDto, nullable: true, description: 'Null when OIDC sign-in is off' })
  oidc!: OidcProviderDto | null;
}
