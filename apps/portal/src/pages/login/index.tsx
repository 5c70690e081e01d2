import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { StaffLoginRequest } from '@dealer-care/domain';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeRedirect } from '../../auth/redirect';
import { lastSessionEnd } from '../../auth/session';
import { useSession } from '../../auth/use-session';
import { problemOf } from '../../errors';
import { useStaffLogin } from './queries';

export default function LoginPage() {
  const [params] = useSearchParams();
  const target = safeRedirect(params.get('redirect'));
  const navigate = useNavigate();
  const session = useSession();
  const login = useStaffLogin(() => navigate(target, { replace: true }));
  // Why the previous session ended (e.g. 登录已过期，请重新登录), read once on arrival.
  const [notice] = useState(() => {
    const end = lastSessionEnd();
    return end?.kind === 'refused' ? end.title : null;
  });

  if (session && !login.isPending) return <Navigate to={target} replace />;

  const error = login.error ? problemOf(login.error) : null;

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            顾问工作台
          </Typography.Title>
          <Typography.Text type="secondary">4S 店客户关怀系统</Typography.Text>
        </Flex>
        <Form<StaffLoginRequest>
          name="login"
          layout="vertical"
          requiredMark={false}
          disabled={login.isPending}
          onFinish={(values) => login.mutate({ username: values.username.trim(), password: values.password })}
        >
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {error ? (
            <Alert
              type="error"
              showIcon
              title={error.title}
              description={error.detail}
              style={{ marginBottom: 16 }}
            />
          ) : notice ? (
            <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />
          ) : null}
          {/* No `loading` prop: its icon can linger after a fast answer and rename the button
              ("loading 登录"); the disabled form is feedback enough. */}
          <Button type="primary" htmlType="submit" size="large" block aria-busy={login.isPending}>
            登录
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
