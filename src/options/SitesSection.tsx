import { useState } from 'preact/hooks';
import type { AlwaysAllowEntry, NetworkState } from '../shared/messages';
import { Address, ErrorText, Section } from '../ui/components';
import { formatRatePerMinute, parseAmount } from '../ui/format';
import { t } from '../ui/i18n';
import { tokenOf } from '../ui/token';
import { useAction } from '../ui/useWorker';
import { siteOrigin } from './siteOrigin';

/**
 * Blocked sites never bill. "Always allowed" creators bill on one site up to a rate without asking; they
 * are usually added from the consent prompt, and here by typing the site, the creator's address and a cap.
 */
export function SitesSection({ blocked, allowed, network }: { blocked: string[]; allowed: AlwaysAllowEntry[]; network: NetworkState }) {
  return (
    <Section title={t('sitesHeading')} testId="sites-section">
      <BlockedSites blocked={blocked} />
      <AlwaysAllowed allowed={allowed} network={network} />
    </Section>
  );
}

function BlockedSites({ blocked }: { blocked: string[] }) {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const block = useAction<'site:block'>();
  const unblock = useAction<'site:unblock'>();
  const add = async () => {
    const site = siteOrigin(text);
    setInvalid(site === null);
    if (site !== null && (await block.run({ type: 'site:block', site }))) setText('');
  };
  return (
    <>
      <h3>{t('blockedSitesHeading')}</h3>
      {blocked.length === 0 ? (
        <p class="muted" data-testid="blocked-sites-empty">
          {t('sitesEmpty')}
        </p>
      ) : (
        <ul class="sites" data-testid="blocked-sites">
          {blocked.map((site) => (
            <li key={site} class="row" data-testid="blocked-site-row" data-site={site}>
              <span>{site}</span>
              <button type="button" data-testid="blocked-site-remove" disabled={unblock.busy} onClick={() => unblock.run({ type: 'site:unblock', site })}>
                {t('siteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form data-testid="blocked-site-form" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('siteInputLabel')}
          <input data-testid="blocked-site-input" placeholder="https://example.com" value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </label>
        <div class="actions">
          <button type="button" data-testid="blocked-site-add" disabled={block.busy || text.trim() === ''} onClick={add}>
            {t('siteBlock')}
          </button>
        </div>
        <ErrorText error={invalid ? t('siteInvalid') : (block.error ?? unblock.error)} testId="blocked-site-error" />
      </form>
    </>
  );
}

function AlwaysAllowed({ allowed, network }: { allowed: AlwaysAllowEntry[]; network: NetworkState }) {
  const [site, setSite] = useState('');
  const [creator, setCreator] = useState('');
  const [rate, setRate] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const add = useAction<'allow:add'>();
  const remove = useAction<'allow:remove'>();
  const token = tokenOf(network);
  const submit = async (event: Event) => {
    event.preventDefault();
    const origin = siteOrigin(site);
    const parsed = parseAmount(rate, token.decimals);
    if (origin === null) return setInvalid(t('siteInvalid'));
    if (!parsed.ok) return setInvalid(t(parsed.reason === 'too-precise' ? 'amountTooPrecise' : 'amountMalformed', t('allowRateLabel'), String(token.decimals)));
    setInvalid(null);
    if (await add.run({ type: 'allow:add', site: origin, creator: creator.trim(), maxRatePerMinute: parsed.planck })) {
      setSite('');
      setCreator('');
      setRate('');
    }
  };
  return (
    <>
      <h3>{t('allowedHeading')}</h3>
      {allowed.length === 0 ? (
        <p class="muted" data-testid="allowed-empty">
          {t('allowedEmpty')}
        </p>
      ) : (
        <ul class="sites" data-testid="allowed">
          {allowed.map((entry) => (
            <li key={`${entry.genesisHash} ${entry.site} ${entry.creatorPublicKey}`} class="row" data-testid="allowed-row" data-site={entry.site} data-creator={entry.creator} data-planck={entry.maxRatePerMinute}>
              <span>
                {entry.site} · <Address address={entry.creator} testId="allowed-creator" /> · {formatRatePerMinute(entry.maxRatePerMinute, token)}
              </span>
              <button
                type="button"
                data-testid="allowed-remove"
                disabled={remove.busy}
                onClick={() => remove.run({ type: 'allow:remove', site: entry.site, creatorPublicKey: entry.creatorPublicKey, genesisHash: entry.genesisHash })}
              >
                {t('siteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {network.tokenDecimals === null || network.genesisHash === null ? (
        <p class="muted" data-testid="allow-need-network">
          {t('allowNeedNetwork')}
        </p>
      ) : (
        <form data-testid="allow-form" onSubmit={submit}>
          <label>
            {t('siteInputLabel')}
            <input data-testid="allow-site-input" placeholder="https://example.com" value={site} onInput={(event) => setSite(event.currentTarget.value)} />
          </label>
          <label>
            {t('allowCreatorLabel')}
            <input data-testid="allow-creator-input" placeholder="5…" value={creator} onInput={(event) => setCreator(event.currentTarget.value)} />
          </label>
          <label>
            {t('allowRateLabel')} ({token.symbol})
            <input data-testid="allow-rate-input" inputMode="decimal" value={rate} onInput={(event) => setRate(event.currentTarget.value)} />
          </label>
          <button type="submit" data-testid="allow-submit" disabled={add.busy || site.trim() === '' || creator.trim() === '' || rate.trim() === ''}>
            {t('allowSubmit')}
          </button>
          <ErrorText error={invalid ?? add.error ?? remove.error} testId="allow-error" />
        </form>
      )}
    </>
  );
}
