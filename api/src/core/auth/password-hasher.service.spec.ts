import { PasswordHasher } from './password-hasher.service';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id, at least 19 MiB and 2 iterations', async () => {
    const hashed = await hasher.hash('correct horse battery');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('verifies the right password only', async () => {
    const hashed = await hasher.hash('correct horse battery');
    await expect(hasher.verify(hashed, 'correct horse battery')).resolves.toBe(true);
    await expect(hasher.verify(hashed, 'wrong horse battery')).resolves.toBe(false);
  });

  it('answers false for a missing account, after doing the same work', async () => {
    await expect(hasher.verify(null, 'anything')).resolves.toBe(false);
  });
});
