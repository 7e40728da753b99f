import { describe, expect, it } from 'vitest';
import { defaultUserDataDir } from '../../../../electron/web/user-data-path';
import { DEFAULT_WEB_PORT, parseWebOptions } from '../../../../electron/web/web-options';

describe('browser-mode options', () => {
  it('takes --db and --port in both spellings', () => {
    expect(parseWebOptions(['--db', '/tmp/a.sqlite', '--port=0'])).toEqual({
      db: '/tmp/a.sqlite',
      port: 0,
      help: false,
    });
    expect(parseWebOptions([]).port).toBe(DEFAULT_WEB_PORT);
  });

  it('explains a bad port, a missing value and an unknown option', () => {
    expect(() => parseWebOptions(['--port', 'http'])).toThrow(/--port takes a number/);
    expect(() => parseWebOptions(['--port', '70000'])).toThrow(/--port takes a number/);
    expect(() => parseWebOptions(['--db'])).toThrow(/--db needs a value/);
    expect(() => parseWebOptions(['--listen', '0.0.0.0'])).toThrow(/Unknown option "--listen"/);
  });

  it("defaults to the desktop app's userData folder on every platform", () => {
    expect(defaultUserDataDir('linux', {}, '/home/m')).toBe('/home/m/.config/Journey Studio');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/m')).toBe('/x/Journey Studio');
    expect(defaultUserDataDir('darwin', {}, '/Users/m')).toBe(
      '/Users/m/Library/Application Support/Journey Studio',
    );
  });
});
