import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { ensureWechatLogin } from './services/auth';
import { startSurveyOutbox } from './services/survey-outbox';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // wx.login is silent; in H5 the 我的 page offers the development login instead.
    void ensureWechatLogin();
    // Survey answers that could not be sent last time go out now, and whenever a way out appears.
    startSurveyOutbox();
  });

  // children are the pages
  return children;
}

export default App;
