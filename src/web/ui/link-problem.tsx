import type { ListProblem } from "../app/list-search";

const fixes: Record<string, string> = {
  q: "Clear the filters",
  sort: "Use the default order",
  page: "Go to the first page",
  per_page: "Use the default page size",
};

/**
 * In place of a list whose URL the contract refuses (`?q=garbage`, `?sort=bogus`, `?per_page=5000`, a repeated
 * parameter): the contract's message, and a way to drop the parameter at fault. Nothing is listed meanwhile,
 * so an unfiltered list never shows under a filtered URL.
 */
export function LinkProblem({ problem, onDrop }: { problem: ListProblem; onDrop: (param: string) => void }) {
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">This link asks for something the list cannot show</p>
      <p className="state-body">
        <code>{problem.param}</code>: {problem.message.replace(new RegExp(`^${problem.param}:\\s*`), "")}
      </p>
      <div className="state-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            onDrop(problem.param);
          }}
        >
          {fixes[problem.param] ?? `Remove ${problem.param}`}
        </button>
      </div>
    </div>
  );
}
