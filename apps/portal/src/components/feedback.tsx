import { message, notification } from 'antd';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

interface Feedback {
  message: ReturnType<typeof message.useMessage>[0];
  notification: ReturnType<typeof notification.useNotification>[0];
}

const FeedbackContext = createContext<Feedback | null>(null);

/**
 * antd's message and notification for the signed-in pages, following the locale and theme.
 * Lighter than antd's `App`, which also brings the confirm-modal machinery into every page.
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [messageApi, messageHolder] = message.useMessage();
  const [notificationApi, notificationHolder] = notification.useNotification({ maxCount: 4 });
  const value = useMemo(
    () => ({ message: messageApi, notification: notificationApi }),
    [messageApi, notificationApi],
  );
  return (
    <FeedbackContext.Provider value={value}>
      {messageHolder}
      {notificationHolder}
      {children}
    </FeedbackContext.Provider>
  );
}

export function useFeedback(): Feedback {
  const feedback = useContext(FeedbackContext);
  if (!feedback) throw new Error('useFeedback outside FeedbackProvider');
  return feedback;
}
