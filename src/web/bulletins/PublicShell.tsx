import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../app/LanguageSwitch.js';
import { useLanguage } from '../app/language.js';
import { usePublicZone } from './bulletin-api.js';
import './bulletins.css';

/** The frame of the public pages: the zone's name, the language switch, no app menu, no login. */
export function PublicShell({ zoneName, pageTitle, children }: { zoneName: string | undefined; pageTitle?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [lang] = useLanguage();
  const { link } = usePublicZone();
  const title = [pageTitle, zoneName ? `${zoneName} · ${t('bulletins.public.title')}` : t('bulletins.public.title')].filter(Boolean).join(' - ');
  useEffect(() => {
    // After the app's own title effect, which runs later in the same commit.
    const timer = window.setTimeout(() => {
      document.title = title;
    }, 0);
    return () => window.clearTimeout(timer);
  }, [title, lang]);

  return (
    <div className="yq-public" data-testid="public-shell">
      <header className="yq-public-header">
        <div className="yq-public-header-inner">
          <Link to={link('/public/bulletins')} className="yq-public-brand">
            <span className="yq-public-zone" data-testid="public-zone">
              {zoneName ?? '\u00a0'}
            </span>
            <span className="yq-public-kind">{t('bulletins.public.heading')}</span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main className="yq-public-main">{children}</main>
      <footer className="yq-public-footer">{t('bulletins.public.footer')}</footer>
    </div>
  );
}
