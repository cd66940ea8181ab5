import type { KeyboardEvent, MouseEvent } from "react";

/**
 * Rows and cards that open a detail: a click opens unless it was meant for a control inside, or ended a text
 * selection; Enter or Space opens; ↓/j and ↑/k move focus to the next or previous sibling.
 */

export function isOwnClick(event: MouseEvent<HTMLElement>): boolean {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest("a, button, input, select, textarea, label")) return true;
  return (window.getSelection()?.toString() ?? "") !== "";
}

export function openerKeyDown(event: KeyboardEvent<HTMLElement>, open: () => void): void {
  if (event.target !== event.currentTarget) return;
  if (event.key === "Enter" || event.key === " ") {
    event.preventDefault();
    open();
  } else if (["ArrowDown", "ArrowUp", "j", "k"].includes(event.key)) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const sibling =
      event.key === "ArrowDown" || event.key === "j"
        ? event.currentTarget.nextElementSibling
        : event.currentTarget.previousElementSibling;
    if (sibling instanceof HTMLElement) {
      event.preventDefault();
      sibling.focus();
    }
  }
}
