import { DashboardLinks, dashboardQueryFrom, weekEnd } from './dashboard-links.util';

const PERIOD = { from: '2031-02-03', to: '2031-02-16' };

describe('DashboardLinks', () => {
  it('opens each list with the dashboard’s own period', () => {
    const l = new DashboardLinks({ ...PERIOD, caseworkerId: null, neighbourhood: null });
    expect(l.checkIns('missed')).toEqual({
      dueFrom: '2031-02-03',
      dueTo: '2031-02-16',
      timeliness: 'missed',
    });
    expect(l.lapses()).toEqual({ lapsedFrom: '2031-02-03', lapsedTo: '2031-02-16' });
    expect(l.reactivations({ slaBreached: true })).toEqual({
      createdFrom: '2031-02-03',
      createdTo: '2031-02-16',
      slaBreached: 'true',
    });
    expect(l.signals({ awaitingFeedback: true, partnerOrganisationId: 'p1' })).toEqual({
      receivedFrom: '2031-02-03',
      receivedTo: '2031-02-16',
      awaitingFeedback: 'true',
      partnerOrganisationId: 'p1',
    });
    // A status is a state: no period.
    expect(l.watches('lapsed')).toEqual({ status: 'lapsed' });
    expect(l.openWatches()).toEqual({ open: 'true' });
  });

  it('carries the caseworker and wijk filters along, also "no wijk"', () => {
    const l = new DashboardLinks({ ...PERIOD, caseworkerId: 'cw-1', neighbourhood: '' });
    expect(l.watches('active')).toEqual({
      status: 'active',
      caseworkerId: 'cw-1',
      caseworkerRole: 'primary',
      neighbourhood: '',
    });
    expect(l.checkIns(undefined, { from: '2031-02-10', to: weekEnd('2031-02-10') })).toEqual({
      dueFrom: '2031-02-10',
      dueTo: '2031-02-16',
      caseworkerId: 'cw-1',
      neighbourhood: '',
    });
  });
});

describe('dashboardQueryFrom', () => {
  it('keeps well-formed filters and drops the rest for the API to default', () => {
    expect(
      dashboardQueryFrom({
        from: '2031-02-03',
        to: 'tomorrow',
        caseworkerId: '3f1c2a9e-1111-4222-8333-444455556666',
        neighbourhood: '',
      }),
    ).toEqual({
      from: '2031-02-03',
      caseworkerId: '3f1c2a9e-1111-4222-8333-444455556666',
      neighbourhood: '',
    });
    expect(dashboardQueryFrom({ caseworkerId: 'x' })).toEqual({});
  });
});
