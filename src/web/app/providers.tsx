import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { getSession, subscribeSession } from "../api/session";
import { ToastRegion } from "../ui/toast";
import { createQueryClient } from "./query-client";

/** Query client, toasts, and forgetting every cached answer when the session ends (the next user may differ). */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
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
