import { Controller, Get, Module, Post } from '@nestjs/common';
import { AppModule } from '../../app.module';
import { AppConfig } from '../../core/config/app.config';
import { AuditExempt, AuditedRead } from './audit-route.decorator';
import { controllersOf, unauditedRoutes } from './audit-route-coverage.util';

describe('audit declarations on routes', () => {
  it('every route of the application declares an audit or an exemption', () => {
    const config = AppConfig.fromEnv({ NODE_ENV: 'test', WAAKVLAM_ROLES: 'api,worker' });
    const controllers = controllersOf(AppModule.forConfig(config));
    expect(controllers.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'ClientsController',
        'WatchesController',
        'CheckInsController',
        'SignalsController',
      ]),
    );
    expect(unauditedRoutes(controllers)).toEqual([]);
  });

  it('names a route without either, and accepts an exemption on the route or on the controller', () => {
    @Controller('probe')
    class ProbeController {
      @Get() @AuditedRead('probe.read') read(): string {
        return 'probe';
      }
      @Get('figures') @AuditExempt('figures only') figures(): string {
        return 'probe';
      }
      @Post() forgotten(): string {
        return 'probe';
      }
      helper(): string {
        return 'probe';
      }
    }
    @AuditExempt('no client data')
    @Controller('exempt')
    class ExemptController {
      @Get() list(): string {
        return 'probe';
      }
    }
    @Module({ controllers: [ProbeController, ExemptController] })
    class ProbeModule {}
    expect(unauditedRoutes(controllersOf(ProbeModule))).toEqual(['ProbeController.forgotten']);
  });
});
