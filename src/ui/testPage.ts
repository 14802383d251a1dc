/** Test helper: every test renders its page into a fresh container, with Chrome's i18n faked. */
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';
import { installFakeChromeI18n } from './testI18n';

/** Registers the per-test setup and teardown; the returned function gives the running test's container. */
export function usePageContainer(): () => HTMLElement {
  let container: HTMLElement | undefined;
  beforeEach(() => {
    installFakeChromeI18n();
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    if (!container) return;
    render(null, container);
    container.remove();
  });
  return () => {
    if (!container) throw new Error('no page container outside a test');
    return container;
  };
}
