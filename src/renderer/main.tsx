import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectApi } from './api';
import './app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root.');

createRoot(container).render(
  <StrictMode>
    <App api={connectApi()} />
  </StrictMode>,
);
