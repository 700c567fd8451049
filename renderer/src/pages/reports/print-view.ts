import { useEffect, useState } from 'react';

/** Puts the print page's markup and stylesheet in the element's shadow root, away from the app's styles. */
export function renderIntoShadow(el: HTMLElement, css: string, html: string): ShadowRoot {
  const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>${css}</style>${html}`;
  return root;
}

/** The value once it has stopped changing for `ms` (typing changes content on every key). */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
