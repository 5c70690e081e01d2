/**
 * Process audit (过程检核): a manager or a mystery shopper ticks, step by step, whether the key
 * behaviours of the sales standard happened. The checklist and its weights follow the dealership
 * standard (AUDIT-CHECKLISTS.md); where the standard left a row unweighted or its rows do not add
 * up to 100 %, the weights are normalised and the note says how, so the audit stays explainable.
 */
import { formatNumber, isRecord, ownValue, roundTo, weightedMean } from './survey-math.js';
import type {
  AuditGroup,
  AuditMarks,
  AuditScore,
  AuditStep,
  AuditTemplate,
  NormalisedWeight,
} from './survey.types.js';

/** A group as written below: its item labels, keyed by step() once the step is known. */
interface GroupDraft {
  key: string;
  label: string;
  publishedWeight: number | null;
  items: string[];
}

function g(key: string, label: string, publishedWeight: number | null, items: string[]): GroupDraft {
  return { key, label, publishedWeight, items };
}

/** A step whose items are keyed `<step>_<group>_<n>`, n from 1 (unique across the template). */
function step(key: string, label: string, publishedWeight: number | null, groups: GroupDraft[]): AuditStep {
  return {
    key,
    label,
    publishedWeight,
    groups: groups.map((draft): AuditGroup => ({
      key: draft.key,
      label: draft.label,
      publishedWeight: draft.publishedWeight,
      items: draft.items.map((item, index) => ({ key: `${key}_${draft.key}_${index + 1}`, label: item })),
    })),
  };
}

