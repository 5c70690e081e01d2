import { describe, expect, it } from 'vitest';
import { loginPath, safeRedirect } from './redirect';

describe('safeRedirect', () => {
  it('keeps in-app paths with their query and hash', () => {
    expect(safeRedirect('/stores')).toBe('/stores');
    expect(safeRedirect('/stores?id=3#cars')).toBe('/stores?id=3#cars');
  });

  it('falls back to home for missing, foreign or looping targets', () => {
    for (const target of [
      null,
      undefined,
      '',
      'stores',
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '/login',
      '/login?redirect=%2Fstores',
      '/stores\n',
    ]) {
      expect(safeRedirect(target)).toBe('/');
    }
  });
});

describe('loginPath', () => {
  it('adds the encoded target, but not for home', () => {
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('/stores?id=3')).toBe('/login?redirect=%2Fstores%3Fid%3D3');
    expect(loginPath('/login')).toBe('/login');
  });
});
