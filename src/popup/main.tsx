import { render } from 'preact';
import '../ui/styles.css';
import './popup.css';
import { Popup } from './Popup';
import { findPopupTarget } from './popupTab';

void findPopupTarget(location.search).then((target) => {
  render(<Popup target={target} />, document.getElementById('app')!);
});
