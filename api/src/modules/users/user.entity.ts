import type { UserRole } from '@waakvlam/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A staff or partner account. A partner user belongs to exactly one partner organisation. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'partner_organisation_id', type: 'uuid', nullable: true })
  partnerOrganisationId!: string | null;

  /** Always stored in lower case; unique across the service because it is the sign-in name. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: UserRole;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** At most this many open reactivation requests assigned at once (assignment passes over); null: no limit. */
  @Column({ name: 'reactivation_capacity', type: 'integer', nullable: true })
  reactivationCapacity!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
