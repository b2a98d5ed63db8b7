import { MappedText } from './mappedText';
import { removePinyin } from './pinyin';

const clean = (s: string): string => removePinyin(MappedText.fromRaw(s)).text;

describe('removePinyin', () => {
  it('removes tone-marked pinyin after characters', () => {
    expect(clean('寶貴歷史經(jīng)驗')).toBe('寶貴歷史經驗');
    expect(clean('傳(chuán)統(tǒng)')).toBe('傳統');
    expect(clean('鄉（xiāng）村')).toBe('鄉村');
    expect(clean('綠(lǜ)色')).toBe('綠色');
  });

  it('leaves brackets with Chinese, digits or plain latin alone', () => {
    const text = '意见(试行)，党委(党组)，回眸(2021)，手机(APP)，PM(PM2.5)';
    expect(clean(text)).toBe(text);
  });

  it('removes toneless syllables only in a text that already has tone-marked annotations', () => {
    expect(clean('經(jīng)驗 傳(chuán)統(tǒng) 我們(men)')).toBe('經驗 傳統 我們');
    expect(clean('我們(men)和(de)')).toBe('我們(men)和(de)');
  });

  it('removes toneless syllables where a page annotates many characters, of several kinds', () => {
    const page =
      '區直機關(guan) 工委推動黨(dang) 建，關(guan) 於(yu) 加強機關(guan) 黨(dang) 建的意見，具體(ti) 內(nei) 容';
    expect(clean(page)).toBe('區直機關工委推動黨建，關於加強機關黨建的意見，具體內容');
    // A few lower-case words in brackets are no annotation.
    expect(clean('手機(app)下載，電腦(pc)版')).toBe('手機(app)下載，電腦(pc)版');
  });

  it('keeps the offset map: the character after an annotation maps to its raw place', () => {
    const m = removePinyin(MappedText.fromRaw('經(jīng)驗'));
    expect(m.rawOffset(1)).toBe('經(jīng)'.length);
  });
});
