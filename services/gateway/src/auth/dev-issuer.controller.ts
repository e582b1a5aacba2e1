import { Body, Controller, Get, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { demoOrganisationOf } from '@polku/demo';
import { IsString, Length } from 'class-validator';
import { GatewayConfig } from '@polku/config';
import { DevIssuer } from './dev-issuer';
import { PublicEndpoint } from '../http/endpoint-kinds';

export class DemoTokenRequest {
  /** One of the demo users listed by GET /api/v1/dev-auth/users. */
  @IsString()
  @Length(1, 100)
  username!: string;
}

/**
 * The demo issuer's endpoints: who can log in, and a token for them. Registered only when the
 * demo issuer is on (see AuthModule); left out of the OpenAPI document, which describes the API
 * as it runs in production.
 */
@ApiExcludeController()
@Controller('dev-auth')
export class DevIssuerController {
  constructor(
    private readonly issuer: DevIssuer,
    private readonly config: GatewayConfig,
  ) {}

  @Get('users')
  @PublicEndpoint({ summary: 'The demo users one can log in as' })
  users() {
    return this.issuer.users().map((user) => {
      const organisation = demoOrganisationOf(user);
      return {
        username: user.username,
        displayName: user.displayName,
        roles: user.roles,
        organisation: { id: organisation.id, name: organisation.name, role: organisation.role },
      };
    });
  }

  @Get('jwks.json')
  @PublicEndpoint({ summary: 'The demo issuer’s public keys' })
  jwks() {
    return this.issuer.jwks;
  }

  @Post('token')
  @HttpCode(200)
  @PublicEndpoint({ summary: 'A token for a demo user' })
  async token(@Body() request: DemoTokenRequest) {
    try {
      const { token, expiresIn } = await this.issuer.issue(
        request.username,
        this.config.AUTH_AUDIENCE,
      );
      return { access_token: token, token_type: 'Bearer', expires_in: expiresIn };
    } catch {
      throw new NotFoundException(`no demo user ${request.username}`);
    }
  }
}
