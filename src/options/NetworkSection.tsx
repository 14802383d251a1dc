import { useEffect, useState } from 'preact/hooks';
import type { NetworkState, Settings } from '../shared/messages';
import { ErrorText, Section } from '../ui/components';
import { t } from '../ui/i18n';
import { useAction } from '../ui/useWorker';

/**
 * The node the extension talks to. During the first run the connection error of the default endpoint
 * stays hidden until the person asked for a connection here (`quietUntilAsked`).
 */
export function NetworkSection({ network, settings, quietUntilAsked = false }: { network: NetworkState; settings: Settings; quietUntilAsked?: boolean }) {
  const [endpoint, setEndpoint] = useState(settings.endpoint);
  useEffect(() => setEndpoint(settings.endpoint), [settings.endpoint]);
  const [asked, setAsked] = useState(!quietUntilAsked);
  const save = useAction<'settings:set'>();
  const submit = async (event: Event) => {
    event.preventDefault();
    setAsked(true);
    if (endpoint.trim() !== settings.endpoint) await save.run({ type: 'settings:set', settings: { endpoint: endpoint.trim() } });
  };
  const showStatus = asked || network.status === 'connected';
  return (
    <Section title={t('networkHeading')} testId="network-section" id="network">
      <div class="row">
        {showStatus ? (
          <span class="status" data-testid="network-status" data-status={network.status}>
            {t(`network_${network.status}`)}
          </span>
        ) : (
          <span class="muted" data-testid="network-not-asked">
            {t('networkNotAsked')}
          </span>
        )}
        {network.chainName && <span data-testid="network-chain">{network.chainName}</span>}
        {network.tokenSymbol && (
          <span class="muted" data-testid="network-token" data-decimals={network.tokenDecimals ?? ''}>
            {network.tokenSymbol}
          </span>
        )}
      </div>
      {network.genesisHash && (
        <p class="muted">
          {t('networkGenesis')} <code data-testid="network-genesis">{network.genesisHash}</code>
        </p>
      )}
      <ErrorText error={showStatus ? network.error : null} testId="network-error" />
      <form data-testid="endpoint-form" onSubmit={submit}>
        <label>
          {t('endpointLabel')}
          <input data-testid="endpoint-input" spellcheck={false} value={endpoint} onInput={(event) => setEndpoint(event.currentTarget.value)} />
        </label>
        <button type="submit" data-testid="endpoint-save" disabled={save.busy || (asked && endpoint.trim() === settings.endpoint)}>
          {quietUntilAsked ? t('endpointConnect') : t('saveButton')}
        </button>
        <ErrorText error={save.error} testId="endpoint-error" />
      </form>
    </Section>
  );
}
