import { Injectable } from '@nestjs/common';
import type { PartnerSignal } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import { fieldProblem } from '../clients/field-problem.util';
import { normalisePostcode } from '../clients/postcode.util';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';
import { TimersService } from '../scheduling/timers.service';
import { ClientPartnerReferencesService } from './client-partner-references.service';
import type { CreateSignalDto } from './create-signal.dto';
import { normalisePartnerReference } from './partner-reference.util';
import { PartnerSignalViews } from './partner-signal-views.service';
import type { PartnerPrincipal } from './signal-principal.decorator';
import { feedbackDueAt } from './signal-timing.util';

/**
 * A partner files a signal. About a client reference, the client is linked only when the reference is the
 * partner's and the client consents to sharing with it; otherwise the signal is kept with the reference as given,
 * for coordinators to look at. Either way the partner gets the same answer, so it cannot probe references.
 * The signal's feedback timer is written in the same transaction.
 */
@Injectable()
export class SignalIntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: OrganisationCalendars,
    private readonly timers: TimersService,
    private readonly references: ClientPartnerReferencesService,
    private readonly views: PartnerSignalViews,
  ) {}

  async create(reporter: PartnerPrincipal, dto: CreateSignalDto, now: Date): Promise<PartnerSignal> {
    const subject = this.subject(dto);
    const calendar = await this.calendars.forOrganisation(reporter.organisationId);
    if (dto.observedOn > calendar.today(now)) throw fieldProblem('observedOn', 'must not be in the future');

    return this.dataSource.transaction(async (tx) => {
      const clientId =
        subject.clientReference !== null
          ? await this.references.resolve(
              tx,
              reporter.organisationId,
              reporter.partnerOrganisationId,
              subject.clientReference,
            )
          : null;
      const [{ id }]: Array<{ id: string }> = await tx.query(
        `INSERT INTO signals (organisation_id, partner_organisation_id, reported_by_user_id, reported_via_key_id,
           client_reference, postcode, house_number, house_number_addition, client_id, category, description,
           observed_on, received_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
         RETURNING id`,
        [
          reporter.organisationId,
          reporter.partnerOrganisationId,
          reporter.userId,
          reporter.keyId,
          subject.clientReference,
          subject.postcode,
          subject.houseNumber,
          subject.addition,
          clientId,
          dto.category,
          dto.description.trim(),
          dto.observedOn,
          now,
        ],
      );
      await this.timers.schedule(tx, [
        {
          organisationId: reporter.organisationId,
          kind: 'signal_feedback_due',
          subjectId: id,
          fireAt: feedbackDueAt(calendar, now),
        },
      ]);
      return (await this.views.get(reporter, id, tx)) as PartnerSignal;
    });
  }

  /** Exactly one of a client reference and an address, in their stored forms. */
  private subject(dto: CreateSignalDto): {
    clientReference: string | null;
    postcode: string | null;
    houseNumber: string | null;
    addition: string | null;
  } {
    if ((dto.clientReference == null) === (dto.address == null)) {
      throw fieldProblem('clientReference', 'send either clientReference or address, not both or neither');
    }
    if (dto.clientReference != null) {
      const given = dto.clientReference.trim();
      // Kept as the partner typed it when it cannot be a reference: coordinators may still recognise it.
      return {
        clientReference: normalisePartnerReference(given) ?? given,
        postcode: null,
        houseNumber: null,
        addition: null,
      };
    }
    const address = dto.address as NonNullable<CreateSignalDto['address']>;
    const addition = address.houseNumberAddition?.replace(/[\s-]/g, '').toLowerCase() || null;
    return {
      clientReference: null,
      postcode: normalisePostcode(address.postcode),
      houseNumber: address.houseNumber.trim(),
      addition,
    };
  }
}
