export default definePageConfig({
  navigationBarTitleText: '交车详情',
  enablePullDownRefresh: true,
});
