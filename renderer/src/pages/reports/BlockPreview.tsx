import { useEffect, useRef } from 'react';
import type { Block } from '../../../../shared/reports/model';
import { useApi } from '../../api/client';
import { renderIntoShadow, useSettled } from './print-view';

/** A block as it prints (a table, the climate index), on the report's pinned data, below its settings. */
export function BlockPreview({ id, block }: { id: number; block: Block }) {
  // Settings change on every key stroke in a caption; the block is rebuilt when they settle.
  const shown = useSettled(block, 500);
  const q = useApi('report.blockPreview', { id, block: shown }, { placeholderData: (prev) => prev });
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || !q.data) return;
    renderIntoShadow(el, q.data.css, q.data.html);
  }, [q.data]);
  return <div ref={host} data-testid={`block-preview-${block.id}`} style={{ maxHeight: 520, overflow: 'auto' }} />;
}
