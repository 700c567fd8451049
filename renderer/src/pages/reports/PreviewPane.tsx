import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import { useEffect, useRef, useState } from 'react';
import type { Block } from '../../../../shared/reports/model';
import { useApi } from '../../api/client';
import { QueryState } from '../../components/QueryState';

/**
 * The live preview: the print page's own body and stylesheet from main, in a shadow root so the
 * app's styles do not leak in. Only the pagination is the printer's.
 */
export function PreviewPane({ id, content, version }: { id: number; content?: Block[]; version?: number }) {
  // Typing changes the content on every key; the page is rebuilt (charts included) once typing pauses.
  const [shown, setShown] = useState(content);
  useEffect(() => {
    const timer = setTimeout(() => setShown(content), 600);
    return () => clearTimeout(timer);
  }, [content]);
  const q = useApi('report.preview', { id, ...(shown ? { content: shown } : {}), ...(version ? { version } : {}) }, { placeholderData: (prev) => prev });
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || !q.data) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${q.data.css}</style>${q.data.html}`;
  }, [q.data]);
  return (
    <div style={{ background: '#e9ebee', padding: 16, overflow: 'auto' }}>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      <div ref={host} data-testid="report-preview" />
    </div>
  );
}
