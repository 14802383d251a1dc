import { render } from 'preact';
import '../ui/styles.css';
import { localizeDocument } from '../ui/i18n';
import './options.css';
import { Options } from './Options';

localizeDocument('pageTitleOptions');

render(<Options />, document.getElementById('app')!);
