import { expect, test } from '@playwright/test';

const DEMO_PASSWORD = 'Demo@2026';

test.describe('consultant portal', () => {
  test('a consultant logs in and sees only their own store with its test-drive cars', async ({ page }) => {
    await page.goto('/portal/');
    await expect(page).toHaveURL(/\/portal\/login/);

    await page.getByLabel('用户名').fill('gz.chen');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert')).toContainText('账号或密码错误');

    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText('陈晓明').first()).toBeVisible();

    await page.getByRole('menuitem', { name: /门店/ }).click();
    await expect(page.getByRole('heading', { name: '门店' })).toBeVisible();
    await expect(page.getByText('云岚汽车广州天河4S店').first()).toBeVisible();
    await expect(page.getByText('粤A·S5001')).toBeVisible();
    await expect(page.getByText('云岚汽车深圳南山4S店')).toHaveCount(0);

    // The follow-up inbox is open to consultants.
    await expect(page.getByRole('menuitem', { name: /回访任务/ })).toBeVisible();
  });

  test('an admin sees every store of the group', async ({ page }) => {
    await page.goto('/portal/login');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('menuitem', { name: /门店/ }).click();
    await expect(page.getByText('云岚汽车广州天河4S店').first()).toBeVisible();
    await expect(page.getByText('云岚汽车深圳南山4S店').first()).toBeVisible();
  });
});
