import type { CheckInOutcome, CheckInStatus, ContactMode } from '@waakvlam/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One planned contact (contactmoment) of a watch and its outcome. At most one per watch is planned. */
@Entity({ name: 'check_ins' })
export class CheckInEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'watch_id', type: 'uuid' }) watchId!: string;
  /** The watch's primary caseworker when it was planned (kept in step when the caseworkers change). */
  @Column({ name: 'caseworker_id', type: 'uuid' }) caseworkerId!: string;
  /** The primary caseworker the check-in was handed over from during her absence; null: not handed over. */
  @Column({ name: 'handed_over_from', type: 'uuid', nullable: true }) handedOverFrom!: string | null;
  @Column({ name: 'due_date', type: 'date' }) dueDate!: string;
  @Column({ name: 'grace_ends_on', type: 'date' }) graceEndsOn!: string;
  @Column({ type: 'text' }) status!: CheckInStatus;
  @Column({ type: 'text', nullable: true }) outcome!: CheckInOutcome | null;
  @Column({ type: 'text', nullable: true }) channel!: ContactMode | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ name: 'completed_by', type: 'uuid', nullable: true }) completedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
