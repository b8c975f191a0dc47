import type { LineError } from '../../domain/analytics/cost-csv.js';
import { Problem } from '../problem.js';

/** The import result as the API shows it. */
export function presentImport(result: {
  id: string;
  lines: number;
  amountOre: number;
  alreadyImported: boolean;
}) {
  return {
    id: result.id,
    lines: result.lines,
    amountOre: result.amountOre,
    alreadyImported: result.alreadyImported,
  };
}

/**
 * A file with wrong lines: 422 problem details, one error per wrong field (`line N: column`),
 * and the same as `lines` for programs. Nothing was stored.
 */
export function invalidFileProblem(errors: readonly LineError[], errorCount: number): Problem {
  const shown = errors.length < errorCount ? ` (the first ${errors.length} are listed)` : '';
  const problem = new Problem(
    422,
    'The cost file has errors',
    `${errorCount} error${errorCount === 1 ? '' : 's'} in the file${shown}; nothing was imported. Correct the lines and import the whole file again.`,
    errors.map((error) => ({ field: `line ${error.line}: ${error.column}`, message: error.message })),
  );
  problem.extensions = { errorCount, lines: errors };
  return problem;
}
