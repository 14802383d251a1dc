import { render } from 'preact';
import '../ui/styles.css';
import { localizeDocument } from '../ui/i18n';
import './popup.css';
import { Popup } from './Popup';
import { findPopupTarget } from './popupTab';

localizeDocument('extName');

void findPopupTarget(location.search).then((target) => {
  render(<Popup target={target} />, document.getElementById('app')!);
});
