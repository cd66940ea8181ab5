import { useId, useState, type SubmitEvent } from "react";
import { Navigate, useSearchParams } from "react-router";
import { isApiError } from "../../api/api-error";
import { login } from "../../api/session";
import { LoadingScreen } from "../../app/loading-screen";
import { errorMessage } from "../../ui/states";
import { useDocumentTitle } from "../../ui/use-document-title";
import { clockTime } from "./clock-time";
import { safeNextPath } from "./next-path";
import { useSession } from "./use-session";
import "./login-page.css";

/** `/login` — sign in, then go back to `next` (a path on this origin). */
export function Component() {
  useDocumentTitle("Sign in");
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const ids = useId();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; retryAt: string | undefined }>();

  if (session.status === "signed-in") return <Navigate to={next} replace />;
  if (session.status === "restoring") return <LoadingScreen />;

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setFailure(undefined);
    try {
      await login(formText(form, "username"), formText(form, "password"));
    } catch (error) {
      setFailure({ error, retryAt: retryTime(error) });
      setPending(false);
    }
  }

  return (
    <main className="login" id="main">
      <form className="login-card" onSubmit={(event) => void submit(event)} aria-labelledby={`${ids}-title`}>
        <h1 id={`${ids}-title`}>
          <span className="login-brand">EventDesk</span> Sign in
        </h1>
        {session.reason === "expired" && !failure ? (
          <p className="login-notice" role="status">
            Your session has ended. Sign in again to continue.
          </p>
        ) : null}
        {session.reason === "signed-out" && !failure ? (
          <p className="login-notice" role="status">
            You have signed out; the server has ended your session.
          </p>
        ) : null}
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-username`}>
            Username
          </label>
          <input
            id={`${ids}-username`}
            className="input"
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            required
            autoFocus
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-password`}>
            Password
          </label>
          <input
            id={`${ids}-password`}
            className="input"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
        {failure ? (
          <div className="login-error" role="alert">
            <p>{errorMessage(failure.error)}</p>
            {failure.retryAt ? <p>You can try again at {failure.retryAt}.</p> : null}
          </div>
        ) : null}
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}

function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** For a 429: the local time at which `Retry-After` runs out. */
function retryTime(error: unknown): string | undefined {
  if (!isApiError(error, "too_many_requests") || error.retryAfterSeconds === undefined) return undefined;
  return clockTime(Date.now() + error.retryAfterSeconds * 1000);
}
