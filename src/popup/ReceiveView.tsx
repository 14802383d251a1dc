import { useMemo, useRef } from 'preact/hooks';
import type { NetworkState } from '../shared/messages';
import { Section } from '../ui/components';
import { t } from '../ui/i18n';
import { qrMatrix } from '../ui/qrCode';
import { CopyButton } from '../ui/CopyButton';

/** The account's full address to receive funds: as text with a copy button, and as a QR code. */
export function ReceiveView({ address, network }: { address: string; network: NetworkState }) {
  const qr = useMemo(() => qrMatrix(address), [address]);
  const field = useRef<HTMLInputElement>(null);
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
      <CopyButton text={address} field={field} label={t('receiveCopy')} testId="receive-copy" statusTestId="receive-copied" primary />
    </Section>
  );
}
