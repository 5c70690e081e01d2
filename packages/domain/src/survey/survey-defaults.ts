/**
 * The default templates (version 1 of each kind). Process questions ask whether the dealership's
 * key behaviours happened (DOMAIN.md, AUDIT-CHECKLISTS.md); outcome questions ask for overall
 * satisfaction, recommendation and repurchase. Factor weights: the test-drive checklist for the
 * test-drive form, J.D. Power China SSI 2021 for sales, China CSI 2014 for service. Short enough
 * to answer on a phone in a few minutes.
 */
import {
  DEFAULT_LOW_SCORE_RULE,
  type ChoiceOption,
  type ChoiceQuestion,
  type NpsQuestion,
  type RatingQuestion,
  type SurveyAnswers,
  type SurveyKind,
  type SurveyTemplateContent,
  type TextQuestion,
} from './survey.types.js';

const OVERALL_HELP = '1 星表示非常不满意，5 星表示非常满意';
const NPS_HELP = '0 分表示完全不会推荐，10 分表示一定会推荐';

function rating(
  key: string,
  factor: string | null,
  title: string,
  extra: Partial<RatingQuestion> = {},
): RatingQuestion {
  return { key, type: 'rating', factor, title, required: true, ...extra };
}

function overall(title: string): RatingQuestion {
  return rating('overall', null, title, { help: OVERALL_HELP, measure: 'overall_satisfaction' });
}

function recommend(): NpsQuestion {
  return {
    key: 'nps',
    type: 'nps',
    title: '您有多大可能向亲友推荐我们门店？',
    help: NPS_HELP,
    required: true,
  };
}

function options(entries: Array<[value: string, label: string]>): ChoiceOption[] {
  return entries.map(([value, label]) => ({ value, label }));
}

/** "What went wrong", shown only after 1 or 2 stars overall, so the callback knows where to start. */
function problems(entries: Array<[value: string, label: string]>): ChoiceQuestion {
  return {
    key: 'problems',
    type: 'multi_choice',
    title: '哪些方面让您不满意？（可多选）',
    required: true,
    showIf: { question: 'overall', anyOf: [1, 2] },
    options: options([...entries, ['other', '其他']]),
  };
}

function comment(title: string): TextQuestion {
  return { key: 'comment', type: 'text', title, help: '选填', required: false, maxLength: 500 };
}

const rule = () => ({ ...DEFAULT_LOW_SCORE_RULE });

/** 试乘试驾意见表: the test-drive checklist (before 35 %, during 40 %, after 25 %) plus the outcome. */
const TEST_DRIVE_FEEDBACK: SurveyTemplateContent = {
  title: '试乘试驾意见表',
  intro: '感谢您来店试乘试驾！请花一点时间告诉我们这次体验如何，您的意见会帮助我们把服务做得更好。',
  thanks: '感谢您的反馈！如有任何疑问，欢迎随时联系您的销售顾问。',
  factors: [
    { key: 'td_before', label: '试驾前准备', weight: 35 },
    { key: 'td_during', label: '试驾过程', weight: 40 },
    { key: 'td_after', label: '试驾后沟通', weight: 25 },
  ],
  questions: [
    rating('td_car', 'td_before', '试驾车是否干净整洁、车况良好？'),
    rating('td_briefing', 'td_before', '试驾前，顾问是否讲清了试驾流程和安全注意事项？'),
    rating('td_route', 'td_during', '试驾路线和时长是否合适，让您充分体验到了关心的性能？'),
    rating('td_safety', 'td_during', '试驾过程中，顾问对行车安全的关注让您放心吗？'),
    rating('td_followup', 'td_after', '试驾结束后，顾问是否耐心解答了您的疑问，而没有催促您？'),
    overall('总体而言，您对这次试乘试驾满意吗？'),
    problems([
      ['car', '试驾车不干净或车况不好'],
      ['waiting', '等待时间太长'],
      ['briefing', '试驾前的说明不清楚'],
      ['route', '路线或时间太短，体验不充分'],
      ['explain', '顾问讲解不够专业'],
      ['safety', '安全方面照顾不到位'],
      ['pressure', '试驾后被催促签约'],
    ]),
    recommend(),
    {
      key: 'purchase_intent',
      type: 'single_choice',
      title: '您打算什么时候购车？',
      required: true,
      // The intent levels H / A / B / C of the sales standard, so the consultant can follow up at the right pace.
      options: options([
        ['within_7_days', '7 天内'],
        ['within_15_days', '15 天内'],
        ['within_30_days', '1 个月内'],
        ['within_3_months', '3 个月内'],
        ['not_sure', '暂时没有计划'],
      ]),
    },
    comment('还有什么想告诉我们的吗？'),
  ],
  lowScoreRule: rule(),
};

