import { createContext, useContext } from 'react';
import type { BindingView, MovedBinding } from '../../../../shared/api/reports';
import type { Indicator } from '../../../../shared/domain/types';

export interface ReportEditorContext {
  /** Resolved bindings of the report, by binding key. */
  bindings: Record<string, BindingView>;
  /** Bindings that move when the report is re-pinned, by key (highlighted until accepted). */
  moved: Record<string, MovedBinding>;
  indicators: Map<string, Indicator>;
}

export const EditorContext = createContext<ReportEditorContext>({ bindings: {}, moved: {}, indicators: new Map() });
export const useReportEditor = () => useContext(EditorContext);
