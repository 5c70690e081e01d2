import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { miniappLogin, newPage, portalLogin } from '../support/sessions';
import { answerSurvey, openPendingSurvey } from '../support/survey-answering';
import { checkedInTestDrive, staffLoginToken } from '../support/test-drive-setup';

/**
 * The satisfaction journey: the consultant completes a test drive in the portal; the customer
 * answers the feedback form in the H5 mini-program with one low score and a comment; the manager
 * sees the low-score alert and the updated dashboard, marks the case contacted, then resolved.
 * A second test cuts the network while the customer submits, and loses the server's first answer,
 * and proves the answers arrive exactly once.
 */

/** A Chinese name unique to this run, so the response list can be filtered by it even on a reused database. */
function uniqueName(surname: string): string {
  const chars = '安白晨丹帆歌航皓佳静凯乐玲敏娜宁琪然瑞诗婷伟欣雅怡' as const;
  const n = Date.now();
  return surname + chars[n % chars.length] + chars[Math.floor(n / chars.length) % chars.length];
}

interface ResponseRow {
  id: number;
  customerName: string;
  lowScore: boolean;
}

async function responsesOf(request: APIRequestContext, token: string, customerName: string) {
  const res = await request.get('/api/staff/satisfaction/responses', {
    headers: { authorization: `Bearer ${token}` },
    params: { kind: 'test_drive_feedback', pageSize: 100 },
  });
  expect(res.ok()).toBe(true);
  const page = (await res.json()) as { items: ResponseRow[] };
  return page.items.filter((row) => row.customerName === customerName);
}

async function completeInPortal(page: Page, localDate: string, bookingId: number): Promise<void> {
  await page.goto(`/portal/test-drives?date=${localDate}`);
  const row = page.getByTestId(`booking-${bookingId}`);
  await expect(row.getByText('已到店')).toBeVisible();
  await row.getByRole('button', { name: '完成试驾' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(row.getByText('已完成')).toBeVisible();
}

test('a completed test drive is rated low by the customer and the manager works the case to resolved', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const devUser = `e2e-sv-${Date.now().toString(36)}`;
  const name = uniqueName('周');
  const drive = await checkedInTestDrive(request, devUser, name);

  // Consultant: completes the drive; that invites the customer to the feedback form.
  const consultant = await newPage(browser, 'desktop');
  await portalLogin(consultant, 'gz.chen', '陈晓明');
  await completeInPortal(consultant, drive.localDate, drive.bookingId);

  // Customer: the survey waits on 我的; two stars overall, so "what went wrong" appears, and a comment.
  const customer = await newPage(browser, 'phone');
  await miniappLogin(customer, devUser);
  await expect(customer.locator('.my-surveys')).toContainText('1');
  await openPendingSurvey(customer);
  const answered = await answerSurvey(customer, {
    stars: { overall: 2 },
    nps: 5,
    comment: '试驾路线太短，没能上高速体验',
  });
  expect(answered).toContain('problems');
  await customer.getByTestId('survey-submit').click();
  await expect(customer.getByTestId('survey-thanks')).toBeVisible();
  await customer.goto('/m/');
  await customer.locator('.weui-tabbar__item', { hasText: '我的' }).click();
  await expect(customer.locator('.my-surveys')).toHaveCount(0);

  // Manager: the alert and the dashboard, then the case from open to resolved.
  const manager = await newPage(browser, 'desktop');
  await portalLogin(manager, 'gz.manager', '李经理');
  await manager.goto('/portal/satisfaction?kind=test_drive_feedback');
  await expect(manager.getByTestId('satisfaction-case-alert')).toBeVisible();
  await expect(manager.getByTestId('satisfaction-index')).toBeVisible();
  await expect(manager.getByTestId('funnel-completed')).not.toHaveText('0');

  await manager.goto('/portal/satisfaction?tab=cases');
  const row = manager.locator('[data-testid^="case-row-"]', { hasText: name }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('待联系');
  const caseId = (await row.getAttribute('data-testid'))!.replace('case-row-', '');
  await manager.getByTestId(`case-open-${caseId}`).click();
  const detail = manager.getByTestId(`case-detail-${caseId}`);
  await expect(detail.getByTestId('case-comments')).toContainText('试驾路线太短');
  await detail.getByTestId('case-note').fill('已致电客户致歉，约定下周安排高速路线复试');
  await detail.getByTestId('case-contacted').click();
  await expect(manager.getByTestId(`case-status-${caseId}`)).toContainText('已联系');
  await detail.getByTestId('case-note').fill('客户复试满意，问题已解决');
  await detail.getByTestId('case-resolved').click();
  // A resolved case leaves the 待处理 list; it is under 已解决, with both notes.
  await expect(manager.getByTestId(`case-row-${caseId}`)).toHaveCount(0);
  await manager.keyboard.press('Escape');
  await manager.getByTestId('cases-filter').getByText('已解决', { exact: true }).click();
  await expect(manager.getByTestId(`case-status-${caseId}`)).toContainText('已解决');
  await manager.getByTestId(`case-open-${caseId}`).click();
  await expect(manager.getByTestId(`case-detail-${caseId}`)).toContainText('约定下周安排高速路线复试');

  // Exactly one response, flagged low.
  const token = await staffLoginToken(request, 'gz.manager');
  const rows = await responsesOf(request, token, name);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.lowScore).toBe(true);
});

test('answers sent while the network is down arrive once when it returns', async ({ browser, request }) => {
  test.setTimeout(180_000);
  const devUser = `e2e-sv-off-${Date.now().toString(36)}`;
  const name = uniqueName('吴');
  const drive = await checkedInTestDrive(request, devUser, name);
  const staffToken = await staffLoginToken(request, 'gz.chen');
  const done = await request.post(`/api/staff/test-drives/${drive.bookingId}/complete`, {
    headers: { authorization: `Bearer ${staffToken}` },
    data: {},
  });
  expect(done.ok()).toBe(true);

  const customer = await newPage(browser, 'phone');
  await miniappLogin(customer, devUser);
  await openPendingSurvey(customer);
  await answerSurvey(customer, { nps: 10, comment: '顾问讲解很专业' });

  // The submit goes out with no network; the first one that reaches the server loses its answer.
  let networkUp = false;
  let lostAnswer = false;
  let reached = 0;
  await customer.route('**/api/surveys/*/submit', async (route) => {
    if (!networkUp) return route.abort('internetdisconnected');
    reached += 1;
    if (!lostAnswer) {
      lostAnswer = true;
      await route.fetch(); // the server takes the answers…
      return route.abort('connectionreset'); // …and the phone never hears back
    }
    return route.continue();
  });
  await customer.context().setOffline(true);
  await customer.getByTestId('survey-submit').click();
  await expect(customer.getByTestId('survey-offline-banner')).toBeVisible();
  expect(await responsesOf(request, staffToken, name)).toHaveLength(0);

  networkUp = true;
  await customer.context().setOffline(false);
  await expect(customer.getByTestId('survey-thanks')).toBeVisible({ timeout: 60_000 });
  expect(lostAnswer).toBe(true);
  expect(reached).toBeGreaterThanOrEqual(2);
  const rows = await responsesOf(request, staffToken, name);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.lowScore).toBe(false);
});
