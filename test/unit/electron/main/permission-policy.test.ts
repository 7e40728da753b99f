import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from '../../../../electron/main/permission-policy';

describe('the permission policy', () => {
  it('lets our own app:// pages use the clipboard', () => {
    expect(isPermissionAllowed('clipboard-read', 'app://renderer/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://renderer')).toBe(true);
  });

  it('denies the clipboard to any other origin and every other permission to everyone', () => {
    expect(isPermissionAllowed('clipboard-read', 'https://example.com/')).toBe(false);
    expect(isPermissionAllowed('clipboard-read', 'app://other')).toBe(false);
    expect(isPermissionAllowed('clipboard-read', 'http://127.0.0.1:4780/')).toBe(false);
    expect(isPermissionAllowed('clipboard-read', undefined)).toBe(false);
    expect(isPermissionAllowed('clipboard-read', 'not a url')).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen']) {
      expect(isPermissionAllowed(permission, 'app://renderer/')).toBe(false);
    }
  });
});
