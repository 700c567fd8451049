import { ReportEditor } from './ReportEditor';
import { ReportList } from './ReportList';

/** `#/reports` lists reports; `#/reports?id=N` opens one in the editor. */
export function ReportsPage({ id, navigate }: { id: number | null; navigate: (page: string, params?: Record<string, string>) => void }) {
  return id ? <ReportEditor key={id} id={id} navigate={navigate} /> : <ReportList navigate={navigate} />;
}
