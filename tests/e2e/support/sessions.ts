import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo@2026';

/** Taro H5 buttons are custom elements: click the host, matched by its whole label. */
export const tap = (scope: Page | Locator, label: string) =>
  scope
    .locator('.nut-button', { hasText: new RegExp(`^\\s*${label}\\s*$`) })
    .first()
    .click();

/** A fresh browser context: a phone for the mini-program, a desktop (or tablet) for the portal. */
export async function newPage(browser: Browser, kind: 'phone' | 'desktop'): Promise<Page> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(kind === 'phone'
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1440, height: 900 } }),
  });
  return context.newPage();
}

/** Logs a member of staff in to the portal and waits for their name. */
export async function portalLogin(page: Page, username: string, displayName: string): Promise<void> {
  await page.goto('/portal/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(displayName).first()).toBeVisible();
}

/** The H5 development login on 我的, optionally binding a phone as WeChat's getPhoneNumber would. */
export async function miniappLogin(page: Page, devUser: string, mobile?: string): Promise<void> {
  await page.goto('/m/');
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
  await page.getByRole('textbox', { name: 'dev-alice 或 昵称' }).fill(devUser);
  if (mobile) await page.getByRole('textbox', { name: '购车时登记的手机号' }).fill(mobile);
  await page.locator('.nut-button', { hasText: '开发者登录' }).click();
  await expect(page.getByText(devUser).first()).toBeVisible();
}
