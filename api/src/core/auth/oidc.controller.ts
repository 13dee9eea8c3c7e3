import { Controller, Get, Logger, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OIDC_ERROR_QUERY, SIGN_IN_PATHS, type SignInProviders } from '@waakvlam/contracts';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app.config';
import { TenantContext } from '../database/tenant-context.store';
import { OidcRefusal } from './oidc-refusal.error';
import { OidcSignIn, OIDC_STATE_MS } from './oidc-sign-in.service';
import { Public } from './public.decorator';
import { SessionHandover } from './session-handover.service';
import type { RequestWithSession } from './session-user.interface';
import { originOf } from './sign-in-audit.service';
import { SignInProvidersDto } from './sign-in-providers.dto';

/** HttpOnly cookie with the encrypted state, nonce and PKCE verifier of one OIDC sign-in of this browser. */
const OIDC_STATE_COOKIE = 'waakvlam_oidc';
const OIDC_COOKIE_PATH = '/api/auth/oidc';

@ApiTags('auth')
@Controller('auth')
export class OidcController {
  private readonly logger = new Logger('OidcSignIn');

  constructor(
    private readonly oidc: OidcSignIn,
    private readonly handover: SessionHandover,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('providers')
  @ApiOperation({ summary: 'Other ways to sign in than a password (the console shows "Inloggen met …")' })
  @ApiOkResponse({ type: SignInProvidersDto })
  providers(): SignInProviders {
    const settings = this.oidc.settings;
    return { oidc: settings ? { name: settings.providerName, startUrl: SIGN_IN_PATHS.oidcStart } : null };
  }

  @Public()
  @Get('oidc/start')
  @ApiOperation({
    summary: 'Starts sign-in with the OpenID Connect provider: a redirect to it (authorisation code, PKCE)',
  })
  @ApiFoundResponse({ description: 'To the provider' })
  async start(@Res() reply: FastifyReply): Promise<void> {
    const settings = this.oidc.settings;
    if (!settings) throw new NotFoundException();
    const { url, cookie } = await this.oidc.start(settings);
    // Lax, not Strict: the provider's redirect back is a cross-site navigation that must carry it.
    reply.setCookie(OIDC_STATE_COOKIE, cookie, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: OIDC_COOKIE_PATH,
      maxAge: Math.floor(OIDC_STATE_MS / 1000),
    });
    await reply.redirect(url, 302);
  }

  @Public()
  @Get('oidc/callback')
  @ApiOperation({ summary: "The provider's redirect back: signs in and sends the browser to the console" })
  @ApiFoundResponse({
    description: `To the console, or to its sign-in page with ?${OIDC_ERROR_QUERY}=refused`,
  })
  async callback(@Req() request: RequestWithSession, @Res() reply: FastifyReply): Promise<void> {
    const settings = this.oidc.settings;
    if (!settings) throw new NotFoundException();
    const cookie = request.cookies[OIDC_STATE_COOKIE];
    reply.clearCookie(OIDC_STATE_COOKIE, { path: OIDC_COOKIE_PATH, httpOnly: true, sameSite: 'lax' });
    // The provider redirected to the configured URL; its query (code, state, iss) is what matters.
    const callbackUrl = new URL(settings.redirectUrl);
    callbackUrl.search = new URL(request.url, 'http://callback.invalid').search;
    try {
      const started = await TenantContext.forOrganisation(settings.organisationId, () =>
        this.oidc.complete(settings, callbackUrl, cookie, originOf(request)),
      );
      await this.handover.handOver(request, reply, started);
      await reply.redirect(`${this.config.publicUrl}/`, 302);
    } catch (error) {
      // The reason goes to the log (no personal data); the browser only learns that it was refused.
      if (error instanceof OidcRefusal) this.logger.warn({ oidcRefused: error.reason });
      else this.logger.error({ err: error }, 'OIDC sign-in failed');
      await reply.redirect(`${this.config.publicUrl}/inloggen?${OIDC_ERROR_QUERY}=refused`, 302);
    }
  }
}
