/** An error's message, for a log line or a user-facing one (thrown values need not be Errors). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
