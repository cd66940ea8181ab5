import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { getSession, subscribeSession } from "../api/session";
import { ToastRegion } from "../ui/toast";

/** Query client, toasts, and forgetting every cached answer when the session ends (the next user may differ). */
export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  useEffect(
    () =>
      subscribeSession(() => {
        if (getSession().status === "signed-out") queryClient.clear();
      }),
    [queryClient],
  );
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      <ToastRegion />
    </QueryClientProvider>
  );
}
