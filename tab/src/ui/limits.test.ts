import { describe, expect, it } from 'vitest';
import { panelCatalog } from '../i18n/catalogs/panel.js';
import { startI18n } from '../i18n/startI18n.js';
import { translator } from '../i18n/useT.js';
import { limitOf } from './limits.js';

const english = translator((await startI18n([panelCatalog], 'en')).i18n);
const german = translator((await startI18n([panelCatalog], 'de-DE')).i18n);

describe('text limits shown to the person', () => {
  it('says nothing far from the limit, counts near it, and refuses over it without cutting', () => {
    expect(limitOf('a'.repeat(100), 500, 'topic', english)).toEqual({ over: false });
    expect(limitOf('a'.repeat(460), 500, 'topic', english)).toEqual({
      over: false,
      state: 'none',
      message: '460 / 500',
    });
    const over = limitOf('a'.repeat(5000), 500, 'topic', english);
    expect(over.over).toBe(true);
    expect(over.message).toBe('The topic is 5,000 characters; the limit is 500. Shorten it to save.');
  });

  it('counts in the reader’s own number format', () => {
    expect(limitOf('a'.repeat(5000), 500, 'note', german).message).toContain('5.000');
  });
});
