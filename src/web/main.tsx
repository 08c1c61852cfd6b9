import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18next, type Language } from './i18n/index.js';
import { App } from './app/App.js';
import { applyLanguage } from './app/language.js';
import './app/app.css';

applyLanguage(i18next.language === 'en' ? 'en' : ('zh' satisfies Language));

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
