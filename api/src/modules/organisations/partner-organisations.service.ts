import { Injectable } from '@nestjs/common';
import type { PartnerOrganisationSummary } from '@waakvlam/contracts';
import { DataSource, type Repository } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { PartnerOrganisationEntity } from './partner-organisation.entity';

@Injectable()
export class PartnerOrganisationsService {
  private readonly repo: Repository<PartnerOrganisationEntity>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(PartnerOrganisationEntity);
  }

  /** The organisation's chain partners, by name. */
  async list(scope: TenantScope): Promise<PartnerOrganisationSummary[]> {
    const partners = await scope
      .restrict(this.repo.createQueryBuilder('p').select(['p.id', 'p.name', 'p.kind']))
      .orderBy('p.name', 'ASC')
      .getMany();
    return partners.map((p) => ({ id: p.id, name: p.name, kind: p.kind }));
  }
}
