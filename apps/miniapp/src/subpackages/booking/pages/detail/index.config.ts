export default definePageConfig({
  navigationBarTitleText: '试驾详情',
  enablePullDownRefresh: true,
});
