import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { pendingSurveyCount } from '../../services/pending-surveys';
import { useSession } from '../../services/session';
import { openPendingSurveys } from '../../utils/navigation';
import styles from './index.module.scss';

interface SurveyTodoProps {
  /** Changes when the page is shown again, to reload. */
  refreshKey: number;
}

/**
 * 待评价问卷 (N) on the home page, linking to the list. Nothing when logged out, when none waits or
 * when the request fails. Main package: keep it tiny.
 */
export default function SurveyTodo({ refreshKey }: SurveyTodoProps) {
  const { customer } = useSession();
  const [count, setCount] = useState(0);
  const loggedIn = customer !== null;

  useEffect(() => {
    if (!loggedIn) {
      setCount(0);
      return;
    }
    let stale = false;
    pendingSurveyCount().then(
      (n) => {
        if (!stale) setCount(n);
      },
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [loggedIn, refreshKey]);

  if (count === 0) return null;
  return (
    <View
      className={`${styles.card} survey-todo`}
      data-testid="survey-todo"
      data-count={count}
      onClick={openPendingSurveys}
    >
      <View className={styles.star}>
        <Text>★</Text>
      </View>
      <View className={styles.text}>
        <Text className={styles.what}>待评价问卷 ({count})</Text>
        <Text className={styles.hint}>花 1–2 分钟告诉我们您的体验</Text>
      </View>
      <Text className={styles.arrow}>›</Text>
    </View>
  );
}
