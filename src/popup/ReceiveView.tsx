import { useMemo, useRef } from 'preact/hooks';
import type { NetworkState } from '../shared/messages';
import { Section } from '../ui/components';
import { t } from '../ui/i18n';
import { qrMatrix } from '../ui/qrCode';
import { useCopy } from '../ui/useCopy';

/** The account's full address to receive funds: as text with a copy button, and as a QR code. */
export function ReceiveView({ address, network }: { address: string; network: NetworkState }) {
  const qr = useMemo(() => qrMatrix(address), [address]);
  const field = useRef<HTMLInputElement>(null);
  const { copied, copy } = useCopy(address);
  return (
    <Section title={t('receiveHeading')} testId="receive">
      <p>{t('receiveIntro', network.tokenSymbol ?? '', network.chainName ?? network.endpoint)}</p>
      <svg class="qr" viewBox={`0 0 ${qr.size} ${qr.size}`} role="img" aria-label={t('receiveQrLabel')} data-testid="receive-qr" data-modules={qr.size} shape-rendering="crispEdges">
        <rect width={qr.size} height={qr.size} fill="#ffffff" />
        <path d={qr.path} fill="#000000" />
      </svg>
      <label>
        {t('receiveAddressLabel')}
        <input ref={field} class="address" readOnly value={address} data-testid="receive-address" data-address={address} onFocus={(event) => event.currentTarget.select()} />
      </label>
      <div class="actions">
        <button type="button" class="primary" data-testid="receive-copy" onClick={() => copy(field.current)}>
          {t('receiveCopy')}
        </button>
        {copied && (
          <span class="muted" role="status" data-testid="receive-copied" data-copied={copied}>
            {copied === 'yes' ? t('receiveCopied') : t('receiveCopyManually')}
          </span>
        )}
      </div>
    </Section>
  );
}
