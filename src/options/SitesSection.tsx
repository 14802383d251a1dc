import { useState } from 'preact/hooks';
import type { SiteRule, SiteRuleEntry } from '../shared/messages';
import { ErrorText, Section } from '../ui/components';
import { t } from '../ui/i18n';
import { useAction } from '../ui/useWorker';
import { siteOrigin } from './siteOrigin';

/** Allowed sites bill without asking; blocked sites never bill. */
export function SitesSection({ rules }: { rules: SiteRuleEntry[] }) {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const allow = useAction<'site:allow'>();
  const block = useAction<'site:block'>();
  const remove = useAction<'site:remove-rule'>();
  const add = async (rule: SiteRule) => {
    const site = siteOrigin(text);
    setInvalid(site === null);
    if (site === null) return;
    const done = rule === 'allow' ? await allow.run({ type: 'site:allow', site }) : await block.run({ type: 'site:block', site });
    if (done) setText('');
  };
  return (
    <Section title={t('sitesHeading')} testId="sites-section">
      {rules.length === 0 ? (
        <p class="muted" data-testid="site-rules-empty">
          {t('sitesEmpty')}
        </p>
      ) : (
        <ul class="sites" data-testid="site-rules">
          {rules.map((entry) => (
            <li key={entry.site} class="row" data-testid="site-rule-row" data-site={entry.site} data-rule={entry.rule}>
              <span>{entry.site}</span>
              <span>
                <span class="muted">{t(entry.rule === 'allow' ? 'siteRuleAllow' : 'siteRuleBlock')}</span>{' '}
                <button type="button" data-testid="site-rule-remove" disabled={remove.busy} onClick={() => remove.run({ type: 'site:remove-rule', site: entry.site })}>
                  {t('siteRemoveRule')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <form data-testid="site-rule-form" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('siteInputLabel')}
          <input data-testid="site-rule-input" placeholder="https://example.com" value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </label>
        <div class="actions">
          <button type="button" data-testid="site-rule-allow" disabled={allow.busy || text.trim() === ''} onClick={() => add('allow')}>
            {t('siteAllow')}
          </button>
          <button type="button" data-testid="site-rule-block" disabled={block.busy || text.trim() === ''} onClick={() => add('block')}>
            {t('siteBlock')}
          </button>
        </div>
        <ErrorText error={invalid ? t('siteInvalid') : (allow.error ?? block.error ?? remove.error)} testId="site-rule-error" />
      </form>
    </Section>
  );
}
