import type { WatchEventType } from '@waakvlam/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line on the client's timeline: who did what to the watch, when and why. */
@Entity({ name: 'watch_events' })
export class WatchEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'watch_id', type: 'uuid' }) watchId!: string;
  @Column({ type: 'text' }) type!: WatchEventType;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'jsonb' }) details!: Record<string, unknown>;
  @Column({ type: 'timestamptz' }) at!: Date;
}
