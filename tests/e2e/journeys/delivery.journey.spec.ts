import { expect, test, type Page } from '@playwright/test';
import { miniappLogin, newPage, portalLogin, tap } from '../support/sessions';

/**
 * The delivery journey end to end: the consultant records an order and offers two dates in the
 * portal; the customer picks one in the H5 mini-program; the store declares a delay; the customer
 * reads the reason and confirms a new date; PDI; the handover on a tablet with a drawn
 * signature; delivered, as both sides see it.
 */

/** Store-local (Asia/Shanghai) date `days` from today; 广州天河 is open every day of the year but two in February. */
function shanghaiDate(days: number): string {
  const instant = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(instant);
}

async function pickDateTime(page: Page, n: number, date: string, time: string): Promise<void> {
  await page.getByLabel(`日期 ${n}`).click();
  await page.getByLabel(`日期 ${n}`).fill(date);
  await page.keyboard.press('Enter');
  await page.getByLabel(`时间 ${n}`).click();
  await page.getByLabel(`时间 ${n}`).fill(time);
  await page.keyboard.press('Enter');
}

/** Ticks a checklist item and waits until the server has it (the box is enabled again). */
async function tick(page: Page, testId: string): Promise<void> {
  const box = page.getByTestId(testId);
  await expect(box).toBeEnabled();
  await box.click();
  await expect(box).toBeChecked();
  await expect(box).toBeEnabled();
}

test('an order is offered dates, picked, delayed, re-confirmed, prepared and handed over with a signature', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const mobile = `139${String(Date.now()).slice(-8)}`;
  const [first, second, later] = [shanghaiDate(5), shanghaiDate(6), shanghaiDate(8)];

  // Consultant: records the order and offers two dates.
  const consultant = await newPage(browser, 'desktop');
  await portalLogin(consultant, 'gz.chen', '陈晓明');
  await consultant.getByRole('menuitem', { name: /交车管理/ }).click();
  await consultant.getByTestId('new-order').click();
  await consultant.getByLabel('客户姓名').fill('赵子龙');
  await consultant.getByLabel('手机号').fill(mobile);
  // A click that lands while the dropdown is still opening selects nothing: try until it shows.
  const drawer = consultant.locator('.ant-drawer');
  await expect(async () => {
    await consultant.getByLabel('车型').click();
    await consultant.locator('.ant-select-item-option', { hasText: 'X5' }).first().click({ timeout: 2_000 });
    await expect(drawer.getByText(/X5/).filter({ visible: true }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await consultant.getByLabel('配置').fill('四驱旗舰版');
  await consultant.getByLabel('颜色').fill('星河蓝');
  await consultant.getByLabel('承诺交车期').click();
  await consultant.getByLabel('承诺交车期').fill(shanghaiDate(0));
  await consultant.keyboard.press('Enter');
  await consultant.keyboard.type(shanghaiDate(20));
  await consultant.keyboard.press('Enter');
  await consultant.getByTestId('create-order-submit').click();
  await consultant.waitForURL(/order=\d+/);
  const orderId = Number(new URL(consultant.url()).searchParams.get('order'));
  const detail = consultant.getByTestId(`order-detail-${orderId}`);
  await expect(detail).toBeVisible();

  await pickDateTime(consultant, 1, first, '10:00');
  await consultant.getByRole('button', { name: '再加一个时间' }).click();
  await pickDateTime(consultant, 2, second, '14:30');
  await consultant.getByTestId('offer-dates').click();
  await expect(detail.getByText('待客户选择', { exact: true })).toBeVisible();

  // Customer: logs in with the phone of the order, picks the second date for three people.
  const customer = await newPage(browser, 'phone');
  await miniappLogin(customer, `e2e-dl-${mobile}`, mobile);
  await customer.locator('.my-deliveries').click();
  await customer.locator('[data-testid="order-card"]').first().click();
  await customer.locator(`.date-option[data-date="${second}"]`).click();
  await customer.locator('[data-testid="party-size"] .nut-inputnumber-add').click();
  await customer.locator('[data-testid="party-size"] .nut-inputnumber-add').click();
  await tap(customer, '确认交车时间');
  await expect(customer.locator('[data-testid="appointment"]')).toContainText('14:30');
  await expect(
    customer.locator('[data-testid="order-header"] [data-testid="delivery-status"]'),
  ).toContainText('交车时间已确认');

  // Consultant: sees the answer, then declares a delay with its reason and a new date.
  await consultant.reload();
  await expect(detail).toContainText('3');
  await consultant.getByTestId('declare-delay').click();
  const delayDialog = consultant.getByRole('dialog').filter({ has: consultant.getByLabel('延期原因') });
  await delayDialog.getByLabel('延期原因').fill('物流延误，车辆晚到两天');
  await pickDateTime(consultant, 1, later, '10:30');
  await consultant.getByTestId('declare-delay-submit').click();
  await expect(detail.getByText('待客户选择', { exact: true })).toBeVisible();

  // Customer: the banner gives the reason; the old date is gone; confirms the new one.
  await customer.reload();
  const banner = customer.locator('[data-testid="delay-banner"]');
  await expect(banner).toContainText('物流延误，车辆晚到两天');
  await expect(customer.locator(`.date-option[data-date="${second}"]`)).toHaveCount(0);
  await customer.locator(`.date-option[data-date="${later}"]`).click();
  await tap(customer, '确认交车时间');
  await expect(customer.locator('[data-testid="appointment"]')).toContainText('10:30');
  await expect(banner).toHaveCount(0);

  // Consultant: PDI, ready, the handover with the customer's drawn signature.
  await consultant.reload();
  for (const key of ['pdi', 'plates', 'registration', 'warranty', 'invoice', 'cleaning']) {
    await tick(consultant, `pdi-item-${key}`);
  }
  await consultant.getByTestId('mark-ready').click();
  await consultant.getByTestId('start-handover').click();
  await expect(consultant.getByTestId('handover-view')).toBeVisible();
  for (const key of ['documents', 'keys', 'tools', 'spare_tyre', 'features', 'service_booking']) {
    await tick(consultant, `handover-item-${key}`);
  }
  const pad = consultant.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await consultant.mouse.move(box.x + 40, box.y + box.height / 2);
  await consultant.mouse.down();
  for (let i = 0; i <= 30; i++) {
    await consultant.mouse.move(box.x + 40 + i * 10, box.y + box.height / 2 - Math.sin(i / 3) * 40, {
      steps: 2,
    });
  }
  await consultant.mouse.up();
  await consultant.getByTestId('confirm-delivery').click();
  await consultant.getByRole('button', { name: '返回订单' }).click();
  await expect(consultant.getByTestId('delivery-signature')).toBeVisible();
  await expect(detail).toContainText('已交车');

  // Customer: the car is delivered; the handover list is ticked.
  await customer.reload();
  await expect(customer.locator('[data-testid="delivered-note"]')).toBeVisible();
  await expect(customer.locator('[data-testid="handover-list"] .handover-item--done')).toHaveCount(6);
});
