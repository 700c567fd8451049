/** The native application menu, in the UI language. */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/domain/types';

const LABELS = {
  'zh-CN': { file: '文件', quit: '退出', edit: '编辑', undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴', selectAll: '全选', view: '视图', reload: '重新加载', zoomIn: '放大', zoomOut: '缩小', resetZoom: '实际大小', fullscreen: '全屏', window: '窗口', minimize: '最小化', close: '关闭', help: '帮助', about: '关于就业监测分析工作站' },
  'en-US': { file: 'File', quit: 'Quit', edit: 'Edit', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All', view: 'View', reload: 'Reload', zoomIn: 'Zoom In', zoomOut: 'Zoom Out', resetZoom: 'Actual Size', fullscreen: 'Toggle Full Screen', window: 'Window', minimize: 'Minimize', close: 'Close', help: 'Help', about: 'About Employment Monitoring Workstation' },
} as const;

export function buildMenu(locale: Locale, onAbout: (win: BrowserWindow | undefined) => void): Menu {
  const l = LABELS[locale];
  const template: MenuItemConstructorOptions[] = [
    { label: l.file, submenu: [{ role: 'quit', label: l.quit }] },
    {
      label: l.edit,
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        { type: 'separator' },
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        { role: 'selectAll', label: l.selectAll },
      ],
    },
    {
      label: l.view,
      submenu: [
        { role: 'reload', label: l.reload },
        { type: 'separator' },
        { role: 'resetZoom', label: l.resetZoom },
        { role: 'zoomIn', label: l.zoomIn },
        { role: 'zoomOut', label: l.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: l.fullscreen },
      ],
    },
    { label: l.window, submenu: [{ role: 'minimize', label: l.minimize }, { role: 'close', label: l.close }] },
    { label: l.help, submenu: [{ label: l.about, click: (_item, win) => onAbout(win as BrowserWindow | undefined) }] },
  ];
  return Menu.buildFromTemplate(template);
}
