import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { goLogin } from '../../utils/navigation';
import styles from './index.module.scss';

interface PromptPanelProps {
  text: string;
  /** A smaller line below the text. */
  hint?: string;
  testId?: string;
  /** What the customer can do about it (a button). */
  children?: ReactNode;
}

/** A page's whole content when there is nothing to show yet: why, and what to do about it. */
export default function PromptPanel({ text, hint, testId, children }: PromptPanelProps) {
  return (
    <View className={styles.panel} data-testid={testId}>
      <Text className={styles.text}>{text}</Text>
      {hint ? <Text className={styles.hint}>{hint}</Text> : null}
      {children}
    </View>
  );
}

interface LoginPromptProps {
  /** What logging in shows: 登录后查看您的… */
  text: string;
  /** The page to open again after the login. */
  returnTo: string;
}

/** Asks the customer to log in to see a page of their own. */
export function LoginPrompt({ text, returnTo }: LoginPromptProps) {
  return (
    <PromptPanel text={text}>
      <Button type="primary" onClick={() => goLogin(returnTo)}>
        去登录
      </Button>
    </PromptPanel>
  );
}
