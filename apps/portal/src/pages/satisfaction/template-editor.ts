import {
  DEFAULT_LOW_SCORE_RULE,
  SURVEY_TEMPLATE_LIMITS,
  type ChoiceOption,
  type LowScoreRule,
  type QuestionType,
  type ShowCondition,
  type SurveyFactor,
  type SurveyQuestion,
  type SurveyTemplate,
  type SurveyTemplateContent,
} from '@dealer-care/domain';

/**
 * The template editor's state changes, pure: the editor dispatches them and shows what
 * `validateTemplateContent` says about the result. Keys are stable (answers are stored under
 * them), so renaming a key carries along whatever refers to it.
 */
export type EditorAction =
  | { type: 'reset'; content: SurveyTemplateContent }
  | { type: 'text'; field: 'title' | 'intro' | 'thanks'; value: string }
  | { type: 'addFactor' }
  | { type: 'updateFactor'; index: number; patch: Partial<SurveyFactor> }
  | { type: 'removeFactor'; index: number }
  | { type: 'addQuestion'; questionType: QuestionType }
  | { type: 'removeQuestion'; index: number }
  | { type: 'moveQuestion'; index: number; delta: -1 | 1 }
  | { type: 'changeQuestionType'; index: number; questionType: QuestionType }
  | { type: 'updateQuestion'; index: number; patch: QuestionPatch }
  | { type: 'addOption'; index: number }
  | { type: 'updateOption'; index: number; option: number; patch: Partial<ChoiceOption> }
  | { type: 'removeOption'; index: number; option: number }
  | { type: 'setShowIf'; index: number; showIf: ShowCondition | null }
  | { type: 'setRule'; part: keyof LowScoreRule; value: number | null };

/** The fields a question's editor changes; the type-specific ones apply only where they exist. */
export interface QuestionPatch {
  key?: string;
  title?: string;
  help?: string;
  required?: boolean;
  factor?: string | null;
  weight?: number | undefined;
  measure?: 'overall_satisfaction' | 'repurchase_intent' | undefined;
  maxLength?: number;
}

/** The editable part of a saved version. */
export function contentOf(template: SurveyTemplate): SurveyTemplateContent {
  const { title, intro, thanks, factors, questions, lowScoreRule } = template;
  return structuredClone({ title, intro, thanks, factors, questions, lowScoreRule });
}

/** `<prefix>_<n>`, one past the highest such key, never one in use. */
export function nextKey(prefix: string, used: readonly string[]): string {
  const taken = new Set(used);
  const pattern = new RegExp(`^${prefix}_(\\d+)$`);
  let n = 1;
  for (const key of used) {
    const match = pattern.exec(key);
    if (match) n = Math.max(n, Number(match[1]) + 1);
  }
  while (taken.has(`${prefix}_${n}`)) n += 1;
  return `${prefix}_${n}`;
}

/** A new question of a type with sensible defaults; common fields are taken from `base`. */
export function newQuestion(
  type: QuestionType,
  key: string,
  base: Partial<Pick<SurveyQuestion, 'title' | 'help' | 'required' | 'showIf'>> = {},
): SurveyQuestion {
  const common = {
    key,
    title: base.title ?? '',
    required: base.required ?? type !== 'text',
    ...(base.help ? { help: base.help } : {}),
    ...(base.showIf ? { showIf: base.showIf } : {}),
  };
  switch (type) {
    case 'rating':
      return { ...common, type, factor: null };
    case 'nps':
      return { ...common, type };
    case 'single_choice':
    case 'multi_choice':
      return {
        ...common,
        type,
        options: [
          { value: 'opt_1', label: '' },
          { value: 'opt_2', label: '' },
        ],
      };
    case 'text':
      return { ...common, type, maxLength: 500 };
  }
}

/** The answers a condition can be on, for a question that others may depend on. */
export function conditionValues(question: SurveyQuestion): Array<{ value: string | number; label: string }> {
  switch (question.type) {
    case 'rating':
      return [1, 2, 3, 4, 5].map((n) => ({ value: n, label: `${n} 星` }));
    case 'nps':
      return Array.from({ length: 11 }, (_, n) => ({ value: n, label: `${n} 分` }));
    case 'single_choice':
    case 'multi_choice':
      return question.options.map((o) => ({ value: o.value, label: o.label || o.value }));
    case 'text':
      return [];
  }
}

