import { logout } from "../../api/session";
import { errorMessage } from "../../ui/states";
import { clockTime } from "./clock-time";
import { useSession } from "./use-session";
import "./sign-out.css";

function useSignOutAttempt() {
  const session = useSession();
  return session.status === "signed-in" ? session.signOut : undefined;
}

export function SignOutButton() {
  const attempt = useSignOutAttempt();
  return (
    <button type="button" className="button button-small" onClick={() => void logout()}>
      {attempt?.sending ? "Signing out…" : "Sign out"}
    </button>
  );
}

/**
 * After a sign-out the server did not confirm: the session is still active, why, and when it is tried again.
 * Only the headline and the reason are announced; the retry time changes with every attempt.
 */
export function SignOutFailedNotice() {
  const attempt = useSignOutAttempt();
  const failure = attempt?.failure;
  if (!failure) return null;
  return (
    <div className="sign-out-failed">
      <div role="alert">
        <p className="sign-out-failed-title">Not signed out</p>
        <p>You are still signed in: the server has not ended this session. {errorMessage(failure.error)}</p>
      </div>
      <p className="muted">
        {attempt.sending
          ? "Trying again…"
          : failure.retryAt === undefined
            ? "Sign out again once the problem is solved."
            : `Trying again at ${clockTime(failure.retryAt)}.`}
      </p>
      <button type="button" className="button button-small" onClick={() => void logout()}>
        Retry sign-out
      </button>
    </div>
  );
}
