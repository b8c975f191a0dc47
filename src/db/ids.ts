import { v7 } from 'uuid';

/** A new time-ordered id (UUID v7), the id of every row Samspil creates. */
export function newId(): string {
  return v7();
}
