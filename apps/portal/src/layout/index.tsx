import {
  CarOutlined,
  FileDoneOutlined,
  HomeOutlined,
  LogoutOutlined,
  PhoneOutlined,
  SettingOutlined,
  ShopOutlined,
  SmileOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { STAFF_ROLE_LABEL_ZH } from '@dealer-care/domain';
import {
  Avatar,
  Badge,
  Button,
  Flex,
  Layout,
  Menu,
  Result,
  Space,
  Spin,
  Tag,
  Typography,
  theme,
  type MenuProps,
} from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Outlet, useMatches, useNavigate, useNavigation } from 'react-router';
import { canOpen, menuFor, sectionDef, type RouteHandle, type Section } from '../access';
import { useCurrentStaff } from '../auth/queries';
import { FeedbackProvider } from '../components/feedback';
import { clearSession } from '../auth/session';
import { useStaffStores } from '../pages/stores/queries';
import { storeLabel } from '../pages/stores/summary';
import { useOpenCaseCount } from '../pages/satisfaction/queries';
import { useFollowUpBadge } from '../pages/follow-ups/queries';
import { useTestDriveAlerts } from '../pages/test-drives/live';

const ICONS: Record<Section, ReactNode> = {
  home: <HomeOutlined />,
  stores: <ShopOutlined />,
  'test-drives': <CarOutlined />,
  deliveries: <FileDoneOutlined />,
  'follow-ups': <PhoneOutlined />,
  customers: <TeamOutlined />,
  satisfaction: <SmileOutlined />,
  settings: <SettingOutlined />,
};

function useCurrentSection(): Section | undefined {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const handle = matches[i]?.handle as RouteHandle | undefined;
    if (handle?.section) return handle.section;
  }
  return undefined;
}

/**
 * The signed-in shell; its pages show messages and notifications through useFeedback().
 */
export default function PortalLayout() {
  return (
    <FeedbackProvider>
      <Shell />
    </FeedbackProvider>
  );
}

function Shell() {
  const staff = useCurrentStaff();
  const stores = useStaffStores();
  const section = useCurrentSection();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const testDrives = useTestDriveAlerts(
    staff,
    stores.data,
    staff !== null && canOpen(staff.role, 'test-drives'),
  );
  const openCases = useOpenCaseCount(staff !== null && canOpen(staff.role, 'satisfaction'));
  const followUpsDue = useFollowUpBadge(staff !== null && canOpen(staff.role, 'follow-ups'));
  const clearTestDrives = testDrives.clear;
  // Opening the section is looking at the changes.
  useEffect(() => {
    if (section === 'test-drives') clearTestDrives();
  }, [section, clearTestDrives]);

  if (!staff) return null; // RequireAuth redirects before this renders

  const items: MenuProps['items'] = menuFor(staff.role).map((item) => ({
    key: item.key,
    icon: ICONS[item.key],
    disabled: !item.available,
    label: item.available ? (
      item.key === 'test-drives' && testDrives.unseen > 0 ? (
        <Flex align="center" justify="space-between" gap={4}>
          <span>{item.label}</span>
          <Badge
            count={testDrives.unseen}
            size="small"
            title={`${testDrives.unseen} 条新变动`}
            data-testid="test-drives-badge"
          />
        </Flex>
      ) : item.key === 'follow-ups' && followUpsDue > 0 ? (
        <Flex align="center" justify="space-between" gap={4}>
          <span>{item.label}</span>
          <Badge
            count={followUpsDue}
            size="small"
            title={`${followUpsDue} 条回访今天到期或已逾期`}
            data-testid="follow-ups-badge"
          />
        </Flex>
      ) : item.key === 'satisfaction' && openCases > 0 ? (
        <Flex align="center" justify="space-between" gap={4}>
          <span>{item.label}</span>
          <Badge
            count={openCases}
            size="small"
            title={`${openCases} 条低分待回访`}
            data-testid="satisfaction-badge"
          />
        </Flex>
      ) : (
        item.label
      )
    ) : (
      <Flex align="center" justify="space-between" gap={4}>
        <span>{item.label}</span>
        <Tag variant="filled" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '18px' }}>
          即将上线
        </Tag>
      </Flex>
    ),
  }));
  const store = storeLabel(staff, stores.data);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={208}>
        <Flex
          align="center"
          justify="center"
          style={{ height: 64, color: '#fff', fontWeight: 600, fontSize: 16 }}
        >
          {collapsed ? '关怀' : '4S 客户关怀'}
        </Flex>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={section ? [section] : []}
          items={items}
          onClick={({ key }) => {
            if (key === 'test-drives') clearTestDrives();
            void navigate(sectionDef(key as Section).path);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: 24,
          }}
        >
          <Flex align="center" justify="space-between" style={{ height: '100%' }}>
            <Spin size="small" spinning={navigation.state === 'loading'} />
            <Space size="middle">
              <Space size="small">
                <Avatar size="small" icon={<UserOutlined />} />
                <Typography.Text strong data-testid="staff-name">
                  {staff.displayName}
                </Typography.Text>
                <Tag color="blue">{STAFF_ROLE_LABEL_ZH[staff.role]}</Tag>
                {store && <Typography.Text type="secondary">{store}</Typography.Text>}
              </Space>
              <Button
                type="text"
                icon={<LogoutOutlined />}
                onClick={() => clearSession({ kind: 'signed-out' })}
              >
                退出登录
              </Button>
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          {section && !canOpen(staff.role, section) ? (
            <Result status="403" title="无权访问" subTitle="您的角色暂不能使用此功能。" />
          ) : (
            <Outlet />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