/** The earlier questions a question at `index` may be shown after ("当…时显示"); text answers cannot. */
export function conditionSources(questions: readonly SurveyQuestion[], index: number): SurveyQuestion[] {
  return questions.slice(0, Math.max(0, index)).filter((q) => q.type !== 'text');
}

function mapQuestions(
  content: SurveyTemplateContent,
  fn: (q: SurveyQuestion, i: number) => SurveyQuestion,
): SurveyTemplateContent {
  return { ...content, questions: content.questions.map(fn) };
}

/** Drops a question's condition, or narrows its values; an empty condition is removed. */
function withoutShowIf(q: SurveyQuestion): SurveyQuestion {
  const { showIf: _dropped, ...rest } = q;
  return rest as SurveyQuestion;
}

function patchQuestion(q: SurveyQuestion, patch: QuestionPatch): SurveyQuestion {
  const next = { ...q } as SurveyQuestion & Record<string, unknown>;
  if (patch.key !== undefined) next.key = patch.key;
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.required !== undefined) next.required = patch.required;
  if ('help' in patch) {
    if (patch.help) next.help = patch.help;
    else delete next.help;
  }
  if (next.type === 'rating') {
    if ('factor' in patch && patch.factor !== undefined) next.factor = patch.factor;
    if ('weight' in patch) {
      if (patch.weight === undefined) delete next.weight;
      else next.weight = patch.weight;
    }
    if ('measure' in patch) {
      if (patch.measure === undefined) delete next.measure;
      else next.measure = patch.measure;
    }
  }
  if (next.type === 'text' && patch.maxLength !== undefined) next.maxLength = patch.maxLength;
  return next;
}

