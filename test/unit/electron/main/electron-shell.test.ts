import { describe, expect, it } from 'vitest';
import { IPC_INVOKE_CHANNEL, API_METHODS } from '../../../../shared/api/contract';
import type { Handlers } from '../../../../shared/api/dispatch';
import { APP_ORIGIN } from '../../../../electron/main/app-protocol';
import { createSenderCheck, registerIpcTransport } from '../../../../electron/main/ipc-transport';
import { buildMenuTemplate } from '../../../../electron/main/menu';
import { isSafeExternalUrl } from '../../../../electron/main/navigation-policy';
import { contentSecurityPolicy, resolveRendererFile } from '../../../../electron/main/renderer-files';

describe('IPC sender check', () => {
  const check = createSenderCheck([APP_ORIGIN]);
  it('trusts only our own top frame', () => {
    expect(check({ url: `${APP_ORIGIN}/index.html#/map/1`, parent: null })).toBe(true);
    expect(check({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(check({ url: `${APP_ORIGIN}/index.html`, parent: {} as never })).toBe(false);
    expect(check({ url: 'not a url', parent: null })).toBe(false);
    expect(check(null)).toBe(false);
  });

  it('refuses calls from untrusted frames before any handler runs', async () => {
    let registered: ((event: unknown, method: unknown, args: unknown) => unknown) | undefined;
    const ipcMain = {
      handle: (channel: string, listener: typeof registered) => {
        expect(channel).toBe(IPC_INVOKE_CHANNEL);
        registered = listener;
      },
      removeHandler: () => undefined,
    };
    let ran = 0;
    const handlers = Object.fromEntries(
      API_METHODS.map((m) => [m, () => (ran++, { version: '1', transport: 'electron' })]),
    ) as unknown as Handlers;
    registerIpcTransport(ipcMain as never, handlers, check, () => undefined);
    const evil = await registered!(
      { senderFrame: { url: 'https://evil.example', parent: null } },
      'app.info',
      {},
    );
    expect(evil).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(ran).toBe(0);
    const good = await registered!({ senderFrame: { url: `${APP_ORIGIN}/`, parent: null } }, 'app.info', {});
    expect(good).toEqual({ ok: true, value: { version: '1', transport: 'electron' } });
    expect(ran).toBe(1);
  });
});

describe('navigation and content policy', () => {
  it('lets only https and mailto links out, to the OS', () => {
    expect(isSafeExternalUrl('https://example.com/a')).toBe(true);
    expect(isSafeExternalUrl('mailto:maya@example.com')).toBe(true);
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://x', '']) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });

  it('has a strict CSP without eval or inline scripts', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).toContain("object-src 'none'");
  });

  it('never resolves a renderer file outside its folder', () => {
    expect(resolveRendererFile('/app/renderer', '/')).toBe('/app/renderer/index.html');
    expect(resolveRendererFile('/app/renderer', '/assets/a.js')).toBe('/app/renderer/assets/a.js');
    expect(resolveRendererFile('/app/renderer', '/../secret')).toBeNull();
    expect(resolveRendererFile('/app/renderer', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveRendererFile('/app/renderer', '/a%00b')).toBeNull();
    expect(resolveRendererFile('/app/renderer', '/%E0%A4%A')).toBeNull();
  });
});

describe('application menu', () => {
  const labels = (isMac: boolean) =>
    buildMenuTemplate({ isMac, appName: 'Journey Studio', isDev: false, sendCommand: () => undefined }).map(
      (item) => item.label ?? item.role,
    );

  it('has File, Edit, View, Window and Help on every platform', () => {
    expect(labels(false)).toEqual(['File', 'Edit', 'View', 'Window', 'help']);
    expect(labels(true)).toEqual(['Journey Studio', 'File', 'Edit', 'View', 'Window', 'help']);
  });

  it('sends the command of the item clicked', () => {
    const sent: string[] = [];
    const template = buildMenuTemplate({
      isMac: false,
      appName: 'Journey Studio',
      isDev: false,
      sendCommand: (c) => sent.push(c),
    });
    const file = template.find((item) => item.label === 'File')!.submenu as {
      label?: string;
      click?: () => void;
    }[];
    file.find((item) => item.label === 'New Map')!.click!();
    expect(sent).toEqual(['map.new']);
  });

  it("has the map's own Undo and Redo in the Edit menu, not the text-only roles", () => {
    for (const isMac of [false, true]) {
      const sent: string[] = [];
      const template = buildMenuTemplate({
        isMac,
        appName: 'Journey Studio',
        isDev: false,
        sendCommand: (c) => sent.push(c),
      });
      const edit = template.find((item) => item.label === 'Edit')!.submenu as {
        label?: string;
        role?: string;
        accelerator?: string;
        click?: () => void;
      }[];
      expect(edit.some((item) => item.role === 'undo' || item.role === 'redo')).toBe(false);
      const undo = edit.find((item) => item.label === 'Undo')!;
      const redo = edit.find((item) => item.label === 'Redo')!;
      expect(undo.accelerator).toBe('CmdOrCtrl+Z');
      expect(redo.accelerator).toBe('Shift+CmdOrCtrl+Z');
      expect(edit.indexOf(undo)).toBe(0);
      expect(edit.indexOf(redo)).toBe(1);
      undo.click!();
      redo.click!();
      expect(sent).toEqual(['edit.undo', 'edit.redo']);
      // The clipboard roles stay the platform's own (they fire the DOM events the map answers);
      // Select All is the map's (its cards; in a text field, the field's text).
      expect(edit.map((item) => item.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'delete']);
    }
  });
});
