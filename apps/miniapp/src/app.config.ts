export default defineAppConfig({
  pages: ['pages/index/index', 'pages/me/index'],
  // Journeys live in subpackages so the main package stays small (WeChat allows 2 MB per package).
  subPackages: [
    {
      // Test-drive booking: store detail, the wizard (store → model → date and slot → contact →
      // consent), its done page, the customer's bookings and a booking's detail (cancel, move).
      root: 'subpackages/booking',
      pages: [
        'pages/store/index',
        'pages/book/index',
        'pages/done/index',
        'pages/mine/index',
        'pages/detail/index',
      ],
    },
    {
      // Delivery (交车): the customer's orders (我的交车) and an order's detail — choose one of the
      // offered dates, ask for others, 按时到店 at T-3 / T-1, what to bring and the handover list.
      root: 'subpackages/delivery',
      pages: ['pages/mine/index', 'pages/detail/index'],
    },
    {
      // Satisfaction surveys (满意度评价): 待评价问卷 and the answer page, opened with `?token=` from the
      // list or from the invitation's subscription message
      // (`subpackages/survey/pages/answer/index?token=…`). Answers that fail to send wait in the
      // main package's outbox (services/survey-outbox.ts) until the server has them.
      root: 'subpackages/survey',
      pages: ['pages/list/index', 'pages/answer/index'],
    },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['subpackages/booking'] },
    'pages/me/index': { network: 'all', packages: ['subpackages/delivery', 'subpackages/survey'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f8',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '车主服务',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#8c8c8c',
    selectedColor: '#1d4ed8',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
  permission: {
    'scope.userLocation': { desc: '用于为您推荐附近门店并显示距离' },
  },
  requiredPrivateInfos: ['getLocation'],
});
