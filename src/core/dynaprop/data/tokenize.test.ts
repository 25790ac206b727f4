import { describe, expect, it } from 'vitest';
import { CLS, PAD, PLACEHOLDER_TOKENS, SPECIAL_TOKENS, UNK, charTokens, encode, wordTokens } from './tokenize.ts';

describe('charTokens', () => {
  it('lower-cases, folds accents and keeps only a–z, apostrophe and hyphen', () => {
    expect(charTokens('Zoë')).toEqual(['z', 'o', 'e']);
    expect(charTokens("O'Neil")).toEqual(['o', "'", 'n', 'e', 'i', 'l']);
    expect(charTokens('Anne-Marie').join('')).toBe('anne-marie');
    expect(charTokens('José María').join('')).toBe('josemaria');
    expect(charTokens('R2-D2 ß')).toEqual(['r', '-', 'd']);
    expect(charTokens('')).toEqual([]);
  });
});

describe('wordTokens', () => {
  it('splits lower-cased words and keeps $ and ! as tokens', () => {
    expect(wordTokens('FREE Money!! Only $5')).toEqual(['free', 'money', '!', '!', 'only', '$', '<num>']);
  });

  it('collapses URLs, e-mail addresses and numbers to placeholders', () => {
    expect(wordTokens('see http://example.com/a?b=1, www.x.org and ftp://h/f')).toEqual(['see', '<url>', '<url>', 'and', '<url>']);
    expect(wordTokens('write to Jo.Smith+list@mail.example.co.uk now')).toEqual(['write', 'to', '<email>', 'now']);
    expect(wordTokens('1,000,000 or 3.5 or 2002')).toEqual(['<num>', 'or', '<num>', 'or', '<num>']);
  });

  it('keeps words that mix letters and digits, and inner apostrophes', () => {
    expect(wordTokens("don't buy mp3 on win98, 'quoted'")).toEqual(["don't", 'buy', 'mp3', 'on', 'win98', 'quoted']);
  });

  it('folds accents and drops scripts with no a–z letters', () => {
    expect(wordTokens('Café 요즘 Best')).toEqual(['cafe', 'best']);
    expect(wordTokens('  \n\t ')).toEqual([]);
  });
});

describe('encode', () => {
  const vocab = new Map([['a', 3], ['b', 4]]);
  it('puts CLS first, maps unknown tokens to UNK and cuts to maxLen ids', () => {
    expect(encode(['a', 'x', 'b'], vocab, 8)).toEqual([CLS, 3, UNK, 4]);
    expect(encode(['a', 'b', 'a', 'b'], vocab, 3)).toEqual([CLS, 3, 4]);
    expect(encode([], vocab, 4)).toEqual([CLS]);
  });

  it('has the special ids the file format expects', () => {
    expect([PAD, CLS, UNK]).toEqual([0, 1, 2]);
    expect(SPECIAL_TOKENS).toEqual(['<pad>', '<cls>', '<unk>']);
    expect(PLACEHOLDER_TOKENS).toEqual(['<url>', '<num>', '<email>']);
  });
});
