import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import styles from './index.module.scss';

interface SectionProps {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}

export default function Section({ title, extra, children }: SectionProps) {
  return (
    <View className={styles.section}>
      <View className={styles.header}>
        <Text className={styles.title}>{title}</Text>
        {extra ? <View className={styles.extra}>{extra}</View> : null}
      </View>
      {children}
    </View>
  );
}
