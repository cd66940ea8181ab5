import type { StatementCache } from "./statement-cache";

const maxTrigrams = 10_000;
/** A remembered count is read again after this long, so a trigram that grows common is seen as such. */
const freshForMs = 10 * 60 * 1000;

export type TrigramDocuments = {
  /** About how many events hold `trigram` in their description. */
  documents: (trigram: string) => number;
  /** After a seed replaced the events wholesale. */
  forget: () => void;
};

/**
 * How many events hold each trigram, remembered. fts5vocab reads a trigram's whole list to count it (40–90 ms
 * for a common one at 10M events, and a value of seven letters has five), while the counts only rank a
 * value's trigrams (see `descriptionMatch`): a count a few minutes old ranks them about as well, and a poor
 * ranking costs time, never a wrong answer.
 */
export function trigramDocuments(statement: StatementCache): TrigramDocuments {
  const known = new Map<string, { documents: number; readAt: number }>();
  return {
    documents(trigram) {
      const term = trigram.toLowerCase();
      const now = performance.now();
      const remembered = known.get(term);
      if (remembered && now - remembered.readAt < freshForMs) return remembered.documents;
      const read: unknown = statement("SELECT doc FROM events_fts_vocab WHERE term = ?").pluck().get(term);
      const documents = typeof read === "number" ? read : 0;
      if (known.size >= maxTrigrams) known.clear();
      known.set(term, { documents, readAt: now });
      return documents;
    },
    forget: () => {
      known.clear();
    },
  };
}