/** 购车满意度调查: J.D. Power China SSI 2021 buyer factors and weights. */
const SALES_CSI: SurveyTemplateContent = {
  title: '购车满意度调查',
  intro: '恭喜您喜提爱车！想请您花几分钟回顾这次购车经历，您的每一条意见都会用来改进我们的服务。',
  thanks: '感谢您的宝贵意见！祝您用车愉快，有任何需要请随时联系我们。',
  factors: [
    { key: 'online', label: '线上体验', weight: 18 },
    { key: 'pre_visit', label: '到店前沟通', weight: 10 },
    { key: 'reception', label: '展厅接待', weight: 15 },
    { key: 'product', label: '产品体验', weight: 13 },
    { key: 'test_drive', label: '试乘试驾', weight: 8 },
    { key: 'deal', label: '成交', weight: 16 },
    { key: 'delivery', label: '交车', weight: 20 },
  ],
  questions: [
    rating('on_info', 'online', '通过官网、小程序或汽车平台了解车型和门店信息，是否方便？'),
    rating('on_reply', 'online', '您在线上咨询后，门店的回复是否及时、专业？'),
    rating(
      'pv_contact',
      'pre_visit',
      '到店前，顾问通过电话或微信的沟通（预约时间、路线、需带的资料）是否周到？',
    ),
    rating('rc_welcome', 'reception', '进店时，您是否得到了及时、热情的接待？'),
    rating('rc_needs', 'reception', '顾问是否耐心倾听，真正了解了您的用车需求？'),
    rating('pd_explain', 'product', '顾问结合您的需求介绍车型，讲解是否清楚、专业？'),
    rating('pd_answers', 'product', '您对车辆的疑问，是否都得到了客观、满意的解答？'),
    rating('td_experience', 'test_drive', '试乘试驾的安排（车况、路线、时长、安全说明）是否让您满意？', {
      help: '如果没有试驾，可以跳过此题',
      required: false,
    }),
    rating('dl_price', 'deal', '报价和各项费用是否透明，并向您解释清楚了？'),
    rating('dl_paperwork', 'deal', '签约和购车手续是否办理得高效、准确？'),
    rating('dv_on_time', 'delivery', '车辆是否按约定的时间交付？', {
      help: '如有延期，也请考虑门店是否及时告知了原因和后续安排',
    }),
    rating('dv_explain', 'delivery', '交车时，顾问对车辆功能、使用方法和保养保修的讲解是否清楚？'),
    rating('dv_condition', 'delivery', '交付的车辆是否干净完好，手续和随车物品是否齐全？'),
    overall('总体而言，您对这次购车经历满意吗？'),
    problems([
      ['online', '线上咨询回复慢或不专业'],
      ['contact', '到店前沟通不到位'],
      ['reception', '接待不及时或不热情'],
      ['product', '产品讲解不清楚'],
      ['test_drive', '试乘试驾安排不好'],
      ['price', '价格或费用不透明'],
      ['pressure', '洽谈时感到有压力'],
      ['delivery_delay', '交车延期或等待太久'],
      ['delivery_explain', '交车讲解不到位'],
      ['promise', '承诺的事项没有兑现'],
    ]),
    recommend(),
    rating('repurchase', null, '以后再购车时，您会再选择我们门店吗？', {
      help: '1 星表示肯定不会，5 星表示一定会',
      measure: 'repurchase_intent',
    }),
    comment('对我们还有什么意见或建议？'),
  ],
  lowScoreRule: rule(),
};

