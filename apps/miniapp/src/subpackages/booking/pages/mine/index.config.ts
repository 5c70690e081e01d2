export default definePageConfig({
  navigationBarTitleText: '我的试驾',
  enablePullDownRefresh: true,
});
