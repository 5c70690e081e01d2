import { describe, expect, it } from 'vitest';
import {
  csvFileName,
  durationText,
  hoursText,
  indexText,
  npsText,
  percentText,
  scoreText,
  shortDate,
  weekLabel,
  withBom,
} from './format';

describe('numbers', () => {
  it('shows the index in whole points and a dash when there is none', () => {
    expect(indexText(823.4)).toBe('823');
    expect(indexText(null)).toBe('—');
  });

  it('gives NPS its sign', () => {
    expect(npsText(35.24)).toBe('+35.2');
    expect(npsText(-8)).toBe('-8');
    expect(npsText(0)).toBe('0');
    expect(npsText(null)).toBe('—');
  });

  it('writes shares as percentages and scores with one decimal', () => {
    expect(percentText(0.625)).toBe('62.5%');
    expect(percentText(1)).toBe('100%');
    expect(percentText(null)).toBe('—');
    expect(scoreText(87.25)).toBe('87.3');
    expect(scoreText(100)).toBe('100.0');
  });
});

describe('durations', () => {
  it('reads minutes, hours and days', () => {
    expect(durationText(45 * 60_000)).toBe('45 分钟');
    expect(durationText(3 * 3_600_000)).toBe('3 小时');
    expect(durationText(3 * 3_600_000 + 20 * 60_000)).toBe('3 小时 20 分');
    expect(durationText(52 * 3_600_000)).toBe('2 天 4 小时');
    expect(durationText(-90 * 60_000)).toBe('1 小时 30 分');
  });

  it('reads the median time to answer given in hours', () => {
    expect(hoursText(0.5)).toBe('30 分钟');
    expect(hoursText(5.54)).toBe('5.5 小时');
    expect(hoursText(60)).toBe('2.5 天');
    expect(hoursText(null)).toBe('—');
  });
});

describe('dates', () => {
  it('labels weeks and dates without a time zone', () => {
    expect(weekLabel('2025-11-17')).toBe('11/17');
    expect(shortDate('2025-08-01')).toBe('8月1日');
  });
});

describe('csv export', () => {
  it('names the file in Chinese after the survey, store and period', () => {
    expect(csvFileName('sales_csi', '2025-08-01', '2025-10-29', '星河汽车城店')).toBe(
      '满意度答卷_购车满意度调查_星河汽车城店_20250801-20251029.csv',
    );
    expect(csvFileName('test_drive_feedback', '2025-08-01', '2025-10-29', null)).toBe(
      '满意度答卷_试乘试驾意见表_全部门店_20250801-20251029.csv',
    );
  });

  it('drops characters a file name may not hold', () => {
    expect(csvFileName('service_ssi', '2025-01-01', '2025-01-31', 'A/B: 店 "1"')).toBe(
      '满意度答卷_售后服务满意度调查_AB店1_20250101-20250131.csv',
    );
  });

  it('puts back the byte-order mark fetch strips, once', () => {
    expect(withBom('a,b\n')).toBe('\uFEFFa,b\n');
    expect(withBom('\uFEFFa,b\n')).toBe('\uFEFFa,b\n');
  });
});
