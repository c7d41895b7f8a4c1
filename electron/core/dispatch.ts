import { contract, isMethodName, AppError, type Envelope, type MethodName, type Output, type ParsedInput, type RpcError } from '../../shared/contract';
import { STORE_DENIED_MESSAGE, STORE_UNREACHABLE_MESSAGE, storageErrorMessage, storeDenied, storeUnreachable } from './storage-errors';

/** One handler per contract method. A missing or mistyped handler is a compile error. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<Output<M>> | Output<M>;
};

export type Dispatch = (method: unknown, input: unknown) => Promise<Envelope<unknown>>;

function fail(error: RpcError): Envelope<never> {
  return { ok: false, error };
}

/**
 * The single entry point for every transport (IPC, HTTP, tests, benchmarks): look the method up
 * (own properties only, so '__proto__' or 'toString' are just unknown), parse the input with the
 * contract's schema, run the handler, check the output. Never throws; never echoes submitted values.
 */
export function createDispatcher(handlers: Handlers, log: (line: string) => void = () => {}): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) return fail({ code: 'unknown_method', message: 'Ukjent metode' });
    const spec = contract[method];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      return fail({
        code: 'invalid_input',
        message: 'Noen felter er ikke fylt ut riktig',
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      });
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log(`dispatch ${method}: output failed its schema`);
        return fail({ code: 'internal', message: 'Noe gikk galt. Prøv igjen.' });
      }
      return { ok: true, value: checked.data };
    } catch (e) {
      if (e instanceof AppError) {
        return fail(e.issues ? { code: e.code, message: e.message, issues: e.issues } : { code: e.code, message: e.message });
      }
      if (storeUnreachable(e)) {
        log(`dispatch ${method}: team store unreachable`);
        return fail({ code: 'unavailable', message: STORE_UNREACHABLE_MESSAGE });
      }
      if (storeDenied(e)) {
        log(`dispatch ${method}: refused by the team store's grants`);
        return fail({ code: 'storage', message: STORE_DENIED_MESSAGE });
      }
      const storage = storageErrorMessage(e);
      if (storage) {
        log(`dispatch ${method}: storage error ${storage.sqliteCode}`);
        return fail({ code: 'storage', message: storage.message });
      }
      // Only the method and the error's class reach the log: messages may quote data.
      log(`dispatch ${method}: internal error ${e instanceof Error ? e.name : typeof e}`);
      return fail({ code: 'internal', message: 'Noe gikk galt. Prøv igjen.' });
    }
  };
}
