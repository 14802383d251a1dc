import { render } from 'preact';
import '../ui/styles.css';
import './options.css';
import { Options } from './Options';

render(<Options />, document.getElementById('app')!);
