import { expect, test, type Page } from '@playwright/test';
import { confirmedDelivery, setApiClock, shanghaiInstant } from '../support/delivery-setup';
import { newPage, portalLogin } from '../support/sessions';
import { staffLoginToken } from '../support/test-drive-setup';

/**
 * The follow-up engine end to end: the customer confirms a delivery date, and the consultant's
 * inbox (回访任务) shows the T-3 and T-1 confirmation calls on the right days, with the API's
 * development clock moved to those days. The consultant completes the T-3 call with one tap; the
 * T-1 call is left to go overdue, and the escalation job hands it to the manager.
 */

/** The store-local date `days` after a store-local date. */
function dayOffset(date: string, days: number): string {
  const noon = new Date(`${date}T12:00:00+08:00`).getTime() + days * 86_400_000;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(noon));
}

/** The row of the customer's task of a kind, in the tab currently shown. */
const taskRow = (page: Page, customer: string, kindLabel: string) =>
  page.getByRole('row', { name: `${customer} ${kindLabel}` });

async function openTab(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name, selected: true })).toBeVisible();
}

test('a confirmed delivery date brings T-3 and T-1 calls on their days; one is done, an overdue one reaches the manager', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const mobile = `137${String(Date.now()).slice(-8)}`;
  // One name per run, so a rerun against the same database finds only its own tasks.
  const customer = `孙尚香${mobile.slice(-3)}`;
  const { deliveryDate } = await confirmedDelivery(
    request,
    { devUser: `e2e-fu-${mobile}`, name: customer, mobile },
    6,
  );

  try {
    // Two days before the delivery the T-3 call (window: days 3 and 2 before) is due today,
    // and the T-1 call is still to come.
    await setApiClock(request, shanghaiInstant(dayOffset(deliveryDate, -2), '10:30'));
    const consultant = await newPage(browser, 'desktop');
    await portalLogin(consultant, 'gz.chen', '陈晓明');
    await consultant.getByRole('menuitem', { name: /回访任务/ }).click();

    await openTab(consultant, /今天到期/);
    const t3 = taskRow(consultant, customer, '交车前3天确认电话');
    await expect(t3).toBeVisible();
    await expect(taskRow(consultant, customer, '交车前1天确认电话')).toHaveCount(0);

    await openTab(consultant, /即将到期/);
    await expect(taskRow(consultant, customer, '交车前1天确认电话')).toBeVisible();
    await expect(taskRow(consultant, customer, '交车前3天确认电话')).toHaveCount(0);

    // One tap after the call: the T-3 task is done and leaves today's list.
    await openTab(consultant, /今天到期/);
    await t3.click();
    const drawer = consultant.locator('[data-testid^="task-detail-"]');
    await expect(drawer).toBeVisible();
    await expect(drawer.getByTestId('task-source')).toBeVisible();
    await drawer.getByTestId('task-note').fill('客户确认按时到店，两人同行');
    await drawer.getByRole('button', { name: '已接通并确认' }).click();
    await expect(consultant.getByText('已记录：已接通并确认，任务完成')).toBeVisible();
    await expect(taskRow(consultant, customer, '交车前3天确认电话')).toHaveCount(0);
    await openTab(consultant, /已完成/);
    await expect(taskRow(consultant, customer, '交车前3天确认电话')).toBeVisible();

    // The morning of the delivery: nobody made the T-1 call, so it is overdue and escalated.
    await setApiClock(request, shanghaiInstant(deliveryDate, '08:30'));
    const manager = await newPage(browser, 'desktop');
    await portalLogin(manager, 'gz.manager', '李经理');
    await manager.getByRole('menuitem', { name: /回访任务/ }).click();
    await openTab(manager, /已逾期/);
    // Only the escalated T-1 calls: the whole store's overdue list is longer than a page.
    await manager.goto('/portal/follow-ups?bucket=overdue&kind=delivery_t1_call&escalated=1');
    const t1 = taskRow(manager, customer, '交车前1天确认电话');
    // The escalation job runs every 2 s in the journeys' API (FOLLOW_UP_ESCALATE_INTERVAL_MS):
    // wait for it through the API, then the page shows the task flagged.
    const managerToken = await staffLoginToken(request, 'gz.manager');
    await expect
      .poll(
        async () => {
          const response = await request.get('/api/staff/follow-ups', {
            headers: { authorization: `Bearer ${managerToken}` },
            params: { bucket: 'overdue', kind: 'delivery_t1_call', escalatedOnly: 'true' },
          });
          const inbox = (await response.json()) as { items: Array<{ customer: { name: string } }> };
          return inbox.items.some((task) => task.customer.name === customer);
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await manager.reload();
    await expect(t1).toHaveAttribute('data-escalated', 'true');
    await expect(t1.getByText('已升级')).toBeVisible();
  } finally {
    await setApiClock(request, null);
  }
});
