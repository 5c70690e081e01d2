export default definePageConfig({
  navigationBarTitleText: '我的交车',
  enablePullDownRefresh: true,
});
