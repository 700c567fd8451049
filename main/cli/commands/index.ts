import type { CliCommand } from '../command';
import { demoCommand } from './demo';
import { indexCommand } from './index-command';
import { infoCommand } from './info';
import { serveCommand } from './serve';
import { stlCommand } from './stl';
import { xcorrCommand } from './xcorr';

/** Every CLI command. */
export const COMMANDS: CliCommand[] = [serveCommand, demoCommand, infoCommand, stlCommand, indexCommand, xcorrCommand];
