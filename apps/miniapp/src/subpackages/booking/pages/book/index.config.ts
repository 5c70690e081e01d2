export default definePageConfig({
  navigationBarTitleText: '预约试驾',
});
