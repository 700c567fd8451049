/**
 * Re-pinning: which bindings read differently in a newer snapshot state. A binding moves when its
 * text, its number or the value behind it changes; a revision that leaves every shown figure the
 * same still counts when the value behind it moved (the hover would differ).
 */
export interface ResolvedLike {
  text: string;
  value: number | null;
  current: number | null;
}

/**
 * Keys of the bindings that move from `before` to `after`, in the order given.
 * @example movedKeys(['a', 'b'], { a: { text: '5.2%', value: 5.2, current: 5.2 }, b: x }, { a: { text: '5.4%', value: 5.4, current: 5.4 }, b: x }) // ['a']
 */
export function movedKeys(keys: readonly string[], before: Readonly<Record<string, ResolvedLike>>, after: Readonly<Record<string, ResolvedLike>>): string[] {
  return keys.filter((k) => {
    const a = before[k];
    const b = after[k];
    if (!a || !b) return a !== b;
    return a.text !== b.text || a.value !== b.value || a.current !== b.current;
  });
}
