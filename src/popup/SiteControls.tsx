import type { SiteRuleEntry } from '../shared/messages';
import { ErrorText, Section } from '../ui/components';
import { t } from '../ui/i18n';
import { useAction } from '../ui/useWorker';

/** Allow (no consent prompt) or block (never bill) the site of this tab's stream. */
export function SiteControls({ site, rules }: { site: string; rules: SiteRuleEntry[] }) {
  const rule = rules.find((entry) => entry.site === site)?.rule ?? null;
  const allow = useAction<'site:allow'>();
  const block = useAction<'site:block'>();
  const remove = useAction<'site:remove-rule'>();
  return (
    <Section title={t('siteHeading')} testId="site-controls">
      <div class="row">
        <span data-testid="site-current">{site}</span>
        <span class="muted" data-testid="site-rule" data-rule={rule ?? 'ask'}>
          {t(rule === 'allow' ? 'siteRuleAllow' : rule === 'block' ? 'siteRuleBlock' : 'siteRuleAsk')}
        </span>
      </div>
      <div class="actions">
        {rule !== 'allow' && (
          <button type="button" data-testid="site-allow" disabled={allow.busy} onClick={() => allow.run({ type: 'site:allow', site })}>
            {t('siteAllow')}
          </button>
        )}
        {rule !== 'block' && (
          <button type="button" data-testid="site-block" disabled={block.busy} onClick={() => block.run({ type: 'site:block', site })}>
            {t('siteBlock')}
          </button>
        )}
        {rule && (
          <button type="button" data-testid="site-remove-rule" disabled={remove.busy} onClick={() => remove.run({ type: 'site:remove-rule', site })}>
            {t('siteRemoveRule')}
          </button>
        )}
      </div>
      <ErrorText error={allow.error ?? block.error ?? remove.error} testId="site-error" />
    </Section>
  );
}
