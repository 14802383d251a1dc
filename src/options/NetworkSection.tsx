import { useEffect, useState } from 'preact/hooks';
import type { NetworkState, Settings } from '../shared/messages';
import { ErrorText, Section } from '../ui/components';
import { t } from '../ui/i18n';
import { useAction } from '../ui/useWorker';

export function NetworkSection({ network, settings }: { network: NetworkState; settings: Settings }) {
  const [endpoint, setEndpoint] = useState(settings.endpoint);
  useEffect(() => setEndpoint(settings.endpoint), [settings.endpoint]);
  const save = useAction<'settings:set'>();
  const submit = async (event: Event) => {
    event.preventDefault();
    await save.run({ type: 'settings:set', settings: { endpoint: endpoint.trim() } });
  };
  return (
    <Section title={t('networkHeading')} testId="network-section">
      <div class="row">
        <span class="status" data-testid="network-status" data-status={network.status}>
          {t(`network_${network.status}`)}
        </span>
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
      <ErrorText error={network.error} testId="network-error" />
      <form data-testid="endpoint-form" onSubmit={submit}>
        <label>
          {t('endpointLabel')}
          <input data-testid="endpoint-input" spellcheck={false} value={endpoint} onInput={(event) => setEndpoint(event.currentTarget.value)} />
        </label>
        <button type="submit" data-testid="endpoint-save" disabled={save.busy || endpoint.trim() === settings.endpoint}>
          {t('saveButton')}
        </button>
        <ErrorText error={save.error} testId="endpoint-error" />
      </form>
    </Section>
  );
}
