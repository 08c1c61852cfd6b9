import { TranslationOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from './language.js';

/** Switches between 中文 and English; the choice is kept in this browser. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const [lang, setLang] = useLanguage();
  return (
    <Tooltip title={t('app.language')}>
      <Button
        type="text"
        icon={<TranslationOutlined />}
        data-testid="language-switch"
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      >
        {t('app.switchTo')}
      </Button>
    </Tooltip>
  );
}