/** The sales-process checklist of the dealership standard, version 1. */
export const DEFAULT_SALES_AUDIT: AuditTemplate = {
  key: 'sales_process',
  version: 1,
  title: '销售流程检核表',
  steps: [
    // The published table of this step repeats the presentation table: its behaviours are kept, unweighted.
    step('reception', '顾客接待', 5, [
      g('arrival', '迎接顾客', null, [
        '值班顾问关注展厅入口，在门口主动迎接并询问来意',
        '递上名片、自我介绍，并请教顾客贵姓',
        '向每一位同行人员问好',
        '正在接待他人时，立即点头示意并请顾客稍候',
      ]),
      g('browsing', '自由看车', null, [
        '让顾客自由参观，并告知自己在哪里',
        '保持舒适的距离，顾客需要帮助时及时上前',
      ]),
      g('talking', '交谈', null, [
        '先寒暄，顺着顾客的话题交流，不打断',
        '适时提供免费饮品（水、茶、咖啡或果汁）',
        '介绍品牌、门店和自己，并留下顾客联系方式',
      ]),
      g('leaving', '送别', null, ['放下手头工作，送顾客到门口', '感谢光临、邀请再次到店，并目送顾客离开']),
      g('phone', '电话接待', null, [
        '铃响三声内接听，用普通话报门店名和本人姓名',
        '询问来电目的；需要转接时 20 秒内完成并确认接通',
        '复述通话要点，并告知其他联系方式',
        '感谢来电，待对方挂断后再挂电话',
      ]),
    ]),
    step('needs_analysis', '需求分析', 5, [
      g('listening', '顾客陈述需求时', 50, [
        '认真倾听，不打断顾客',
        '用开放式问题引导，不急于给出答案',
        '持续追问澄清，直到需求具体明确',
      ]),
      g('summary', '归纳需求', 50, [
        '通过提问帮助顾客梳理、归纳需求',
        '征得同意后记录在洽谈笔记本上',
        '帮助顾客选出合适的车型',
      ]),
    ]),
    step('presentation', '产品介绍', 5, [
      g('before', '介绍前', 20, ['确认需求，选定合适的车型', '按顾客兴趣引导到相应位置']),
      g('start', '开始介绍', 20, [
        '说明介绍内容和时长，并征得顾客同意',
        '从顾客最关心的地方讲起',
        '提供有针对性的产品资料',
      ]),
      g('during', '介绍中', 30, [
        '请顾客处在最佳体验位置（如驾驶座）',
        '借助展车进一步了解需求，让顾客参与其中',
        '清楚解答顾客的疑问',
        '突出自身优势，不贬低竞品',
        '在资料上标出顾客的关注点和对比项',
      ]),
      g('end', '介绍结束', 30, [
        '对照需求总结车型的特点和好处',
        '把名片钉在资料上交给顾客',
        '邀请顾客试乘试驾',
      ]),
    ]),
    step('test_drive', '试乘试驾', 8, [
      g('before', '试驾前', 35, [
        '主动提供试驾车',
        '试驾车干净整洁、油电充足',
        '对照流程图讲解试驾流程和安全事项',
        '查验驾驶证并签署试乘试驾同意书',
      ]),
      g('during', '试驾中', 40, [
        '围绕顾客需求安排试驾体验',
        '全程关注行车安全',
        '顾问先驾驶，中途在安全地点换手',
      ]),
      g('after', '试驾后', 25, ['请顾客回到洽谈区填写试乘试驾意见表', '邀请顾客考虑当场签约']),
    ]),
    // Every closing behaviour carries its own weight: one group per behaviour.
    step('closing', '签约成交', 20, [
      g('price', '价格说明', 24, ['用报价单说明价格，报价兼顾市场和顾客情况']),
      g('fees', '费用说明', 6, ['出示单据，逐项说明各项费用']),
      g('finance', '金融保险', 6, ['事先准备好金融和保险方案的说明']),
      g('order_form', '填写订单', 5, ['达成一致后提供订单，并协助顾客正确填写']),
      g('documents', '证件资料', 5, ['复印相关证件和资料']),
      g('agreement', '约定记录', 5, ['记录与顾客约定的所有事项']),
      g('procedure', '手续说明', 6, ['说明购车手续及相关费用']),
      g('no_pressure', '不施压', 6, ['未成交时给顾客时间和空间，不施加压力']),
      g('paperwork', '手续办理', 12, ['手续办理快速、准确、有礼貌']),
      g('contract', '合同条款', 25, ['顾客可以参与并修改合同条款']),
    ]),
    // Published rows add up to 90 %.
    step('delivery', '交车', 40, [
      g('on_time', '按约定日期', 11, ['在承诺的时间交车']),
      g('planned', '时间安排', 18, ['为交车安排充足的时间', '提前布置好交车区']),
      g('preparation', '交车准备', 12, [
        '提前 24 小时确认 PDI 检查和清洁已完成',
        '发票、合格证、随车文件、手册、卡片、备用钥匙和随车工具已备齐',
      ]),
      g('arrival', '到店迎接', 8, ['门口摆放欢迎牌', '为顾客佩戴交车识别标志']),
      g('documents', '文件说明', 8, ['介绍交车流程，并确认顾客时间充裕', '讲解用户手册，先讲应急处理']),
      g('service_handover', '售后交接', 8, ['移交文件并讲解保修政策', '引见服务经理或售后人员']),
      g('vehicle', '车辆讲解与验收', 15, [
        '讲解车辆功能及使用方法',
        '顾客验车，确认配置和车辆质量',
        '顾客签署交车确认单',
        '交车记录归档',
      ]),
      g('ceremony', '交车仪式', 10, ['献花', '合影留念']),
    ]),
    // The standard gives this step no share of the audit: it gets the rest (17 %).
    step('follow_up', '售后跟踪', null, [
      g('preparation', '资料准备', null, ['客户档案完整']),
      g('thank_you', '致谢', null, ['交车后 5 天内寄出感谢信并致电感谢']),
      g('service_call', '售后回访', 30, ['服务顾问一周内致电，了解新车使用情况']),
      g('regular_contact', '定期联系', 30, ['顾问有明确的回访计划', '每次回访后更新客户档案']),
    ]),
  ],
};

const ROUND_TOLERANCE = 1e-9;

/**
 * Weights that add up to 100: unweighted rows share what the published ones leave to 100
 * equally (all unweighted: equal shares), then everything is scaled to 100. One decimal.
 */
