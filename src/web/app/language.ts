import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberLanguage, type Language } from '../i18n/index.js';
import { setRequestLanguage } from './api.js';

/** Keeps dayjs, the <html lang> attribute and the API's language header in step with the UI language. */
export function applyLanguage(lang: Language): void {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  setRequestLanguage(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function useLanguage(): [Language, (lang: Language) => void] {
  const { i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'zh';
  const setLang = useCallback(
    (next: Language) => {
      rememberLanguage(next);
      applyLanguage(next);
      void i18n.changeLanguage(next);
    },
    [i18n],
  );
  return [lang, setLang];
}
