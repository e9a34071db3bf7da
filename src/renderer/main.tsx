import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectApi, connectEvents } from './api';
import { applyInitialTheme } from './workbench/persist';
import './app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root.');

applyInitialTheme();
const api = connectApi();

createRoot(container).render(
  <StrictMode>
    <App api={api} events={api ? connectEvents() : null} />
  </StrictMode>,
);
