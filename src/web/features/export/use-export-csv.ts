import { useCallback, useEffect, useRef, useState } from "react";
import { exportCsv, type ExportProgress, type ExportResult } from "./export-csv";
import { saveFile } from "./save-file";

export type ExportState =
  | { status: "idle" }
  | { status: "running"; progress: ExportProgress }
  | { status: "done"; result: Omit<ExportResult, "blob"> }
  | { status: "cancelled" }
  | { status: "failed"; error: unknown };

export type ExportJob = {
  path: string;
  sort: string | undefined;
  q: string | undefined;
  bom: boolean;
  fallbackFileName: string;
  /** The count the button showed, for the progress bar until the server's own arrives. */
  total: number | undefined;
};

/** Runs one export at a time, saves the file when it completes, and aborts it on cancel or unmount. */
export function useExportCsv() {
  const [state, setState] = useState<ExportState>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      controller.current?.abort();
    },
    [],
  );

  const start = useCallback((job: ExportJob) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: "running", progress: { rows: 0, total: job.total } });
    exportCsv(
      job.path,
      { sort: job.sort, q: job.q },
      {
        signal: abort.signal,
        bom: job.bom,
        fallbackFileName: job.fallbackFileName,
        onProgress: ({ rows, total }) => {
          if (!abort.signal.aborted)
            setState({ status: "running", progress: { rows, total: total ?? job.total } });
        },
      },
    ).then(
      ({ blob, ...result }) => {
        if (abort.signal.aborted) return;
        saveFile(blob, result.fileName);
        setState({ status: "done", result });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setState({ status: "failed", error });
      },
    );
  }, []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ status: "cancelled" });
  }, []);

  return { state, start, cancel };
}
