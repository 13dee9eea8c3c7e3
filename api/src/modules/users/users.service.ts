import { Injectable } from '@nestjs/common';
import type { Page, UserRole } from '@waakvlam/contracts';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { fieldProblem } from '../clients/field-problem.util';
import { UserEntity } from './user.entity';
import type { UserSummaryDto } from './user-summary.dto';

const SUMMARY_COLUMNS = [
  'u.id',
  'u.email',
  'u.displayName',
  'u.role',
  'u.partnerOrganisationId',
  'u.active',
  'u.reactivationCapacity',
];

const toSummary = (u: UserEntity): UserSummaryDto => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  partnerOrganisationId: u.partnerOrganisationId,
  active: u.active,
  reactivationCapacity: u.reactivationCapacity,
});

/** What sign-in needs of an account. */
export interface SignInAccount {
  id: string;
  passwordHash: string;
  active: boolean;
  role: UserRole;
  organisationId: string;
  email: string;
}

/** A change of an account: only the fields given change. */
export interface UserChange {
  /** Null: no limit. */
  reactivationCapacity?: number | null;
}

@Injectable()
export class UsersService {
  private readonly repo: Repository<UserEntity>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(UserEntity);
  }

  /** For sign-in only: the one lookup that is not scoped to an organisation, because nobody is signed in yet. */
  async findCredentialsByEmail(email: string): Promise<SignInAccount | null> {
    const user = await this.repo
      .createQueryBuilder('u')
      .select(['u.id', 'u.active', 'u.role', 'u.organisationId', 'u.email'])
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    return user
      ? {
          id: user.id,
          passwordHash: user.passwordHash,
          active: user.active,
          role: user.role,
          organisationId: user.organisationId,
          email: user.email,
        }
      : null;
  }

  /** The password hash of a user (password change: the current password is checked first). */
  async passwordHashOf(userId: string): Promise<string | null> {
    const user = await this.repo
      .createQueryBuilder('u')
      .select(['u.id'])
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: userId })
      .getOne();
    return user?.passwordHash ?? null;
  }

  /** Sets a new password hash (the caller checked the password against the policy). */
  async setPasswordHash(userId: string, passwordHash: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.repo.manager).query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`,
      [userId, passwordHash],
    );
  }

  async list(
    scope: TenantScope,
    query: { page: number; pageSize: number; role?: UserRole },
  ): Promise<Page<UserSummaryDto>> {
    const qb = scope
      .restrict(this.repo.createQueryBuilder('u').select(SUMMARY_COLUMNS))
      .orderBy('u.displayName', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    const [users, total] = await qb.getManyAndCount();
    return { items: users.map(toSummary), page: query.page, pageSize: query.pageSize, total };
  }

  /** Null when the user does not exist or belongs to another organisation: callers answer 404 for both. */
  async get(scope: TenantScope, id: string): Promise<UserSummaryDto | null> {
    const user = await scope
      .restrict(this.repo.createQueryBuilder('u').select(SUMMARY_COLUMNS))
      .andWhere('u.id = :id', { id })
      .getOne();
    return user ? toSummary(user) : null;
  }

  /**
   * Changes a staff account of the organisation. Null when there is no such account in the organisation (callers
   * answer 404); a partner account takes no reactivation requests, so it has no capacity (400).
   */
  async update(scope: TenantScope, id: string, change: UserChange): Promise<UserSummaryDto | null> {
    const existing = await this.get(scope, id);
    if (!existing) return null;
    if (change.reactivationCapacity !== undefined && existing.role === 'partner')
      throw fieldProblem('reactivationCapacity', 'a partner account takes no reactivation requests');
    if (change.reactivationCapacity === undefined) return existing;
    await this.repo.manager.query(
      `UPDATE users SET reactivation_capacity = $3, updated_at = now() WHERE organisation_id = $1 AND id = $2`,
      [scope.organisationId, id, change.reactivationCapacity],
    );
    return { ...existing, reactivationCapacity: change.reactivationCapacity };
  }
}
