/** Frees a taken slot; calling it again does nothing. */
export type Release = () => void;

/** How many live streams each user has open, at most `perUser`. */
export function streamSlots(perUser: number) {
  const open = new Map<number, number>();
  return {
    /** A slot for one more of the user's streams, or undefined when the user holds them all. */
    take(userId: number): Release | undefined {
      const count = open.get(userId) ?? 0;
      if (count >= perUser) return undefined;
      open.set(userId, count + 1);
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        const left = (open.get(userId) ?? 1) - 1;
        if (left === 0) open.delete(userId);
        else open.set(userId, left);
      };
    },
  };
}
