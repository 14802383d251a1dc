import { render } from 'preact';
import '../ui/styles.css';
import './creator.css';
import { CreatorPage } from './CreatorPage';

render(<CreatorPage />, document.getElementById('app')!);
