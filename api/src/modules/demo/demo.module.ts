import { Module } from '@nestjs/common';
import { DemoCaseloadSeeder } from './demo-caseload.service';
import { DemoSeedService } from './demo-seed.service';

@Module({ providers: [DemoSeedService, DemoCaseloadSeeder], exports: [DemoSeedService] })
export class DemoModule {}
