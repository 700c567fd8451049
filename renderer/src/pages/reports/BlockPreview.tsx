import { useEffect, useRef, useState } from 'react';
import type { Block } from '../../../../shared/reports/model';
import { useApi } from '../../api/client';

/** A block as it prints (a table, the climate index), on the report's pinned data, below its settings. */
export function BlockPreview({ id, block }: { id: number; block: Block }) {
  // Settings change on every key stroke in a caption; the block is rebuilt when they settle.
  const [shown, setShown] = useState(block);
  useEffect(() => {
    const timer = setTimeout(() => setShown(block), 500);
    return () => clearTimeout(timer);
  }, [block]);
  const q = useApi('report.blockPreview', { id, block: shown }, { placeholderData: (prev) => prev });
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || !q.data) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${q.data.css}</style>${q.data.html}`;
  }, [q.data]);
  return <div ref={host} data-testid={`block-preview-${block.id}`} style={{ maxHeight: 520, overflow: 'auto' }} />;
}
