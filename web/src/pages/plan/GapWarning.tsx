import type { ReactElement } from 'react';
import { Alert } from '../../components/Alert.js';

/** A small warning placed right next to the part of the plan that is missing something. */
export function GapWarning({ children }: { children: string }): ReactElement {
  return (
    <Alert variant="warning" className="samspil-gap">
      {children}
    </Alert>
  );
}
