import type { CliCommand } from '../command';
import { demoCommand } from './demo';
import { importCommand } from './import';
import { indexCommand } from './index-command';
import { infoCommand } from './info';
import { packageCommand } from './package';
import { provenanceCommand } from './provenance';
import { reportCommand } from './report';
import { serveCommand } from './serve';
import { snapshotsCommand } from './snapshots';
import { stlCommand } from './stl';
import { xcorrCommand } from './xcorr';
import { creditCodeCommand } from './credit-code';
import { enterprisesCommand } from './enterprises';
import { ledgerCommand } from './ledger';
import { warningsCommand } from './warnings';

/** Every CLI command. */
export const COMMANDS: CliCommand[] = [serveCommand, demoCommand, infoCommand, stlCommand, indexCommand, xcorrCommand, importCommand, snapshotsCommand, provenanceCommand, packageCommand, creditCodeCommand, warningsCommand, ledgerCommand, enterprisesCommand, reportCommand];
