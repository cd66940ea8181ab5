/**
 * A modal side panel for details: `<Drawer open title="Event 123" onClose={…}>…</Drawer>`, optional `footer`.
 * Built on `<dialog>.showModal()`, so the page behind is inert; it is labelled by its title, focus moves into
 * it and Tab cycles inside it, Escape or a click on the backdrop asks `onClose`, and focus returns to the
 * element that had it when the drawer opened. A form inside marks the field to start in with `data-autofocus`.
 * `open` is controlled (keep it in the URL). `placement="centre"` shows it as a small dialog in the middle of
 * the screen instead, for a confirmation.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import "./drawer.css";

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Drawer({
  open,
  onClose,
  title,
  children,
  footer,
  placement = "side",
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  placement?: "side" | "centre";
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(
    () => () => {
      if (dialogRef.current?.open) {
        dialogRef.current.close();
        opener.current?.focus();
      }
    },
    [],
  );

  function trapTab(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== "Tab") return;
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>(focusable)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className={placement === "centre" ? "drawer drawer-centre" : "drawer"}
      aria-labelledby={titleId}
      aria-modal="true"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => {
        opener.current?.focus();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      onKeyDown={trapTab}
    >
      <div className="drawer-panel">
        <header className="drawer-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Close
          </button>
        </header>
        <div className="drawer-body">{children}</div>
        {footer ? <footer className="drawer-footer">{footer}</footer> : null}
      </div>
    </dialog>
  );
}
