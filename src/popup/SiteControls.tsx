import type { AlwaysAllowEntry } from '../shared/messages';
import { Address, ErrorText, Section } from '../ui/components';
import { t } from '../ui/i18n';
import { useAction } from '../ui/useWorker';

/**
 * The tab's top-level site: block it (nothing is ever paid on it) or unblock it, and the creators always
 * allowed on it, each removable. Creators are allowed from the consent prompt, never for a whole site.
 */
export function SiteControls({ site, blocked, allowed }: { site: string; blocked: boolean; allowed: AlwaysAllowEntry[] }) {
  const block = useAction<'site:block'>();
  const unblock = useAction<'site:unblock'>();
  const remove = useAction<'allow:remove'>();
  const here = allowed.filter((entry) => entry.site === site);
  return (
    <Section title={t('siteHeading')} testId="site-controls">
      <div class="row">
        <span data-testid="site-current">{site}</span>
        <span class="muted" data-testid="site-status" data-blocked={String(blocked)}>
          {t(blocked ? 'siteStatusBlocked' : 'siteStatusAsks')}
        </span>
      </div>
      {here.length > 0 && (
        <ul class="sites" data-testid="site-allowed">
          {here.map((entry) => (
            <li key={entry.creatorPublicKey} class="row" data-testid="site-allowed-row" data-creator={entry.creator}>
              <span>
                {t('siteAllowedCreator')} <Address address={entry.creator} testId="site-allowed-creator" />
              </span>
              <button
                type="button"
                data-testid="site-allowed-remove"
                disabled={remove.busy}
                onClick={() => remove.run({ type: 'allow:remove', site, creatorPublicKey: entry.creatorPublicKey, genesisHash: entry.genesisHash })}
              >
                {t('siteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        {blocked ? (
          <button type="button" data-testid="site-unblock" disabled={unblock.busy} onClick={() => unblock.run({ type: 'site:unblock', site })}>
            {t('siteUnblock')}
          </button>
        ) : (
          <button type="button" data-testid="site-block" disabled={block.busy} onClick={() => block.run({ type: 'site:block', site })}>
            {t('siteBlock')}
          </button>
        )}
      </div>
      <ErrorText error={block.error ?? unblock.error ?? remove.error} testId="site-error" />
    </Section>
  );
}
