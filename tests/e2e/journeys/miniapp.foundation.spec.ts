import { expect, test, type Page } from '@playwright/test';

// Near Shenzhen Civic Centre (WGS-84, as a browser reports it).
const NEAR_SHENZHEN = { latitude: 22.543, longitude: 114.058 };

async function openTab(page: Page, label: '首页' | '我的') {
  await page.locator('.weui-tabbar__item', { hasText: label }).click();
}

test.describe('customer mini-program (H5)', () => {
  test.use({ geolocation: NEAR_SHENZHEN, permissions: ['geolocation'] });

  test('a customer logs in and sees the stores, nearest first, and the models', async ({ page }) => {
    const devUser = `e2e-${Date.now().toString(36)}`;
    await page.goto('/m/');

    // Browsing needs no login: the stores and models are there at once.
    await expect(page.getByText('云岚汽车深圳南山4S店').first()).toBeVisible();

    await openTab(page, '我的');
    await expect(page.getByText('登录后可预约试驾、查看交车进度')).toBeVisible();
    await page.getByRole('textbox', { name: 'dev-alice 或 昵称' }).fill(devUser);
    await page.locator('.nut-button', { hasText: '开发者登录' }).click();
    await expect(page.getByText(devUser).first()).toBeVisible();
    await expect(page.getByText('未绑定手机号')).toBeVisible();

    await openTab(page, '首页');
    const stores = page.locator('text=/云岚汽车(深圳南山|广州天河)4S店/');
    await expect(stores.first()).toBeVisible();
    // With the customer's location, the Shenzhen store comes first and shows its distance.
    await expect(stores.first()).toHaveText('云岚汽车深圳南山4S店');
    await expect(page.getByText('云岚汽车广州天河4S店').first()).toBeVisible();
    await expect(page.getByText(/\d+(\.\d)?\s*km/).first()).toBeVisible();

    for (const model of ['S5', 'X5 插混', 'E6 纯电', 'M8 商务']) {
      await expect(page.getByText(model, { exact: false }).first()).toBeVisible();
    }

    // The session survives a reload.
    await page.reload();
    await openTab(page, '我的');
    await expect(page.getByText(devUser).first()).toBeVisible();
  });
});
