/** Chart styling shared by the screen and the printed report. */

/** The bundled CJK font first, so charts look the same everywhere and print with an embedded font. */
export const CHART_FONT_FAMILY = '"Noto Sans SC", "Noto Serif SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** A palette readable on screen and in black-and-white print. */
export const PALETTE = ['#1f5fa8', '#c23b22', '#2f8f4e', '#d48806', '#6b4fa1', '#0e8a8a', '#8c5a2b', '#c2185b', '#546e7a', '#7cb342', '#00838f', '#ad1457', '#5d4037', '#455a64'];

export type ChartStyle = 'screen' | 'print';
