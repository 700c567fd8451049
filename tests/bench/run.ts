/**
 * `npm run bench`: every benchmark, one JSON line per figure. Pass names to run a subset:
 * `npm run bench -- series ui`.
 */
import { benchCompositeIndex, benchStl } from './analytics.bench';
import { benchReports } from './reports.bench';
import { benchDemoGeneration, benchFirstOverview, benchSeriesQueries } from './skeleton.bench';
import { benchImportCsv, benchImportXlsx, benchVintageQueries } from './import.bench';
import { benchWarnings } from './warnings.bench';

const BENCHES: Record<string, () => Promise<void>> = {
  demo: benchDemoGeneration,
  ui: benchFirstOverview,
  series: benchSeriesQueries,
  index: benchCompositeIndex,
  stl: benchStl,
  'import-csv': benchImportCsv,
  'import-xlsx': benchImportXlsx,
  vintages: benchVintageQueries,
  warnings: benchWarnings,
  reports: benchReports,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const [name, run] of Object.entries(BENCHES)) {
  if (wanted.length && !wanted.includes(name)) continue;
  await run();
}
