import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A partner organisation the client agreed to share (signal) data with. */
@Entity({ name: 'client_partner_consents' })
export class ClientPartnerConsentEntity {
  @PrimaryColumn({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @PrimaryColumn({ name: 'partner_organisation_id', type: 'uuid' }) partnerOrganisationId!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
