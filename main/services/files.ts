import { AppError } from '../../shared/api/errors';
import type { HandlersFor, ServiceContext } from './types';

/** Dialog-backed handlers exist only where the host provides dialogs (Electron). */
export function filesHandlers(ctx: ServiceContext): HandlersFor<'file.choose' | 'file.save'> {
  const unsupported = (what: string) =>
    new AppError('common.unsupported_here', `${what} needs the desktop app; browser mode uses uploads and downloads`, { what });
  return {
    'file.choose': async ({ filters }) => {
      if (!ctx.host.chooseFile) throw unsupported('file.choose');
      const path = await ctx.host.chooseFile(filters);
      return path ? ctx.files.register(path) : null;
    },
    'file.save': async (file) => {
      if (!ctx.host.saveFile) throw unsupported('file.save');
      const bytes = file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content, 'utf8');
      return { path: await ctx.host.saveFile(file.fileName, bytes) };
    },
  };
}
