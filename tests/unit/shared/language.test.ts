import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../shared/text/language.js';
import { samplesDir } from '../../helpers/paths.js';

describe('language suggestions', () => {
  it('recognise the sample articles as English, even with Arabic quotes in them', () => {
    expect(detectLanguage(readFileSync(path.join(samplesDir, 'articles/001_e924d1bfadb02891.txt'), 'utf8'))).toBe('en');
    expect(detectLanguage('The mayor said «وصلت القافلة صباح الثلاثاء» before noon, and the convoy was welcomed by the residents of the town.')).toBe('en');
  });

  it('recognise other scripts and Latin-script languages', () => {
    expect(detectLanguage('قال مدير الدفاع المدني إن القافلة الأولى وصلت صباح يوم الخميس وكانت تحمل مياه الشرب')).toBe('ar');
    expect(detectLanguage('Le convoi est arrivé dans la ville jeudi matin, selon les responsables de la protection civile.')).toBe('fr');
    expect(detectLanguage('Der Konvoi ist am Donnerstag in der Stadt angekommen, sagte die Sprecherin und die Helfer.')).toBe('de');
    expect(detectLanguage('El convoy llegó a la ciudad el jueves por la mañana, según los responsables de la defensa civil.')).toBe('es');
  });

  it('say nothing when there is too little to go on', () => {
    expect(detectLanguage('K-1')).toBeNull();
    expect(detectLanguage('1,200 / 900 / 1,500 / 1,050 — 42 30 36')).toBeNull();
  });
});
