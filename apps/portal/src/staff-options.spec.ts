import type { StaffUser } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import { assigneeOptions, withCurrent } from './staff-options';

const user = (
  id: number,
  displayName: string,
  role: StaffUser['role'],
  storeId: number | null,
  active = true,
) => ({ id, username: `u${id}`, displayName, role, storeId, active }) satisfies StaffUser;

describe('assigneeOptions', () => {
  it('lists active consultants, by name, then managers of the store', () => {
    const users = [
      user(1, '李经理', 'manager', 1),
      user(2, '陈晓明', 'consultant', 1),
      user(3, '赵敏', 'consultant', 2),
      user(4, '周离职', 'consultant', 1, false),
      user(5, '管理员', 'admin', null),
      user(6, '王芳', 'consultant', 1),
    ];
    expect(assigneeOptions(users, 1)).toEqual([
      { value: 2, label: '陈晓明' },
      { value: 6, label: '王芳' },
      { value: 1, label: '李经理（门店经理）' },
    ]);
  });

  it('lists every store in scope when none is given', () => {
    const users = [
      user(1, '李经理', 'manager', 1),
      user(2, '陈晓明', 'consultant', 1),
      user(3, '赵敏', 'consultant', 2),
    ];
    expect(assigneeOptions(users, null).map((o) => o.value)).toEqual([2, 3, 1]);
  });
});

describe('withCurrent', () => {
  const options = [
    { value: 2, label: '陈晓明' },
    { value: 1, label: '李经理（门店经理）' },
  ];

  it('puts the current person first when they are not offered', () => {
    expect(withCurrent(options, { id: 9, name: '周离职' })).toEqual([
      { value: 9, label: '周离职' },
      ...options,
    ]);
  });

  it('leaves the options as they are when the current person is offered, or there is none', () => {
    expect(withCurrent(options, { id: 1, name: '李经理' })).toEqual(options);
    expect(withCurrent(options, null)).toEqual(options);
  });
});
