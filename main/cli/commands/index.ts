import type { CliCommand } from '../command';
import { demoCommand } from './demo';
import { infoCommand } from './info';
import { serveCommand } from './serve';

/** Every CLI command. */
export const COMMANDS: CliCommand[] = [serveCommand, demoCommand, infoCommand];
