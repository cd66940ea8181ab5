import { useCallback, useState } from "react";

/** A ref callback and the width (px, border box) of the element it is on, kept current as it resizes. */
export function useElementWidth(): [
  (element: Element | null) => (() => void) | undefined,
  number | undefined,
] {
  const [width, setWidth] = useState<number>();
  const ref = useCallback((element: Element | null) => {
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.borderBoxSize[0];
      if (box) setWidth(Math.round(box.inlineSize));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, []);
  return [ref, width];
}
