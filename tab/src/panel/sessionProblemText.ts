import { messageOf } from '../api/http.js';
import type { SessionProblem } from '../host/session.js';
import type { SignInProblem } from '../host/ssoProblem.js';
import type { Translate } from '../i18n/useT.js';

/** Words a person can act on for a failed sign-in; Teams' own code stays in the text for whoever helps them. */
function signInText(problem: SignInProblem, t: Translate): string {
  if (problem.kind === 'rejected') return t('panel.signIn.rejected', { message: problem.message });
  const reason = problem.reason || t('panel.signIn.noReason');
  if (problem.kind === 'consent') return t('panel.signIn.consent', { reason });
  if (problem.kind === 'notSetUp') return t('panel.signIn.notSetUp', { reason });
  return t('panel.signIn.failed', { reason });
}

/** Why the panel could not open, in the panel's language. */
export function sessionProblemText(problem: SessionProblem, t: Translate): string {
  switch (problem.kind) {
    case 'unknownDevRole':
      return t('panel.session.unknownDevRole', { role: problem.role });
    case 'devRoleMissing':
      return t('panel.session.devRoleMissing', { role: problem.role });
    case 'devUnavailable':
      return t('panel.session.devUnavailable', { reason: messageOf(problem.error) });
    case 'signIn':
      return signInText(problem.signIn, t);
    case 'error':
      return messageOf(problem.error);
  }
}