/** 售后服务满意度调查: J.D. Power China CSI 2014 factors and weights. */
const SERVICE_SSI: SurveyTemplateContent = {
  title: '售后服务满意度调查',
  intro: '感谢您选择我们的售后服务！请花几分钟评价这次维修保养的体验，帮助我们做得更好。',
  thanks: '感谢您的评价！祝您行车平安，下次保养前我们会提前提醒您。',
  factors: [
    { key: 'service_quality', label: '服务质量', weight: 24 },
    { key: 'facility', label: '服务设施', weight: 21 },
    { key: 'pickup', label: '取车', weight: 21 },
    { key: 'advisor', label: '服务顾问', weight: 18 },
    { key: 'initiation', label: '服务启动', weight: 17 },
  ],
  questions: [
    rating('si_booking', 'initiation', '预约是否方便，到店后能否按约定时间及时开始服务？'),
    rating('si_check', 'initiation', '接车时，服务顾问是否和您一起检查车辆，并认真记录了您反映的问题？'),
    rating('sa_explain', 'advisor', '服务顾问是否清楚说明了维修项目、费用和预计完工时间？'),
    rating('sa_approval', 'advisor', '需要增加维修项目时，服务顾问是否先征得了您的同意？', {
      help: '如果没有增加项目，可以跳过此题',
      required: false,
    }),
    rating('sf_lounge', 'facility', '休息区的环境和设施（座位、饮品、网络等）是否舒适？'),
    rating('sf_access', 'facility', '门店的位置、停车和车辆进出是否方便？'),
    rating('pk_on_time', 'pickup', '车辆是否按承诺的时间完工交还？'),
    rating('pk_explain', 'pickup', '取车时，是否向您说明了所做的工作和费用明细？'),
    rating('sq_fixed', 'service_quality', '车辆的问题是否一次就处理好了？'),
    rating('sq_clean', 'service_quality', '交还时车辆是否干净，没有新的损伤或遗留物品？'),
    overall('总体而言，您对这次售后服务满意吗？'),
    problems([
      ['booking', '预约不便或等待太久'],
      ['advisor', '服务顾问说明不清楚'],
      ['extra_work', '未经同意增加了项目'],
      ['price', '费用比预期高'],
      ['facility', '休息区或停车不方便'],
      ['late', '没有按时交车'],
      ['not_fixed', '问题没有修好'],
      ['car_condition', '车辆不干净或有损伤'],
    ]),
    recommend(),
    comment('对我们的售后服务还有什么意见或建议？'),
  ],
  lowScoreRule: rule(),
};

/** For a prospect who bought elsewhere (J.D. Power's "rejecters"): short, and no blame. */
const LOST_SALES: SurveyTemplateContent = {
  title: '购车经历回访',
  intro: '得知您已选好爱车，恭喜！想了解一下您最终的选择，帮助我们改进。只有几道题，很快就好。',
  thanks: '感谢您的坦诚反馈！祝您用车愉快，以后有需要也欢迎随时联系我们。',
  factors: [{ key: 'experience', label: '看车体验', weight: 100 }],
  questions: [
    {
      key: 'lost_reason',
      type: 'single_choice',
      title: '您最终选择了其他品牌或门店，最主要的原因是？',
      required: true,
      options: options([
        ['price', '价格或优惠更合适'],
        ['model', '更喜欢其他车型或配置'],
        ['delivery_time', '提车更快'],
        ['finance', '置换或贷款方案更合适'],
        ['service', '其他门店的服务更好'],
        ['location', '距离更近、更方便'],
        ['other', '其他原因'],
      ]),
    },
    rating('experience', 'experience', '回想在我们门店看车的经历，您满意吗？', { help: OVERALL_HELP }),
    recommend(),
    comment('您觉得我们哪里还可以做得更好？'),
  ],
  lowScoreRule: rule(),
};

export const DEFAULT_SURVEY_TEMPLATES: Record<SurveyKind, SurveyTemplateContent> = {
  test_drive_feedback: TEST_DRIVE_FEEDBACK,
  sales_csi: SALES_CSI,
  service_ssi: SERVICE_SSI,
  lost_sales: LOST_SALES,
};

/**
 * A complete, valid answer to the default 试乘试驾意见表: the API's documented example, and what
 * tests and benchmarks submit for a customer.
 */
export const EXAMPLE_TEST_DRIVE_FEEDBACK_ANSWERS: Readonly<SurveyAnswers> = Object.freeze({
  td_car: 5,
  td_briefing: 4,
  td_route: 4,
  td_safety: 5,
  td_followup: 4,
  overall: 4,
  problems: ['waiting'],
  nps: 9,
  purchase_intent: 'within_30_days',
  comment: '试驾体验很好',
});
