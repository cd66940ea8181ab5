import { Skeleton } from "../ui/states";

export function LoadingScreen() {
  return (
    <div className="loading-screen" role="status">
      <span className="visually-hidden">Loading…</span>
      <Skeleton width="180px" height={14} />
      <Skeleton width="260px" height={10} />
    </div>
  );
}
