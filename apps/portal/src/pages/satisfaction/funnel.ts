import type { SurveyFunnel } from '@dealer-care/domain';
import { percentText } from './format';

export interface FunnelStep {
  key: 'invited' | 'opened' | 'started' | 'completed';
  label: string;
  count: number;
  /** "占已发送 62.5%", or the first step's own note. */
  share: string;
}

const STEP_LABEL: Record<FunnelStep['key'], string> = {
  invited: '已发送',
  opened: '已打开',
  started: '答题中',
  completed: '已完成',
};

/**
 * The funnel's four steps, each counted on its own and shown as a share of those invited. A
 * started survey is not a response: only completed ones are.
 */
export function funnelSteps(funnel: SurveyFunnel): FunnelStep[] {
  return (['invited', 'opened', 'started', 'completed'] as const).map((key) => ({
    key,
    label: STEP_LABEL[key],
    count: funnel[key],
    share:
      key === 'invited'
        ? '送达客户的邀请'
        : funnel.invited > 0
          ? `占已发送 ${percentText(funnel[key] / funnel.invited)}`
          : '占已发送 —',
  }));
}

export interface FunnelOutcome {
  key: 'expired' | 'held' | 'dropped';
  label: string;
  hint: string;
  count: number;
}

/** What never became a response: expired unanswered, held back, or never sent. */
export function funnelOutcomes(funnel: SurveyFunnel): FunnelOutcome[] {
  return [
    { key: 'expired', label: '已过期', hint: '发送后到期仍未提交', count: funnel.expired },
    {
      key: 'held',
      label: '暂缓发送',
      hint: '联系频次限制或客户有未处理完的投诉，稍后再发',
      count: funnel.held,
    },
    { key: 'dropped', label: '未发送', hint: '暂缓过久或无法联系，不再发送', count: funnel.dropped },
  ];
}
