import { expect, test } from '@playwright/test';
import { miniappLogin, newPage, portalLogin, tap } from '../support/sessions';

/**
 * The first customer journey end to end: a customer books a test drive in the H5 mini-program,
 * the consultant confirms it in the portal, the customer sees it confirmed with the car and the
 * consultant, moves it, and the timeline shows both times.
 */
const STORE = '云岚汽车广州天河4S店';
const FREE_DATE =
  '.date-cell:not(.date-cell--disabled):not(.date-cell--full):not(.date-cell--closed):not(.date-cell--none)';

type Day = { date: string; slots: Array<{ remaining: number }> };

test('a customer books, the consultant confirms, the customer moves the drive', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const devUser = `e2e-book-${Date.now().toString(36)}`;

  // The wizard opens on the first day with a free S5; the portal is opened on that day.
  const stores = (await (await request.get('/api/stores')).json()) as Array<{ id: number; name: string }>;
  const models = (await (await request.get('/api/vehicle-models')).json()) as Array<{
    id: number;
    name: string;
  }>;
  const storeId = stores.find((s) => s.name === STORE)!.id;
  const modelId = models.find((m) => m.name === 'S5')!.id;
  const days = (await (
    await request.get(`/api/stores/${storeId}/models/${modelId}/availability`)
  ).json()) as Day[];
  const bookingDate = days.find((day) => day.slots.some((slot) => slot.remaining > 0))!.date;

  // Customer: log in, then book from the store card.
  const customer = await newPage(browser, 'phone');
  await miniappLogin(customer, devUser);
  await customer.locator('.weui-tabbar__item', { hasText: '首页' }).click();

  await tap(customer.locator('[data-testid="store-card"]', { hasText: STORE }), '预约试驾');
  await customer.locator('.model-option', { hasText: 'S5' }).first().click();
  await customer.locator(FREE_DATE).first().click();
  await customer.locator('.slot-cell:not(.slot-cell--full)').first().click();
  await tap(customer, '下一步');
  await customer.getByRole('textbox', { name: '请输入试驾人真实姓名' }).fill('张三');
  await customer.getByRole('textbox', { name: '请输入11位手机号' }).fill('13800138000');
  await customer.getByRole('textbox', { name: '18位驾驶证号（即身份证号）' }).fill('11010519491231002X');
  await tap(customer, '下一步');
  await customer.locator('[data-testid="consent-terms"]').click();
  await customer.locator('[data-testid="consent-licence"]').click();
  await tap(customer, '提交预约');
  await expect(customer.getByText('预约已提交')).toBeVisible();

  // Consultant: the booking is waiting on that day; confirm it with a car.
  const consultant = await newPage(browser, 'desktop');
  await portalLogin(consultant, 'gz.chen', '陈晓明');
  await consultant.goto(`/portal/test-drives?date=${bookingDate}`);
  await expect(consultant.getByRole('heading', { name: '今日试驾' })).toBeVisible();
  const row = consultant.locator('[data-testid^="booking-"]', { hasText: '张三' }).first();
  await expect(row.getByText('待确认')).toBeVisible();
  await row.getByRole('button', { name: '确认', exact: true }).click();
  const dialog = consultant.getByRole('dialog', { name: '确认试驾' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '确认', exact: true }).click();
  await expect(row.getByText('已确认')).toBeVisible();

  // Customer: sees it confirmed with the car and the consultant.
  await customer.goto('/m/');
  await customer.locator('.weui-tabbar__item', { hasText: '我的' }).click();
  await customer.locator('.my-test-drives').click();
  await customer.locator('[data-testid="booking-card"]').first().click();
  const status = customer.locator('[data-testid="booking-status"]');
  await expect(status).toContainText('已确认');
  await expect(status).toContainText(/粤A·S500\d/);
  await expect(status).toContainText('陈晓明');

  // Customer: moves it; the timeline shows the old and the new time.
  await tap(customer, '改期');
  const panel = customer.locator('[data-testid="reschedule-panel"]');
  await panel.locator('.slot-cell:not(.slot-cell--full):not(.slot-cell--current)').first().click();
  await tap(customer, '确认改期');
  await expect(customer.locator('[data-testid="booking-status"]')).toContainText('待确认');
  await expect(customer.getByText(/改至.*原/).first()).toBeVisible();
});