export function normaliseWeights(
  rows: Array<{ key: string; publishedWeight: number | null }>,
): NormalisedWeight[] {
  if (rows.length === 0) return [];
  const published = rows.filter((row) => row.publishedWeight !== null);
  const publishedSum = published.reduce((sum, row) => sum + row.publishedWeight!, 0);
  const unweighted = rows.length - published.length;

  let filled: Array<{ key: string; weight: number; note: string | null }>;
  if (published.length === 0 || publishedSum <= 0) {
    filled = rows.map((row) => ({ key: row.key, weight: 100 / rows.length, note: '原表未给权重，平均分配' }));
  } else {
    const remainder = Math.max(0, 100 - publishedSum);
    const share = unweighted > 0 ? remainder / unweighted : 0;
    const fillNote =
      remainder > 0
        ? `原表未给权重，按剩余 ${formatNumber(remainder)}% 平均分配`
        : '原表未给权重，其余各项已占满 100%，不计分';
    filled = rows.map((row) =>
      row.publishedWeight !== null
        ? { key: row.key, weight: row.publishedWeight, note: null }
        : { key: row.key, weight: share, note: fillNote },
    );
  }

  const total = filled.reduce((sum, row) => sum + row.weight, 0);
  if (Math.abs(total - 100) > ROUND_TOLERANCE) {
    const scaleNote = `原表合计 ${formatNumber(publishedSum)}%，按比例换算为 100%`;
    filled = filled.map((row) => ({
      key: row.key,
      weight: (row.weight * 100) / total,
      note: row.note ? `${row.note}；${scaleNote}` : scaleNote,
    }));
  }
  return filled.map((row) => ({ key: row.key, weight: roundTo(row.weight, 1), note: row.note }));
}

function weightsOf(rows: ReadonlyArray<{ key: string; publishedWeight: number | null }>): number[] {
  return normaliseWeights([...rows]).map((row) => row.weight);
}

/**
 * Scores an audit 0–100 (one decimal): a group is the share of its applicable items done (items
 * marked null or not marked are left out); a step is the weighted mean of its scored groups; the
 * total is the weighted mean of the scored steps. The weights used are the one-decimal ones shown
 * and the total uses the step scores as shown, so it can be recomputed from the screen.
 */
export function scoreAudit(template: AuditTemplate, marks: AuditMarks): AuditScore {
  const stepWeights = weightsOf(template.steps);
  const steps = template.steps.map((auditStep, stepIndex) => {
    const groupWeights = weightsOf(auditStep.groups);
    const entries = auditStep.groups.flatMap((auditGroup, groupIndex) => {
      const applicable = auditGroup.items.filter((item) => typeof ownValue(marks, item.key) === 'boolean');
      if (applicable.length === 0) return [];
      const done = applicable.filter((item) => marks[item.key] === true).length;
      return [{ value: (done / applicable.length) * 100, weight: groupWeights[groupIndex]! }];
    });
    const mean = weightedMean(entries);
    return {
      key: auditStep.key,
      label: auditStep.label,
      weight: stepWeights[stepIndex]!,
      score: mean === null ? null : roundTo(mean, 1),
    };
  });
  const total = weightedMean(
    steps.flatMap((s) => (s.score === null ? [] : [{ value: s.score, weight: s.weight }])),
  );
  return { total: total === null ? null : roundTo(total, 1), steps };
}

/** Problems of submitted marks, keyed by item key (or "marks" for the whole), in Chinese; empty when valid. */
export function validateAuditMarks(template: AuditTemplate, marks: unknown): Record<string, string> {
  if (!isRecord(marks)) return { marks: '检核结果格式不正确' };
  const known = new Set(
    template.steps.flatMap((s) => s.groups.flatMap((g) => g.items.map((item) => item.key))),
  );
  const errors = new Map<string, string>();
  let assessed = 0;
  for (const [key, value] of Object.entries(marks)) {
    if (!known.has(key)) errors.set(key, '检核表中没有这一项');
    else if (typeof value === 'boolean') assessed += 1;
    else if (value !== null) errors.set(key, '请选择 做到 / 未做到 / 不适用');
  }
  // All "not applicable" would give no score at all.
  if (errors.size === 0 && assessed === 0) errors.set('marks', '请至少评定一项（做到或未做到）');
  return Object.fromEntries(errors);
}
