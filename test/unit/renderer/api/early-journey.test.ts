import { describe, expect, it } from 'vitest';
import type { ApiBridge } from '../../../../shared/api/contract';
import { withEarlyJourney } from '../../../../renderer/src/api/early-journey';

/** A bridge that records what it was asked and answers each call with a fresh result. */
function recordingBridge() {
  const calls: { method: string; args: unknown }[] = [];
  const bridge: ApiBridge = {
    invoke: (method, args) => {
      calls.push({ method, args });
      return Promise.resolve({ ok: true, value: { call: calls.length } }) as never;
    },
    on: () => () => undefined,
  };
  return { bridge, calls };
}

describe('withEarlyJourney', () => {
  it('asks for the map in the address at once and hands that answer to the first request for it', async () => {
    const { bridge, calls } = recordingBridge();
    const api = withEarlyJourney(bridge, '#/map/abc');
    expect(calls).toEqual([{ method: 'journeys.get', args: { id: 'abc' } }]);

    const first = await api.invoke('journeys.get', { id: 'abc' });
    expect(first).toEqual({ ok: true, value: { call: 1 } });
    expect(calls).toHaveLength(1);

    // Later loads (a reload after a conflict, say) ask again.
    const second = await api.invoke('journeys.get', { id: 'abc' });
    expect(second).toEqual({ ok: true, value: { call: 2 } });
    expect(calls).toHaveLength(2);
  });

  it('does not hand the early answer to a request for another map, nor keep it for later', async () => {
    const { bridge, calls } = recordingBridge();
    const api = withEarlyJourney(bridge, '#/map/abc');
    await api.invoke('journeys.get', { id: 'other' });
    await api.invoke('journeys.get', { id: 'abc' });
    expect(calls.map((c) => c.args)).toEqual([{ id: 'abc' }, { id: 'other' }, { id: 'abc' }]);
  });

  it('passes every other call through', async () => {
    const { bridge, calls } = recordingBridge();
    const api = withEarlyJourney(bridge, '#/map/abc');
    await api.invoke('journeys.list', {} as never);
    expect(calls.map((c) => c.method)).toEqual(['journeys.get', 'journeys.list']);
  });

  it('asks for nothing early on the library or a snapshot', () => {
    for (const hash of ['', '#/', '#/map/abc/snapshot/s1']) {
      const { bridge, calls } = recordingBridge();
      expect(withEarlyJourney(bridge, hash)).toBe(bridge);
      expect(calls).toEqual([]);
    }
  });
});
