import { useEffect, useEffectEvent, useState } from "react";
import { Drawer } from "../ui/drawer";
import "./keyboard-shortcuts.css";
import { isTyping } from "../ui/is-typing";

const shortcuts: readonly [keys: string, what: string][] = [
  ["/", "Type a query (the query bar)"],
  ["j / ↓", "Next row of the table"],
  ["k / ↑", "Previous row"],
  ["Enter", "Open the row's event"],
  ["Esc", "Close the event, a dialog or the suggestions"],
  ["?", "This list"],
];

/** A table's rows, or on a phone the cards that stand for them. */
const openers = "main tbody tr[tabindex='0'], main .event-card[tabindex='0']";

/**
 * The shortcuts that work anywhere outside a text field: `?` lists them, `j` (or `k`) steps into the table's
 * rows (or cards) from wherever focus is; the rows themselves take j/k/arrows/Enter (open-on-activate.ts) and
 * the query bar `/`.
 */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (event.key === "?") {
      event.preventDefault();
      setOpen(true);
    } else if (
      (event.key === "j" || event.key === "k") &&
      !(event.target instanceof Element && event.target.matches(openers))
    ) {
      const rows = document.querySelectorAll<HTMLElement>(openers);
      const row = event.key === "j" ? rows[0] : rows[rows.length - 1];
      if (row) {
        event.preventDefault();
        row.focus();
      }
    }
  });
  useEffect(() => {
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
    };
  }, []);

  return (
    <Drawer
      open={open}
      placement="centre"
      title="Keyboard shortcuts"
      onClose={() => {
        setOpen(false);
      }}
    >
      <dl className="shortcut-list">
        {shortcuts.map(([keys, what]) => (
          <div key={keys} className="shortcut">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Drawer>
  );
}
