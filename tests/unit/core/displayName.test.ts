import { describe, expect, it } from 'vitest';
import { displayName, fileErrorReason, withoutPaths } from '../../../src/core/text';

describe('names in messages (issue 10)', () => {
  it('escapes bidi overrides, controls and invisible characters, and keeps every other script', () => {
    expect(displayName('invoice\u202Efdp.exe')).toBe('invoice\\u202Efdp.exe');
    expect(displayName('a\u0000b\u001bc\u007f\u200Bd\u2066e\uFEFF')).toBe(
      'a\\u0000b\\u001Bc\\u007F\\u200Bd\\u2066e\\uFEFF',
    );
    expect(displayName('やさしさ – كن لطيفا 🎉.kindness')).toBe('やさしさ – كن لطيفا 🎉.kindness');
    expect(displayName('bad\uD800half')).toBe('bad\\uD800half');
  });

  it('shortens a long name in the middle, keeping its end', () => {
    const shown = displayName(`${'a'.repeat(4000)}.kindness`);
    expect(shown.length).toBeLessThanOrEqual(80);
    expect(shown).toMatch(/^a+…a+\.kindness$/);
  });
});

describe('file errors in words (issue 10)', () => {
  const error = (code: string, message = `${code}: failed, open '/home/me/secret/file'`) =>
    Object.assign(new Error(message), { code });

  it('says what ELOOP, ENAMETOOLONG and ESPIPE mean, without the code or the path', () => {
    for (const code of ['ELOOP', 'ENAMETOOLONG', 'ESPIPE', 'EIO', 'EMFILE']) {
      const reason = fileErrorReason(error(code));
      expect(reason).not.toContain(code);
      expect(reason).not.toContain('/home');
    }
    expect(fileErrorReason(error('ELOOP'))).toMatch(/link that leads back to itself/);
  });

  it('names an unknown code plainly and never passes a path through', () => {
    expect(fileErrorReason(error('EWEIRD'))).toBe('the system could not do it (error EWEIRD)');
    expect(fileErrorReason(new Error("cannot open '/etc/shadow' or C:\\Users\\me\\x.txt"))).toBe(
      'cannot open (a file) or (a file)',
    );
    expect(withoutPaths('see /var/tmp/x, then "/a b/c"')).toBe('see (a file), then (a file)');
  });
});
