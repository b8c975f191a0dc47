/**
 * Whether an error means the database cannot be used right now (down, restarting, unreachable,
 * out of connections or out of disk) rather than that the request or the code is wrong. Such
 * errors are answered with 503 and Retry-After; the pool connects afresh once it is back.
 */
export function databaseUnavailable(error: unknown): 'unreachable' | 'disk-full' | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code === '53100') return 'disk-full';
    // SQLSTATE class 08 (connection exception), 57P01–57P03 (shut down, crashed, starting up),
    // 53300 (too many connections); Node's network errors.
    if (/^08/.test(code) || /^57P0[123]$/.test(code) || code === '53300') return 'unreachable';
    if (
      ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(
        code,
      )
    )
      return 'unreachable';
  }
  // node-postgres's own errors carry no code.
  if (
    /^Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
      error.message,
    )
  )
    return 'unreachable';
  return null;
}
