export { CaseloadPage } from './caseload-page.js';
export { InboxPage } from './inbox-page.js';
export { LoginPage } from './login-page.js';
export { MyPathwayPage } from './my-pathway-page.js';
export { PlanPage } from './plan-page.js';
export { FollowUpPage } from './follow-up-page.js';
