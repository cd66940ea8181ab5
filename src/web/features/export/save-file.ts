/** Saves a Blob under `fileName` through an object URL and a temporary download link (no inline script, CSP-safe). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; revoke on the next tick so the browser has taken the URL.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}
