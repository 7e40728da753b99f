import type {
  ApiBridge,
  ApiEvent,
  ApiEventPayload,
  ApiInput,
  ApiMethod,
  ApiOutput,
} from '../../../shared/api/contract';
import type { ErrorCode, Result } from '../../../shared/api/result';

/** A failed API call, carrying the code and the human message from the main side. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
  }
}

export interface ApiClient {
  /** Resolves with the value, or rejects with an ApiCallError. */
  call<M extends ApiMethod>(method: M, args: ApiInput<M>): Promise<ApiOutput<M>>;
  /** Resolves with the Result as it came over the wire. */
  invoke<M extends ApiMethod>(method: M, args: ApiInput<M>): Promise<Result<ApiOutput<M>>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
}

export function createApiClient(bridge: ApiBridge): ApiClient {
  return {
    invoke: (method, args) => bridge.invoke(method, args),
    async call(method, args) {
      const result = await bridge.invoke(method, args);
      if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
      return result.value;
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}
