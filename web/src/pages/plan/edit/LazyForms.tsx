import { type ComponentProps, lazy, type ReactElement, Suspense } from 'react';
import { Loading } from '../../../components/Loading.js';

/*
 * The edit forms (and Zod, which validates them) are loaded when a form is first opened, not
 * with the plan page: reading a plan is what must be fast, and most visits only read.
 */
const GoalFormLazy = lazy(() => import('./GoalForm.js').then((module) => ({ default: module.GoalForm })));
const SubGoalFormLazy = lazy(() =>
  import('./SubGoalForm.js').then((module) => ({ default: module.SubGoalForm })),
);
const InterventionFormLazy = lazy(() =>
  import('./InterventionForm.js').then((module) => ({ default: module.InterventionForm })),
);
const EndFormLazy = lazy(() => import('./EndForm.js').then((module) => ({ default: module.EndForm })));
const TeamMemberFormLazy = lazy(() =>
  import('./TeamMemberForm.js').then((module) => ({ default: module.TeamMemberForm })),
);
const PathwayFormLazy = lazy(() =>
  import('./PathwayForm.js').then((module) => ({ default: module.PathwayForm })),
);
const PathwayEndFormLazy = lazy(() =>
  import('./PathwayEndForm.js').then((module) => ({ default: module.PathwayEndForm })),
);
const StageFormLazy = lazy(() => import('./StageForm.js').then((module) => ({ default: module.StageForm })));
const ProposalFormLazy = lazy(() =>
  import('./ProposalForm.js').then((module) => ({ default: module.ProposalForm })),
);
const CoordinatorFormLazy = lazy(() =>
  import('./CoordinatorForm.js').then((module) => ({ default: module.CoordinatorForm })),
);

export function GoalForm(props: ComponentProps<typeof GoalFormLazy>): ReactElement {
  return (
    <Suspense fallback={<Loading />}>
      <GoalFormLazy {...props} />
    </Suspense>
  );
}

export function SubGoalForm(props: ComponentProps<typeof SubGoalFormLazy>): ReactElement {
  return (
    <Suspense fallback={<Loading />}>
      <SubGoalFormLazy {...props} />
    </Suspense>
  );
}

export function InterventionForm(props: ComponentProps<typeof InterventionFormLazy>): ReactElement {
  return (
    <Suspense fallback={<Loading />}>
      <InterventionFormLazy {...props} />
    </Suspense>
  );
}

export function EndForm(props: ComponentProps<typeof EndFormLazy>): ReactElement {
  return (
    <Suspense fallback={<Loading />}>
      <EndFormLazy {...props} />
    </Suspense>
  );
}

export function TeamMemberForm(props: ComponentProps<typeof TeamMemberFormLazy>): ReactElement {
  return (
    <Suspense fallback={<Loading />}>
      <TeamMemberFormLazy {...props} />
    </Suspense>
  );
}

export function CoordinatorForm(props: ComponentProps<typeof CoordinatorFormLazy>): ReactElement {
  return (
    <Suspense fallback={<Loading />}>
      <CoordinatorFormLazy {...props} />
    </Suspense>
  );
}

export function PathwayForm(props: ComponentProps<typeof PathwayFormLazy>): ReactElement {
  return (
    <Suspense fallback={<Loading />}>
      <PathwayFormLazy {...props} />
    </Suspense>
  );
}

export function ProposalForm(props: ComponentProps<typeof ProposalFormLazy>): ReactElement {
  return (
    <Suspense fallback={<Loading />}>
      <ProposalFormLazy {...props} />
    </Suspense>
  );
}

export function StageForm(props: ComponentProps<typeof StageFormLazy>): ReactElement {
  return (
    <Suspense fallback={<Loading />}>
      <StageFormLazy {...props} />
    </Suspense>
  );
}

export function PathwayEndForm(props: ComponentProps<typeof PathwayEndFormLazy>): ReactElement {
  return (
    <Suspense fallback={<Loading />}>
      <PathwayEndFormLazy {...props} />
    </Suspense>
  );
}
