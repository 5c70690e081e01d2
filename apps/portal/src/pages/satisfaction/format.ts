import { SURVEY_KIND_LABEL_ZH, type SurveyKind } from '@dealer-care/domain';

const NONE = '—';

/** The 1,000-point index, whole points. */
export function indexText(index: number | null | undefined): string {
  return index === null || index === undefined ? NONE : String(Math.round(index));
}

/** NPS with its sign, one decimal at most: "+35.2", "-8", "0". */
export function npsText(nps: number | null | undefined): string {
  if (nps === null || nps === undefined) return NONE;
  const rounded = Math.round(nps * 10) / 10;
  if (rounded === 0) return '0';
  return `${rounded > 0 ? '+' : ''}${rounded}`;
}

/** A 0–1 share as a percentage, one decimal at most: "62.5%". */
export function percentText(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return NONE;
  return `${Math.round(rate * 1000) / 10}%`;
}

/** A 0–100 score, one decimal. */
export function scoreText(score: number | null | undefined): string {
  return score === null || score === undefined ? NONE : (Math.round(score * 10) / 10).toFixed(1);
}

/** A span in words, to the minute: "45 分钟", "3 小时 20 分", "2 天 4 小时". */
export function durationText(ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分`;
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours === 0 ? `${days} 天` : `${days} 天 ${restHours} 小时`;
}

/** The median time to answer, given in hours: "45 分钟", "5.5 小时", "2.3 天". */
export function hoursText(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return NONE;
  if (hours < 1) return `${Math.round(hours * 60)} 分钟`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} 小时`;
  return `${Math.round((hours / 24) * 10) / 10} 天`;
}

/** "2025-11-17" → "11/17", a week (its Monday) on a chart axis. */
export function weekLabel(week: string): string {
  const [, m, d] = week.split('-').map(Number) as [number, number, number];
  return `${m}/${d}`;
}

/** "2025-08-01" → "8月1日". */
export function shortDate(date: string): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${m}月${d}日`;
}

/** Characters Windows, macOS or a browser refuse in a file name. */
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\s]+/g;

/** "满意度答卷_购车满意度调查_星河汽车城店_20250801-20251029.csv". */
export function csvFileName(kind: SurveyKind, from: string, to: string, storeName: string | null): string {
  const parts = ['满意度答卷', SURVEY_KIND_LABEL_ZH[kind], storeName ?? '全部门店'];
  const name = parts.map((part) => part.replace(UNSAFE_IN_FILE_NAME, '')).join('_');
  return `${name}_${from.replaceAll('-', '')}-${to.replaceAll('-', '')}.csv`;
}

const BOM = '\uFEFF';

/**
 * The CSV text as Excel opens it correctly: with the UTF-8 byte-order mark the server sends,
 * which `fetch` strips while decoding.
 */
export function withBom(text: string): string {
  return text.startsWith(BOM) ? text : `${BOM}${text}`;
}

/** Saves text as a download in the browser. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
