import { t } from './i18n';
import { MAX_CATEGORY_BYTES, MAX_DESCRIPTION_BYTES, MAX_TITLE_BYTES, type DetailsField, type StreamDetailsProblem } from './streamDetails';

/**
 * The one set of sentences for stream details the chain would refuse: the creator page shows them beside
 * its fields, and the worker refuses a call with the same words before signing it.
 */

/** The locale key of each field's label. */
export const FIELD_LABEL: Record<DetailsField, string> = {
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
