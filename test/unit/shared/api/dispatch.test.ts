import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../../shared/api/contract';
import { dispatch, type Handlers } from '../../../../shared/api/dispatch';
import { AppError } from '../../../../shared/api/result';

const unreachable = () => {
  throw new Error('handler ran although the arguments were invalid');
};

const handlers = Object.fromEntries(API_METHODS.map((m) => [m, unreachable])) as unknown as Handlers;

describe('dispatch', () => {
  it('refuses an unknown method and a prototype key as invalid input', async () => {
    for (const method of ['journeys.explode', '__proto__', 'constructor', 42]) {
      const result = await dispatch(handlers, method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it('says what is wrong and where', async () => {
    const result = await dispatch(handlers, 'journeys.rename', { id: 'a', name: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/journeys\.rename.*name/);
  });

  it('passes an AppError through with its code and message', async () => {
    const table = {
      ...handlers,
      'journeys.get': () => {
        throw new AppError('not-found', 'No journey map with id x.');
      },
    } as Handlers;
    expect(await dispatch(table, 'journeys.get', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No journey map with id x.' },
    });
  });

  it('hides unexpected errors: no stack, no path, but logs them', async () => {
    const logged: unknown[] = [];
    const table = {
      ...handlers,
      'journeys.list': () => {
        throw new Error('SQLITE_IOERR at /home/maya/.config/secret.sqlite');
      },
    } as Handlers;
    const result = await dispatch(table, 'journeys.list', {}, { logError: (_m, e) => logged.push(e) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).not.toContain('/home');
      expect(result.error.message).not.toContain('SQLITE');
    }
    expect(logged).toHaveLength(1);
  });
});