export function editorReducer(content: SurveyTemplateContent, action: EditorAction): SurveyTemplateContent {
  switch (action.type) {
    case 'reset':
      return structuredClone(action.content);
    case 'text':
      return { ...content, [action.field]: action.value };
    case 'addFactor': {
      const key = nextKey(
        'factor',
        content.factors.map((f) => f.key),
      );
      return { ...content, factors: [...content.factors, { key, label: '', weight: 10 }] };
    }
    case 'updateFactor': {
      const old = content.factors[action.index];
      if (!old) return content;
      const factors = content.factors.map((f, i) => (i === action.index ? { ...f, ...action.patch } : f));
      const renamed =
        action.patch.key !== undefined && action.patch.key !== old.key ? action.patch.key : null;
      const next = { ...content, factors };
      return renamed === null
        ? next
        : mapQuestions(next, (q) =>
            q.type === 'rating' && q.factor === old.key ? { ...q, factor: renamed } : q,
          );
    }
    case 'removeFactor': {
      const old = content.factors[action.index];
      if (!old) return content;
      // Its questions stay, outside the index, until given another factor.
      return mapQuestions(
        { ...content, factors: content.factors.filter((_, i) => i !== action.index) },
        (q) => (q.type === 'rating' && q.factor === old.key ? { ...q, factor: null } : q),
      );
    }
    case 'addQuestion': {
      const key = nextKey(
        'q',
        content.questions.map((q) => q.key),
      );
      const question = newQuestion(action.questionType, key);
      if (question.type === 'rating' && content.factors.length > 0) question.factor = content.factors[0]!.key;
      return { ...content, questions: [...content.questions, question] };
    }
    case 'removeQuestion': {
      const old = content.questions[action.index];
      if (!old) return content;
      return {
        ...content,
        questions: content.questions
          .filter((_, i) => i !== action.index)
          .map((q) => (q.showIf?.question === old.key ? withoutShowIf(q) : q)),
      };
    }
    case 'moveQuestion': {
      const target = action.index + action.delta;
      const { questions } = content;
      if (action.index < 0 || action.index >= questions.length || target < 0 || target >= questions.length) {
        return content;
      }
      const next = [...questions];
      [next[action.index], next[target]] = [next[target]!, next[action.index]!];
      return { ...content, questions: next };
    }
    case 'changeQuestionType': {
      const old = content.questions[action.index];
      if (!old || old.type === action.questionType) return content;
      const question = newQuestion(action.questionType, old.key, old);
      if (question.type === 'rating' && content.factors.length > 0) question.factor = content.factors[0]!.key;
      if (question.type === 'multi_choice' && (old.type === 'single_choice' || old.type === 'multi_choice')) {
        question.options = old.options;
      }
      if (
        question.type === 'single_choice' &&
        (old.type === 'single_choice' || old.type === 'multi_choice')
      ) {
        question.options = old.options;
      }
      const sameValues =
        (old.type === 'single_choice' || old.type === 'multi_choice') &&
        (question.type === 'single_choice' || question.type === 'multi_choice');
      // What others were shown on no longer exists as an answer of this type.
      return mapQuestions(content, (q, i) =>
        i === action.index ? question : q.showIf?.question === old.key && !sameValues ? withoutShowIf(q) : q,
      );
    }
    case 'updateQuestion': {
      const old = content.questions[action.index];
      if (!old) return content;
      const renamed =
        action.patch.key !== undefined && action.patch.key !== old.key ? action.patch.key : null;
      return mapQuestions(content, (q, i) => {
        if (i === action.index) return patchQuestion(q, action.patch);
        if (renamed !== null && q.showIf?.question === old.key) {
          return { ...q, showIf: { ...q.showIf, question: renamed } };
        }
        return q;
      });
    }
    case 'addOption':
      return mapQuestions(content, (q, i) => {
        if (i !== action.index || (q.type !== 'single_choice' && q.type !== 'multi_choice')) return q;
        const value = nextKey(
          'opt',
          q.options.map((o) => o.value),
        );
        return { ...q, options: [...q.options, { value, label: '' }] };
      });
    case 'updateOption': {
      const owner = content.questions[action.index];
      if (!owner || (owner.type !== 'single_choice' && owner.type !== 'multi_choice')) return content;
      const old = owner.options[action.option];
      if (!old) return content;
      const renamed =
        action.patch.value !== undefined && action.patch.value !== old.value ? action.patch.value : null;
      return mapQuestions(content, (q, i) => {
        if (i === action.index && (q.type === 'single_choice' || q.type === 'multi_choice')) {
          return {
            ...q,
            options: q.options.map((o, j) => (j === action.option ? { ...o, ...action.patch } : o)),
          };
        }
        if (renamed !== null && q.showIf?.question === owner.key) {
          return {
            ...q,
            showIf: { ...q.showIf, anyOf: q.showIf.anyOf.map((v) => (v === old.value ? renamed : v)) },
          };
        }
        return q;
      });
    }
    case 'removeOption': {
      const owner = content.questions[action.index];
      if (!owner || (owner.type !== 'single_choice' && owner.type !== 'multi_choice')) return content;
      const old = owner.options[action.option];
      if (!old) return content;
      return mapQuestions(content, (q, i) => {
        if (i === action.index && (q.type === 'single_choice' || q.type === 'multi_choice')) {
          return { ...q, options: q.options.filter((_, j) => j !== action.option) };
        }
        if (q.showIf?.question === owner.key && q.showIf.anyOf.includes(old.value)) {
          const anyOf = q.showIf.anyOf.filter((v) => v !== old.value);
          return anyOf.length === 0 ? withoutShowIf(q) : { ...q, showIf: { ...q.showIf, anyOf } };
        }
        return q;
      });
    }
    case 'setShowIf':
      return mapQuestions(content, (q, i) =>
        i !== action.index ? q : action.showIf === null ? withoutShowIf(q) : { ...q, showIf: action.showIf },
      );
    case 'setRule':
      return { ...content, lowScoreRule: { ...content.lowScoreRule, [action.part]: action.value } };
  }
}

/** What is saved: text trimmed, empty hints left out. */
export function toSavedContent(content: SurveyTemplateContent): SurveyTemplateContent {
  return {
    title: content.title.trim(),
    intro: content.intro.trim(),
    thanks: content.thanks.trim(),
    factors: content.factors.map((f) => ({ ...f, key: f.key.trim(), label: f.label.trim() })),
    questions: content.questions.map((q) => {
      const next = { ...q, key: q.key.trim(), title: q.title.trim() } as SurveyQuestion;
      if (q.help !== undefined) {
        const help = q.help.trim();
        if (help) next.help = help;
        else delete next.help;
      }
      if (next.type === 'single_choice' || next.type === 'multi_choice') {
        next.options = next.options.map((o) => ({ value: o.value.trim(), label: o.label.trim() }));
      }
      return next;
    }),
    lowScoreRule: { ...DEFAULT_LOW_SCORE_RULE, ...content.lowScoreRule },
  };
}

export function sameContent(a: SurveyTemplateContent, b: SurveyTemplateContent): boolean {
  return JSON.stringify(toSavedContent(a)) === JSON.stringify(toSavedContent(b));
}

