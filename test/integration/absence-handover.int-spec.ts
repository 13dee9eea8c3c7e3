import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { TenantScope } from '../../api/src/core/database/tenant-scope.model';
import { CheckInPlanner } from '../../api/src/modules/check-ins/check-in-planner.service';
import { CheckInsService } from '../../api/src/modules/check-ins/check-ins.service';
import { addDays } from '../../api/src/modules/check-ins/check-in-views.util';
import { OrganisationCalendars } from '../../api/src/modules/organisations/organisation-calendars.service';
import { CheckInRemindersService } from '../../api/src/modules/reminders/check-in-reminders.service';
import { UserAbsencesService, type AbsenceActor } from '../../api/src/modules/users/user-absences.service';
import { WatchUpdateService } from '../../api/src/modules/watches/watch-update.service';
import {
  createCaseloadTeam,
  createClientWatch,
  createNamedCaseworker,
  plannedCheckInOf,
} from '../support/caseload-factories';
import { createCheckIn } from '../support/factories';
import { createAbsence } from '../support/reactivation-factories';
import { testConfig } from '../support/test-config';

describe('absence handover against PostgreSQL', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let absences: UserAbsencesService;
  let planner: CheckInPlanner;
  let checkIns: CheckInsService;
  let calendars: OrganisationCalendars;
  let reminders: CheckInRemindersService;
  let updates: WatchUpdateService;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(AppModule.forConfig(testConfig()), { logger: false });
    db = app.get(DataSource);
    absences = app.get(UserAbsencesService);
    planner = app.get(CheckInPlanner);
    checkIns = app.get(CheckInsService);
    calendars = app.get(OrganisationCalendars);
    reminders = app.get(CheckInRemindersService);
    updates = app.get(WatchUpdateService);
  });
  afterAll(() => app.close());

  const today = new Date().toISOString().slice(0, 10);
  const inAbsence = addDays(today, 3);
  const afterAbsence = addDays(today, 12);

  /** Anna is primary; Bram her backup on the first watch; the second watch has no backup. */
  async function scenario() {
    const team = await createCaseloadTeam(db);
    const { org, anna, bram } = team;
    const by = team.coordinator.id;
    const withBackup = await createClientWatch(db, org, by, anna.id, { backupId: bram.id });
    const alone = await createClientWatch(db, org, by, anna.id);
    const actor: AbsenceActor = {
      scope: TenantScope.fromSession({ organisationId: org }),
      userId: by,
      selfOnly: false,
    };
    return { team, org, anna, bram, withBackup, alone, actor };
  }

  it('hands the check-ins due in a new absence to an available backup, and gives them back when it is removed', async () => {
    const s = await scenario();
    const later = await createClientWatch(db, s.org, s.team.coordinator.id, s.anna.id, {
      backupId: s.bram.id,
    });
    await createCheckIn(db, s.org, s.withBackup.watchId, s.anna.id, { dueDate: inAbsence });
    await createCheckIn(db, s.org, s.alone.watchId, s.anna.id, { dueDate: inAbsence });
    await createCheckIn(db, s.org, later.watchId, s.anna.id, { dueDate: afterAbsence });

    const absence = await absences.create(s.actor, s.anna.id, { startsOn: today, endsOn: addDays(today, 7) });
    expect(await plannedCheckInOf(db, s.withBackup.watchId)).toMatchObject({
      caseworker_id: s.bram.id,
      handed_over_from: s.anna.id,
    });
    // No backup, or due after the absence: stays with Anna.
    expect(await plannedCheckInOf(db, s.alone.watchId)).toMatchObject({
      caseworker_id: s.anna.id,
      handed_over_from: null,
    });
    expect(await plannedCheckInOf(db, later.watchId)).toMatchObject({ caseworker_id: s.anna.id });

    // Bram sees it in his list, marked as taken over; the overdue reminder goes to him.
    const bramsList = await checkIns.view(s.actor.scope, s.bram.id, 'caseload');
    expect(bramsList.map((c) => [c.watchId, c.caseworker.id, c.handedOverFrom])).toEqual([
      [s.withBackup.watchId, s.bram.id, { id: s.anna.id, displayName: 'Anna Aalders' }],
    ]);
    const checkInId = (await plannedCheckInOf(db, s.withBackup.watchId))?.id as string;
    await db.transaction((tx) => reminders.overdue(tx, [checkInId]));
    const [mail]: Array<{ recipient: string }> = await db.query(
      `SELECT recipient FROM notifications WHERE idempotency_key = $1`,
      [`check-in-overdue-${checkInId}`],
    );
    expect(mail.recipient).toBe(s.bram.email);

    expect(await absences.remove(s.actor, s.anna.id, absence?.id as string)).toBe(true);
    expect(await plannedCheckInOf(db, s.withBackup.watchId)).toMatchObject({
      caseworker_id: s.anna.id,
      handed_over_from: null,
    });
  });

  it('keeps the check-in with the primary when the backup is absent that day too, or inactive', async () => {
    const s = await scenario();
    const inactive = await createNamedCaseworker(db, s.org, 'Ina Inactief', { active: false });
    const inactiveBackup = await createClientWatch(db, s.org, s.team.coordinator.id, s.anna.id, {
      backupId: inactive.id,
    });
    await createCheckIn(db, s.org, s.withBackup.watchId, s.anna.id, { dueDate: inAbsence });
    await createCheckIn(db, s.org, inactiveBackup.watchId, s.anna.id, { dueDate: inAbsence });
    await createAbsence(db, s.org, s.bram.id, inAbsence, inAbsence, s.team.coordinator.id);

    await absences.create(s.actor, s.anna.id, { startsOn: today, endsOn: addDays(today, 7) });
    for (const watch of [s.withBackup, inactiveBackup])
      expect(await plannedCheckInOf(db, watch.watchId)).toMatchObject({
        caseworker_id: s.anna.id,
        handed_over_from: null,
      });
  });

  it('plans a check-in due in the primary’s absence for the backup, and one after it for the primary', async () => {
    const s = await scenario();
    await absences.create(s.actor, s.anna.id, { startsOn: today, endsOn: addDays(today, 7) });
    const calendar = await calendars.forOrganisation(s.org);
    const base = { organisationId: s.org, caseworkerId: s.anna.id, calendar, preNoticeWorkingDays: 0 };
    await db.transaction((tx) =>
      planner.plan(tx, [
        { ...base, watchId: s.withBackup.watchId, dueDate: inAbsence, graceEndsOn: inAbsence },
        { ...base, watchId: s.alone.watchId, dueDate: inAbsence, graceEndsOn: inAbsence },
      ]),
    );
    expect(await plannedCheckInOf(db, s.withBackup.watchId)).toMatchObject({
      caseworker_id: s.bram.id,
      handed_over_from: s.anna.id,
    });
    expect(await plannedCheckInOf(db, s.alone.watchId)).toMatchObject({ caseworker_id: s.anna.id });

    const later = await createClientWatch(db, s.org, s.team.coordinator.id, s.anna.id, {
      backupId: s.bram.id,
    });
    await db.transaction((tx) =>
      planner.plan(tx, [
        { ...base, watchId: later.watchId, dueDate: afterAbsence, graceEndsOn: afterAbsence },
      ]),
    );
    expect(await plannedCheckInOf(db, later.watchId)).toMatchObject({
      caseworker_id: s.anna.id,
      handed_over_from: null,
    });
  });

  it('gives back only the check-ins no other absence of the primary still covers; a second run changes nothing', async () => {
    const s = await scenario();
    const second = await createClientWatch(db, s.org, s.team.coordinator.id, s.anna.id, {
      backupId: s.bram.id,
    });
    const secondDue = addDays(today, 20);
    await createCheckIn(db, s.org, s.withBackup.watchId, s.anna.id, { dueDate: inAbsence });
    await createCheckIn(db, s.org, second.watchId, s.anna.id, { dueDate: secondDue });
    const long = await absences.create(s.actor, s.anna.id, { startsOn: today, endsOn: addDays(today, 25) });
    await absences.create(s.actor, s.anna.id, { startsOn: addDays(today, 18), endsOn: addDays(today, 22) });
    expect((await plannedCheckInOf(db, second.watchId))?.caseworker_id).toBe(s.bram.id);

    await absences.remove(s.actor, s.anna.id, long?.id as string);
    expect((await plannedCheckInOf(db, s.withBackup.watchId))?.caseworker_id).toBe(s.anna.id);
    // Still inside the shorter absence: Bram keeps it.
    expect(await plannedCheckInOf(db, second.watchId)).toMatchObject({
      caseworker_id: s.bram.id,
      handed_over_from: s.anna.id,
    });
    expect(await absences.remove(s.actor, s.anna.id, long?.id as string)).toBe(false);
    expect((await plannedCheckInOf(db, second.watchId))?.caseworker_id).toBe(s.bram.id);
  });

  it('a PATCH that makes an absent caseworker primary hands the check-in to the backup; a later one gives it back', async () => {
    const s = await scenario();
    await createCheckIn(db, s.org, s.withBackup.watchId, s.anna.id, { dueDate: inAbsence });
    await createAbsence(db, s.org, s.team.cees.id, today, addDays(today, 7), s.team.coordinator.id);
    await updates.update(s.actor.scope, s.team.coordinator.id, s.withBackup.watchId, {
      primaryCaseworkerId: s.team.cees.id,
    });
    expect(await plannedCheckInOf(db, s.withBackup.watchId)).toMatchObject({
      caseworker_id: s.bram.id,
      handed_over_from: s.team.cees.id,
    });
    await updates.update(s.actor.scope, s.team.coordinator.id, s.withBackup.watchId, {
      primaryCaseworkerId: s.anna.id,
    });
    expect(await plannedCheckInOf(db, s.withBackup.watchId)).toMatchObject({
      caseworker_id: s.anna.id,
      handed_over_from: null,
    });
  });
});
