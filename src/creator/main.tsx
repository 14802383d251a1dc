import { render } from 'preact';
import '../ui/styles.css';
import { localizeDocument } from '../ui/i18n';
import './creator.css';
import { CreatorPage } from './CreatorPage';

localizeDocument('pageTitleCreator');

render(<CreatorPage />, document.getElementById('app')!);
