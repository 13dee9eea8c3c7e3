import { TenantContext } from './tenant-context.store';
import { tenantSettingsSql } from './tenant-transaction.util';

describe('tenantSettingsSql', () => {
  it("sets the organisation's id, and clears the system flag, for the transaction only", () => {
    const sql = tenantSettingsSql({
      kind: 'organisation',
      organisationId: '0b5c3f4e-8d1a-4c2b-9e7f-1a2b3c4d5e6f',
    });
    expect(sql).toBe(
      "SELECT set_config('waakvlam.organisation_id', '0b5c3f4e-8d1a-4c2b-9e7f-1a2b3c4d5e6f', true), " +
        "set_config('waakvlam.system', '', true)",
    );
  });

  it('sets the system flag and no organisation for the system context', () => {
    expect(tenantSettingsSql({ kind: 'system', reason: 'job' })).toBe(
      "SELECT set_config('waakvlam.organisation_id', '', true), set_config('waakvlam.system', 'on', true)",
    );
  });

  it('refuses anything but a UUID as an organisation id (the value is written into the statement)', () => {
    expect(() =>
      tenantSettingsSql({ kind: 'organisation', organisationId: "x', true); DROP TABLE clients; --" }),
    ).toThrow(/UUID/);
  });
});

describe('TenantContext', () => {
  afterEach(() => TenantContext.setFallback(null));

  it('has no context outside a request or job, unless a fallback is set', () => {
    expect(TenantContext.current()).toBeNull();
    TenantContext.setFallback({ kind: 'system', reason: 'test' });
    expect(TenantContext.current()).toEqual({ kind: 'system', reason: 'test' });
  });

  it("keeps a request's context empty until it is filled in, whatever the fallback", async () => {
    TenantContext.setFallback({ kind: 'system', reason: 'test' });
    await TenantContext.runEmpty(async () => {
      expect(TenantContext.current()).toBeNull();
      await Promise.resolve();
      expect(TenantContext.enter({ kind: 'organisation', organisationId: 'org' })).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(TenantContext.current()).toEqual({ kind: 'organisation', organisationId: 'org' });
      // A look-up as the system inside it does not change the request's own context.
      await TenantContext.asSystem('session', async () => {
        expect(TenantContext.current()).toEqual({ kind: 'system', reason: 'session' });
      });
      expect(TenantContext.current()).toEqual({ kind: 'organisation', organisationId: 'org' });
    });
    expect(TenantContext.enter({ kind: 'system', reason: 'x' })).toBe(false);
  });
});