/** Each factor's share of the index after normalising the weights (they need not sum to 100). */
export function factorShares(factors: readonly SurveyFactor[]): number[] {
  const total = factors.reduce((sum, f) => sum + (f.weight > 0 ? f.weight : 0), 0);
  return factors.map((f) => (total > 0 && f.weight > 0 ? Math.round((f.weight / total) * 1000) / 10 : 0));
}

/** The versions of one kind, newest first, and the active one. */
export function versionsOf(
  templates: readonly SurveyTemplate[],
  kind: SurveyTemplate['kind'],
): { versions: SurveyTemplate[]; active: SurveyTemplate | null } {
  const versions = templates.filter((t) => t.kind === kind).sort((a, b) => b.version - a.version);
  return { versions, active: versions.find((t) => t.active) ?? null };
}

/** Errors whose path starts at `prefix` ("questions.2"), for a badge on a collapsed card. */
export function errorsUnder(errors: Record<string, string>, prefix: string): string[] {
  return Object.entries(errors)
    .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`))
    .map(([, message]) => message);
}

export { SURVEY_TEMPLATE_LIMITS };

export const OUTCOME_MEASURE_LABEL_ZH: Record<'overall_satisfaction' | 'repurchase_intent', string> = {
  overall_satisfaction: '整体满意度',
  repurchase_intent: '再次购买意愿',
};

/** "当「整体满意度」为 1 星、2 星 时显示", or null when the question is always shown. */
export function conditionText(questions: readonly SurveyQuestion[], question: SurveyQuestion): string | null {
  if (!question.showIf) return null;
  const source = questions.find((q) => q.key === question.showIf!.question);
  if (!source) return `当「${question.showIf.question}」满足条件时显示`;
  const labels = new Map(conditionValues(source).map((v) => [v.value, v.label]));
  const values = question.showIf.anyOf.map((v) => labels.get(v) ?? String(v)).join('、');
  const verb = source.type === 'multi_choice' ? '选了' : '为';
  return `当「${source.title || source.key}」${verb} ${values} 时显示`;
}

/** The low-score rule in words, one line per part switched on. */
export function ruleLines(rule: LowScoreRule): string[] {
  const lines: string[] = [];
  if (rule.factorBelow !== null) lines.push(`任一维度得分低于 ${rule.factorBelow} 分`);
  if (rule.overallAtMost !== null) lines.push(`整体满意度不高于 ${rule.overallAtMost} 星`);
  if (rule.npsAtMost !== null) lines.push(`推荐意愿不高于 ${rule.npsAtMost} 分`);
  return lines;
}

/** The defaults a switched-on rule part starts from. */
export const RULE_DEFAULTS: Record<keyof LowScoreRule, number> = {
  factorBelow: DEFAULT_LOW_SCORE_RULE.factorBelow ?? 60,
  overallAtMost: DEFAULT_LOW_SCORE_RULE.overallAtMost ?? 2,
  npsAtMost: DEFAULT_LOW_SCORE_RULE.npsAtMost ?? 6,
};

const FIELD_LABEL: Record<string, string> = {
  title: '标题',
  intro: '开场说明',
  thanks: '结束语',
  key: '编码',
  label: '名称',
  weight: '权重',
  help: '提示',
  required: '必答',
  type: '题型',
  factor: '所属维度',
  measure: '结果指标',
  maxLength: '字数上限',
  options: '选项',
  value: '编码',
  showIf: '显示条件',
  question: '条件题目',
  anyOf: '条件取值',
  factorBelow: '维度得分',
  overallAtMost: '整体满意度',
  npsAtMost: '推荐意愿',
};

/** Where an error is, in words: "questions.4.options.1.label" → "第 5 题 · 选项 2 · 名称". */
export function pathLabel(path: string): string {
  const parts = path.split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    const n = next !== undefined && /^\d+$/.test(next) ? Number(next) + 1 : null;
    if (part === 'questions') {
      words.push(n === null ? '题目' : `第 ${n} 题`);
      if (n !== null) i++;
    } else if (part === 'factors') {
      words.push(n === null ? '评分维度' : `维度 ${n}`);
      if (n !== null) i++;
    } else if (part === 'options' && n !== null) {
      words.push(`选项 ${n}`);
      i++;
    } else if (part === 'lowScoreRule') {
      words.push('低分规则');
    } else if (part === 'showIf' && next !== undefined) {
      continue;
    } else {
      words.push(FIELD_LABEL[part] ?? part);
    }
  }
  return words.join(' · ');
}
