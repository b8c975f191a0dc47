import type { ReactElement } from 'react';
import { ErrorAlert } from './ErrorAlert.js';
import { Loading } from './Loading.js';

interface QueryLike {
  isPending: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

/** While a query loads, a spinner; if it failed, the error with a retry. Nothing once it has data. */
export function QueryStatus({ query }: { query: QueryLike }): ReactElement {
  return (
    <>
      {query.isPending ? <Loading /> : null}
      {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
    </>
  );
}
