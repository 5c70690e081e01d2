export default definePageConfig({
  navigationBarTitleText: '待评价问卷',
  enablePullDownRefresh: true,
});
