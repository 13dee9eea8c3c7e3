import type { ContactMode, Signaleringsplan, WatchEndReason, WatchStatus } from '@waakvlam/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The watch relationship (waakvlam) of one client. At most one per client is not ended. */
@Entity({ name: 'watches' })
export class WatchEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'text' }) status!: WatchStatus;
  @Column({ name: 'primary_caseworker_id', type: 'uuid' }) primaryCaseworkerId!: string;
  @Column({ name: 'backup_caseworker_id', type: 'uuid', nullable: true }) backupCaseworkerId!: string | null;
  @Column({ name: 'interval_days', type: 'integer' }) intervalDays!: number;
  @Column({ name: 'min_interval_days', type: 'integer' }) minIntervalDays!: number;
  @Column({ name: 'max_interval_days', type: 'integer' }) maxIntervalDays!: number;
  @Column({ name: 'contact_mode', type: 'text' }) contactMode!: ContactMode;
  @Column({ type: 'text' }) agreements!: string;
  @Column({ type: 'jsonb' }) signaleringsplan!: Signaleringsplan;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'review_date', type: 'date' }) reviewDate!: string;
  @Column({ name: 'lapse_threshold', type: 'integer' }) lapseThreshold!: number;
  @Column({ name: 'grace_period_days', type: 'integer' }) gracePeriodDays!: number;
  @Column({ name: 'reopen_period_months', type: 'integer' }) reopenPeriodMonths!: number;
  @Column({ name: 'cadence_changed_at', type: 'timestamptz' }) cadenceChangedAt!: Date;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @Column({ name: 'end_reason', type: 'text', nullable: true }) endReason!: WatchEndReason | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
