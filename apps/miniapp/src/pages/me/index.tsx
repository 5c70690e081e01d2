import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ButtonProps } from '@tarojs/components';
import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro';
import { isMainlandMobile, MOBILE_INVALID_MESSAGE, ordersNeedingAttention } from '@dealer-care/domain';
import { api } from '../../services/api';
import { pendingSurveyCount } from '../../services/pending-surveys';
import {
  bindPhone,
  defaultDevUser,
  loginForDevelopment,
  loginWithWechat,
  logout,
  refreshProfile,
} from '../../services/auth';
import { useSession } from '../../services/session';
import { errorTitle } from '../../utils/errors';
import {
  openMyBookings,
  openMyDeliveries,
  openPendingSurveys,
  takeReturnAfterLogin,
} from '../../utils/navigation';
import styles from './index.module.scss';

const isWeapp = process.env.TARO_ENV === 'weapp';

type PhoneNumberEvent = Parameters<NonNullable<ButtonProps['onGetPhoneNumber']>>[0];

export default function MePage() {
  const { customer } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [devUser, setDevUser] = useState(() => (isWeapp ? '' : defaultDevUser()));
  const [devMobile, setDevMobile] = useState('');
  /** Orders waiting for the customer (a date to choose, a delay, 按时到店), for the 我的交车 cell. */
  const [deliveryTodos, setDeliveryTodos] = useState(0);
  /** Surveys waiting for the customer, for the 待评价问卷 cell (hidden when none). */
  const [pendingSurveys, setPendingSurveys] = useState(0);

  const loadTodoCounts = useCallback(() => {
    api.deliveries.mine().then(
      (orders) => setDeliveryTodos(ordersNeedingAttention(orders).length),
      () => setDeliveryTodos(0),
    );
    pendingSurveyCount().then(setPendingSurveys, () => setPendingSurveys(0));
  }, []);

  const loggedIn = customer !== null;
  useEffect(() => {
    if (loggedIn) loadTodoCounts();
    else {
      setDeliveryTodos(0);
      setPendingSurveys(0);
    }
  }, [loggedIn, loadTodoCounts]);

  // The first show is covered by the effect above; later ones (back from an order) refresh the count.
  const shownOnce = useRef(false);
  useDidShow(() => {
    // Keeps nickname and phone current; a 401 logs out through the API client.
    refreshProfile().catch(() => undefined);
    if (shownOnce.current && customer) loadTodoCounts();
    shownOnce.current = true;
  });

  function devLogin() {
    const mobile = devMobile.trim();
    if (mobile && !isMainlandMobile(mobile)) {
      setError(MOBILE_INVALID_MESSAGE);
      return;
    }
    login(() => loginForDevelopment(devUser, mobile || undefined));
  }

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (cause) {
      setError(errorTitle(cause));
    } finally {
      setBusy(false);
    }
  }

  /** Logs in, then reopens the page that sent the customer here (the booking wizard, say). */
  function login(action: () => Promise<unknown>) {
    void run(async () => {
      await action();
      const returnTo = takeReturnAfterLogin();
      if (returnTo) void Taro.navigateTo({ url: returnTo });
    });
  }

  function onGetPhoneNumber(event: PhoneNumberEvent) {
    const { code } = event.detail as { code?: string };
    if (!code) {
      // Declined, or a base library without phone codes: nothing to bind.
      void Taro.showToast({ title: '未获得手机号授权', icon: 'none' });
      return;
    }
    void run(async () => {
      await bindPhone(code);
      void Taro.showToast({ title: '手机号已绑定', icon: 'success' });
    });
  }

  return (
    <View className={styles.page}>
      {customer ? (
        <>
          <View className={styles.profile}>
            <View className={styles.avatar}>
              <Text>{(customer.nickname ?? '车').slice(0, 1).toUpperCase()}</Text>
            </View>
            <View className={styles.who}>
              <Text className={styles.nickname}>{customer.nickname ?? '微信用户'}</Text>
              <Text className={styles.phone}>{customer.phoneMasked ?? '未绑定手机号'}</Text>
            </View>
          </View>

          <CellGroup>
            <Cell
              // NutUI's Cell passes no data-* attributes on: tests find it by this class.
              className="my-test-drives"
              title="我的试驾"
              extra="›"
              clickable
              onClick={openMyBookings}
            />
            <Cell
              className="my-deliveries"
              title="我的交车"
              extra={
                deliveryTodos > 0 ? (
                  <Text className={styles.todo} data-testid="delivery-todo-count">
                    {deliveryTodos} 项待处理 ›
                  </Text>
                ) : (
                  '›'
                )
              }
              clickable
              onClick={openMyDeliveries}
            />
            {pendingSurveys > 0 ? (
              <Cell
                className="my-surveys"
                title={`待评价问卷 (${pendingSurveys})`}
                extra="›"
                clickable
                onClick={openPendingSurveys}
              />
            ) : null}
            <Cell title="手机号" extra={customer.phoneMasked ?? '未绑定'} />
          </CellGroup>

          <View className={styles.actions}>
            {isWeapp && !customer.hasPhone ? (
              <Button
                block
                type="primary"
                openType="getPhoneNumber"
                loading={busy}
                onGetPhoneNumber={onGetPhoneNumber}
              >
                绑定手机号
              </Button>
            ) : null}
            <Button block type="default" onClick={() => logout()}>
              退出登录
            </Button>
          </View>
        </>
      ) : (
        <View className={styles.login}>
          <Text className={styles.title}>登录后可预约试驾、查看交车进度</Text>
          {isWeapp ? (
            <Button block type="primary" loading={busy} onClick={() => login(loginWithWechat)}>
              微信登录
            </Button>
          ) : (
            <>
              <View className={styles.field}>
                <Text className={styles.label}>昵称/测试账号</Text>
                <Input
                  className={styles.input}
                  value={devUser}
                  placeholder="dev-alice 或 昵称"
                  maxLength={40}
                  onChange={(value) => setDevUser(value)}
                />
              </View>
              <View className={styles.field}>
                <Text className={styles.label}>手机号（模拟微信绑定，选填）</Text>
                <Input
                  className={`${styles.input} dev-mobile`}
                  type="tel"
                  value={devMobile}
                  placeholder="购车时登记的手机号"
                  maxLength={20}
                  onChange={(value) => setDevMobile(value)}
                />
              </View>
              <Button block type="primary" loading={busy} disabled={busy} onClick={devLogin}>
                开发者登录
              </Button>
              <Text className={styles.hint}>仅开发与测试环境可用（服务端 AUTH_DEV_LOGIN=true）</Text>
            </>
          )}
        </View>
      )}
      {error ? <Text className={styles.error}>{error}</Text> : null}
    </View>
  );
}
