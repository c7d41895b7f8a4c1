import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { createDispatcher, type Handlers } from '../../electron/core/dispatch';
import { AppError } from '../../shared/contract/envelope';
import { makeCore, type TestCore } from '../fixtures/core';

const SECRET = 'Kari Nordmann 01868512381';

describe('dispatcher', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = await makeCore();
  });
  afterAll(() => core.dispose());

  it('refuses names that are not own properties of the contract', async () => {
    for (const name of ['__proto__', 'toString', 'constructor', 'hasOwnProperty', '', 'worklist', 'worklist.list ', 42, null, undefined, {}]) {
      const res = await core.dispatch(name, {});
      expect(res).toEqual({ ok: false, error: { code: 'unknown_method', message: 'Ukjent metode' } });
    }
  });

  it('answers garbage sent to every contract method with a clean error that never echoes it', async () => {
    const garbage: unknown[] = [
      'garbage',
      42,
      true,
      [],
      [SECRET],
      '__proto__',
      'toString',
      SECRET.repeat(20_000),
      { __proto__: { polluted: true } },
      { id: SECRET },
      { id: -1 },
      { id: 1.5 },
      { offset: -1 },
      { limit: 1e9 },
      { patient: SECRET, pathway: [] },
      { coordinatorName: 42 },
      JSON.parse('{"__proto__": {"x": 1}}'),
    ];
    for (const method of Object.keys(contract)) {
      for (const input of garbage) {
        const res = await core.dispatch(method, input);
        if (res.ok) continue; // some methods take no input and legitimately ignore it
        expect(['invalid_input', 'not_found']).toContain(res.error.code);
        expect(JSON.stringify(res.error)).not.toContain('Kari Nordmann');
        expect(JSON.stringify(res.error)).not.toContain('01868512381');
      }
      for (const input of [undefined, {}]) {
        const res = await core.dispatch(method, input);
        if (!res.ok) expect(res.error.code).toBe('invalid_input');
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('maps an AppError to its code and a thrown bug to a generic internal error', async () => {
    const handlers = new Proxy({} as Handlers, {
      get: (_t, prop) =>
        prop === 'profile.get'
          ? () => {
              throw new TypeError(`boom ${SECRET}`);
            }
          : () => {
              throw new AppError('conflict', 'Finnes allerede');
            },
    });
    const lines: string[] = [];
    const dispatch = createDispatcher(handlers, (l) => lines.push(l));
    expect(await dispatch('profile.get', {})).toEqual({ ok: false, error: { code: 'internal', message: 'Noe gikk galt. Prøv igjen.' } });
    expect(await dispatch('worklist.list', {})).toEqual({ ok: false, error: { code: 'conflict', message: 'Finnes allerede' } });
    expect(lines.join('\n')).not.toContain('Kari');
  });

  it('rejects a handler result that does not match the output schema', async () => {
    const handlers = new Proxy({} as Handlers, { get: () => () => ({ wrong: true }) });
    const res = await createDispatcher(handlers)('worklist.list', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
