import type { EntityManager } from 'typeorm';
import {
  DEFAULT_SURVEY_TEMPLATES,
  SURVEY_KINDS,
  type SurveyFactor,
  type SurveyKind,
  type SurveyQuestion,
  type SurveyTemplateContent,
} from '@dealer-care/domain';
import { isMysql } from '../../database/is-mysql.js';
import { isUniqueViolation } from '../../database/unique-violation.js';
import { SurveyTemplateEntity } from './entities/survey-template.entity.js';

/** MySQL TEXT holds 65,535 bytes; simple-json columns stay below that. */
export const MAX_JSON_BYTES = 60_000;

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * The version new invitations of a kind use. A kind without any version gets the built-in default
 * as version 1, written here rather than by a migration: the defaults may improve in code, and
 * MariaDB cannot roll back a migration's DDL if its data step failed. Safe when two transactions
 * do it at once: the unique (kind, version) key lets one insert win, and the other reads the
 * winner with a locking read (which, unlike a plain read, sees rows committed after its snapshot).
 */
export async function activeSurveyTemplate(
  manager: EntityManager,
  kind: SurveyKind,
): Promise<SurveyTemplateEntity> {
  const repo = manager.getRepository(SurveyTemplateEntity);
  const found = await repo.findOne({ where: { kind, active: true }, order: { version: 'DESC' } });
  if (found) return found;
  try {
    await repo.insert({
      kind,
      version: 1,
      active: true,
      content: DEFAULT_SURVEY_TEMPLATES[kind],
      createdById: null,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const active = await repo.findOne({
    where: { kind, active: true },
    order: { version: 'DESC' },
    ...(isMysql(manager.connection) ? { lock: { mode: 'pessimistic_read' as const } } : {}),
  });
  if (!active) throw new Error(`No active survey template of kind ${kind}`);
  return active;
}

/** Makes sure every kind has an active version (the defaults on a fresh database). */
export async function ensureSurveyTemplates(manager: EntityManager): Promise<void> {
  for (const kind of SURVEY_KINDS) await activeSurveyTemplate(manager, kind);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function cleanQuestion(question: SurveyQuestion): SurveyQuestion {
  const help = text(question.help);
  const base = {
    key: question.key,
    title: text(question.title),
    ...(help ? { help } : {}),
    required: question.required,
    ...(question.showIf
      ? { showIf: { question: question.showIf.question, anyOf: [...question.showIf.anyOf] } }
      : {}),
  };
  switch (question.type) {
    case 'rating':
      return {
        ...base,
        type: 'rating',
        factor: question.factor,
        ...(question.weight !== undefined ? { weight: question.weight } : {}),
        ...(question.measure !== undefined ? { measure: question.measure } : {}),
      };
    case 'nps':
      return { ...base, type: 'nps' };
    case 'single_choice':
    case 'multi_choice':
      return {
        ...base,
        type: question.type,
        options: question.options.map((option) => ({ value: option.value, label: text(option.label) })),
      };
    case 'text':
      return { ...base, type: 'text', maxLength: question.maxLength };
  }
}

/**
 * A template that passed validateTemplateContent, rebuilt from its known fields only (trimmed),
 * so nothing the editor sent beyond the contract is stored.
 */
export function cleanTemplateContent(content: SurveyTemplateContent): SurveyTemplateContent {
  return {
    title: text(content.title),
    intro: text(content.intro),
    thanks: text(content.thanks),
    factors: content.factors.map((factor): SurveyFactor => ({
      key: factor.key,
      label: text(factor.label),
      weight: factor.weight,
    })),
    questions: content.questions.map(cleanQuestion),
    lowScoreRule: {
      factorBelow: content.lowScoreRule.factorBelow,
      overallAtMost: content.lowScoreRule.overallAtMost,
      npsAtMost: content.lowScoreRule.npsAtMost,
    },
  };
}
