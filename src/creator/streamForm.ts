import {
  MAX_CATEGORY_BYTES,
  MAX_DESCRIPTION_BYTES,
  MAX_TITLE_BYTES,
  PROBLEM_FIELD,
  pricingProblems,
  textProblems,
  utf8Length,
  type DetailsField,
  type PricingInput,
  type StreamDetailsInput,
  type StreamDetailsProblem,
} from '../shared/streamDetails';
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

const FIELD_LABEL: Record<DetailsField, string> = {
  title: 'creatorTitleLabel',
  description: 'creatorDescriptionLabel',
  category: 'creatorCategoryLabel',
  baseRatePerMinute: 'creatorRateLabel',
  premiumRatePerMinute: 'creatorPremiumLabel',
  subscriptionPrice: 'creatorSubscriptionPriceLabel',
};

const PROBLEM_TEXT: Record<StreamDetailsProblem, () => string> = {
  'title-empty': () => t('creatorTitleEmpty'),
  'title-too-long': () => t('creatorTextTooLong', t(FIELD_LABEL.title), String(MAX_TITLE_BYTES)),
  'description-too-long': () => t('creatorTextTooLong', t(FIELD_LABEL.description), String(MAX_DESCRIPTION_BYTES)),
  'category-too-long': () => t('creatorTextTooLong', t(FIELD_LABEL.category), String(MAX_CATEGORY_BYTES)),
  'rate-zero': () => t('creatorAmountZero', t(FIELD_LABEL.baseRatePerMinute)),
  'premium-zero': () => t('creatorAmountZero', t(FIELD_LABEL.premiumRatePerMinute)),
  'subscription-price-zero': () => t('creatorAmountZero', t(FIELD_LABEL.subscriptionPrice)),
};

/** The sentence for a problem the chain would refuse. */
export const problemText = (problem: StreamDetailsProblem): string => PROBLEM_TEXT[problem]();

/** "12 / 128 bytes" helper for text fields. */
export const bytesUsed = (text: string): number => utf8Length(text);

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
