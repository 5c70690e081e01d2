import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { ensureWechatLogin } from './services/auth';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // wx.login is silent; in H5 the 我的 page offers the development login instead.
    void ensureWechatLogin();
  });

  // children are the pages
  return children;
}

export default App;
