import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Loading } from '@nutui/nutui-react-taro';
import type { Loadable } from '../../utils/loadable';
import { errorTitle } from '../../utils/errors';
import styles from './index.module.scss';

interface AsyncStateProps<T> {
  state: Loadable<T>;
  onRetry: () => void;
  /** Shown when the data is there but empty. */
  emptyText: string;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}

/** Loading, error (the problem's title and 重试) and empty states around a remote resource. */
export default function AsyncState<T>({ state, onRetry, emptyText, isEmpty, children }: AsyncStateProps<T>) {
  if (state.status === 'loading') {
    return (
      <View className={styles.box}>
        <Loading type="circular">加载中…</Loading>
      </View>
    );
  }
  if (state.status === 'error') {
    return (
      <View className={styles.box}>
        <Text className={styles.error}>{errorTitle(state.error)}</Text>
        <Button size="small" type="primary" fill="outline" onClick={onRetry}>
          重试
        </Button>
      </View>
    );
  }
  if (isEmpty?.(state.data)) {
    return (
      <View className={styles.box}>
        <Text className={styles.empty}>{emptyText}</Text>
      </View>
    );
  }
  return <>{children(state.data)}</>;
}
