import type { LegalBasis, PreferredChannel } from '@waakvlam/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A resident (inwoner) kept in view: minimal personal data and the recorded consent. */
@Entity({ name: 'clients' })
export class ClientEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ type: 'text' }) reference!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ name: 'preferred_channel', type: 'text' }) preferredChannel!: PreferredChannel;
  /** Normalised: `1234AB`. */
  @Column({ type: 'text' }) postcode!: string;
  @Column({ name: 'house_number', type: 'text' }) houseNumber!: string;
  @Column({ type: 'text', nullable: true }) neighbourhood!: string | null;
  @Column({ name: 'date_of_birth', type: 'date', nullable: true }) dateOfBirth!: string | null;
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis!: LegalBasis;
  @Column({ name: 'consent_email_reminders', type: 'boolean' }) consentEmailReminders!: boolean;
  @Column({ name: 'consent_recorded_at', type: 'timestamptz' }) consentRecordedAt!: Date;
  @Column({ name: 'consent_recorded_by', type: 'uuid' }) consentRecordedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
