import type { Handlers } from '../../../shared/api/dispatch';

export interface AppHandlerDeps {
  version: string;
  transport: 'electron' | 'browser';
}

export function appHandlers({ version, transport }: AppHandlerDeps): Pick<Handlers, 'app.info'> {
  return { 'app.info': () => ({ version, transport }) };
}
