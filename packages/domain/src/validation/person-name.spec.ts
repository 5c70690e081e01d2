import { describe, expect, it } from '@jest/globals';
import { PERSON_NAME_INVALID_MESSAGE, isPersonName, normalizePersonName } from './person-name.js';

describe('isPersonName', () => {
  it.each([
    '王伟',
    '李秀英',
    '欧阳娜娜',
    ' 张三 ',
    '阿依古丽·买买提',
    '爱新觉罗·溥仪',
    '阿依古丽•买买提', // bullet typed instead of the middle dot
    '𠮷野家', // CJK Extension B character counts once
    'Li Wei',
    "O'Neil",
    'Jean-Luc Picard',
    'J. R. R. Tolkien',
    'Zoë Müller',
    'Al',
  ])('accepts %j', (input) => {
    expect(isPersonName(input)).toBe(true);
  });

  it.each([
    '',
    '王', // surname alone
    '  王  ',
    'A',
    '王小明1',
    '13812345678',
    '王@',
    '先生/女士',
    '·买买提',
    '阿依古丽·',
    '阿依古丽··买买提',
    '王Lily', // mixed scripts
    "O''Neil",
    'Li--Wei',
    '-Li',
    '张三！',
    '一二三四五六七八九十一二三四五六七八九十一', // 21 characters
    'Maximilian Alexander Schmidt', // 28 characters
  ])('refuses %j', (input) => {
    expect(isPersonName(input)).toBe(false);
  });

  it('accepts exactly 20 characters', () => {
    expect(isPersonName('一二三四五六七八九十一二三四五六七八九十')).toBe(true);
  });

  it('has a Chinese message', () => {
    expect(PERSON_NAME_INVALID_MESSAGE).toBe('请输入真实姓名（2–20个字）');
  });
});

describe('normalizePersonName', () => {
  it('trims and collapses inner whitespace', () => {
    expect(normalizePersonName('  Li \t  Wei ')).toBe('Li Wei');
    expect(normalizePersonName('\u3000王伟\u3000')).toBe('王伟'); // ideographic space
  });

  it('unifies middle-dot look-alikes to U+00B7', () => {
    expect(normalizePersonName('阿依古丽・买买提')).toBe('阿依古丽·买买提');
    expect(normalizePersonName('阿依古丽•买买提')).toBe('阿依古丽·买买提');
  });
});
