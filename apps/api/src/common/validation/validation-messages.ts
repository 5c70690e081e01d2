import type { ValidationError } from 'class-validator';
import type { FieldError } from '@dealer-care/domain';

/**
 * Chinese wording for class-validator's constraint names, so every DTO gets readable
 * messages without repeating `message:` on each decorator. A DTO's own message wins.
 */
const CONSTRAINT_MESSAGES_ZH: Record<string, string> = {
  whitelistValidation: '不支持此字段',
  isDefined: '必须填写',
  isNotEmpty: '不能为空',
  isString: '必须是文本',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是 true 或 false',
  isEnum: '取值不在允许范围内',
  isIn: '取值不在允许范围内',
  isLatitude: '纬度不正确',
  isLongitude: '经度不正确',
  maxLength: '内容过长',
  minLength: '内容过短',
  length: '长度不正确',
  min: '数值过小',
  max: '数值过大',
  matches: '格式不正确',
  isArray: '必须是列表',
  arrayMaxSize: '列表项目过多',
  arrayMinSize: '列表项目过少',
  nestedValidation: '格式不正确',
  isObject: '必须是对象',
  isDateString: '日期格式不正确',
  isISO8601: '日期格式不正确',
};

function messageFor(constraint: string, original: string): string {
  // A message written in Chinese on the decorator is kept as it is.
  if (/[\u4e00-\u9fff]/.test(original)) return original;
  return CONSTRAINT_MESSAGES_ZH[constraint] ?? '格式不正确';
}

/** Flattens nested class-validator errors into `{ field: 'a.0.b', message }` rows. */
export function toFieldErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  const rows: FieldError[] = [];
  for (const error of errors) {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    for (const [constraint, original] of Object.entries(error.constraints ?? {})) {
      rows.push({ field: path, message: messageFor(constraint, original) });
    }
    if (error.children && error.children.length > 0) rows.push(...toFieldErrors(error.children, path));
  }
  return rows;
}

/** "以下信息有误：username 不能为空；password 必须是文本" */
export function summariseFieldErrors(rows: FieldError[]): string {
  return `以下信息有误：${rows.map((row) => `${row.field} ${row.message}`).join('；')}`;
}
