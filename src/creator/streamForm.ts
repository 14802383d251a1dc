import {
  PROBLEM_FIELD,
  pricingProblems,
  textProblems,
  type DetailsField,
  type PricingInput,
  type StreamDetailsInput,
  type StreamDetailsProblem,
} from '../shared/streamDetails';
import { FIELD_LABEL, problemText } from '../shared/streamDetailsText';
import { amountProblem, parseAmount, planckToInput } from '../ui/format';
import { t } from '../ui/i18n';

/** What the person typed in the pricing fields: amounts in token units ("0.1"). */
export interface PricingTexts {
  baseRate: string;
  /** Empty: no premium rate. */
  premiumRate: string;
  offerSubscription: boolean;
  subscriptionPrice: string;
}

export interface StreamTexts extends PricingTexts {
  title: string;
  description: string;
  category: string;
}

/** One sentence per field in trouble. */
export type FieldErrors = Partial<Record<DetailsField, string>>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export const EMPTY_STREAM_TEXTS: StreamTexts = {
  title: '',
  description: '',
  category: '',
  baseRate: '',
  premiumRate: '',
  offerSubscription: false,
  subscriptionPrice: '',
};

function readAmount(text: string, field: DetailsField, decimals: number, required: boolean, errors: FieldErrors): string | null {
  const parsed = parseAmount(text, decimals);
  if (parsed.ok) return parsed.planck;
  const label = t(FIELD_LABEL[field]);
  if (parsed.reason === 'empty') {
    if (required) errors[field] = t('creatorAmountRequired', label);
  } else {
    errors[field] = amountProblem(parsed.reason, label, decimals);
  }
  return null;
}

function collect(problems: StreamDetailsProblem[], errors: FieldErrors): void {
  for (const problem of problems) errors[PROBLEM_FIELD[problem]] ??= problemText(problem);
}

/** Pricing texts → planck amounts, or a sentence for every field in trouble. */
export function readPricing(texts: PricingTexts, decimals: number): FormResult<PricingInput> {
  const errors: FieldErrors = {};
  // An unreadable base rate already has its error; the stand-in '1' only lets the other checks run.
  const pricing: PricingInput = {
    baseRatePerMinute: readAmount(texts.baseRate, 'baseRatePerMinute', decimals, true, errors) ?? '1',
    premiumRatePerMinute: readAmount(texts.premiumRate, 'premiumRatePerMinute', decimals, false, errors),
    subscriptionPrice: texts.offerSubscription ? readAmount(texts.subscriptionPrice, 'subscriptionPrice', decimals, true, errors) : null,
  };
  collect(pricingProblems(pricing), errors);
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: pricing };
}

/** The registration form → the details to register, or a sentence for every field in trouble. */
export function readStreamForm(texts: StreamTexts, decimals: number): FormResult<StreamDetailsInput> {
  const errors: FieldErrors = {};
  const trimmed = { title: texts.title.trim(), description: texts.description.trim(), category: texts.category.trim() };
  collect(textProblems(trimmed), errors);
  const pricing = readPricing(texts, decimals);
  if (!pricing.ok) return { ok: false, errors: { ...errors, ...pricing.errors } };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: { ...trimmed, pricing: pricing.value } };
}

/** A stream's current pricing as form texts, to edit it. */
export function pricingTexts(pricing: PricingInput, decimals: number): PricingTexts {
  return {
    baseRate: planckToInput(pricing.baseRatePerMinute, decimals),
    premiumRate: pricing.premiumRatePerMinute === null ? '' : planckToInput(pricing.premiumRatePerMinute, decimals),
    offerSubscription: pricing.subscriptionPrice !== null,
    subscriptionPrice: pricing.subscriptionPrice === null ? '' : planckToInput(pricing.subscriptionPrice, decimals),
  };
}
