// First: picks the transport and, opening on a map, asks for it at once (early-journey.ts).
import { bootTransport } from './api/boot-transport';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/theme.css';
import './styles/app.css';
import './styles/library.css';
import './styles/map.css';
import './styles/canvas.css';
import './styles/canvas-performance.css';
import './styles/inspector.css';
import './styles/workshop.css';
import './styles/commands.css';
import './styles/overlay.css';
import './styles/import.css';
import './styles/grid.css';
import './styles/notes.css';
import './styles/emotion.css';
import './styles/emotion-data.css';
import './styles/connect.css';
import './styles/topbar.css';
import './styles/narrow-canvas.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(<App transport={bootTransport} />);
