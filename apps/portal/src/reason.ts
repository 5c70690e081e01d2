import type { FormRule } from 'antd';

/** A reason typed by staff, trimmed; valid from two characters on. */
export function isReason(value: string | undefined): boolean {
  return (value ?? '').trim().length >= 2;
}

/** The rules of a reason field: `required` when it is empty, else two characters at least. */
export function reasonRules(required: string): FormRule[] {
  return [
    { required: true, whitespace: true, message: required },
    {
      validator: (_, value: string | undefined) =>
        !value?.trim() || isReason(value) ? Promise.resolve() : Promise.reject(new Error('至少填写 2 个字')),
    },
  ];
}
