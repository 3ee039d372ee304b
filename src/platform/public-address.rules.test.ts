import { describe, expect, it } from 'vitest';
import { isLoopbackHost, publicAddressIsLocal, publicAddressWarning } from './public-address.rules.js';

describe('loopback hosts', () => {
  it('knows the names and addresses of this machine', () => {
    for (const h of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '0:0:0:0:0:0:0:1', '0000::0001', '::ffff:127.0.0.1', 'localhost.']) {
      expect(isLoopbackHost(h), h).toBe(true);
    }
  });

  it('treats every other host as reachable by others', () => {
    for (const h of ['0.0.0.0', '::', '192.168.1.20', 'coaches.region92.org', '128.0.0.1', '::2', 'fe80::1', 'localhost.example.org', '1::1', '']) {
      expect(isLoopbackHost(h), h).toBe(false);
    }
  });

  it('reads the host of the public address', () => {
    expect(publicAddressIsLocal('http://localhost:3000')).toBe(true);
    expect(publicAddressIsLocal('http://127.0.0.1:8080/')).toBe(true);
    expect(publicAddressIsLocal('http://[::1]:3000')).toBe(true);
    expect(publicAddressIsLocal('https://coaches.region92.org')).toBe(false);
  });
});

describe('the start-up warning about the public address', () => {
  it('warns when the address is this machine but the portal listens beyond it, naming the variable and what it affects', () => {
    const w = publicAddressWarning({ baseUrl: 'http://localhost:3000', host: '0.0.0.0', port: 3000 });
    expect(w).toContain('TOUCHLINE_BASE_URL');
    expect(w).toContain('http://localhost:3000');
    expect(w).toContain('0.0.0.0:3000');
    for (const use of ['links in mails', 'QR codes on badges', 'calendar feeds']) expect(w?.toLowerCase()).toContain(use.toLowerCase());
    expect(w).toContain('restart');
    expect(publicAddressWarning({ baseUrl: 'http://127.0.0.1:3000', host: '::', port: 3000 })).not.toBeNull();
    expect(publicAddressWarning({ baseUrl: 'http://localhost:3000', host: '192.168.1.20', port: 3000 })).not.toBeNull();
  });

  it('stays quiet when the address is public, or when only this machine can reach the portal anyway', () => {
    expect(publicAddressWarning({ baseUrl: 'https://coaches.region92.org', host: '0.0.0.0', port: 3000 })).toBeNull();
    expect(publicAddressWarning({ baseUrl: 'http://localhost:3000', host: '127.0.0.1', port: 3000 })).toBeNull();
    expect(publicAddressWarning({ baseUrl: 'http://localhost:3000', host: 'localhost', port: 3000 })).toBeNull();
    expect(publicAddressWarning({ baseUrl: 'http://localhost:3000', host: '::1', port: 3000 })).toBeNull();
  });
});
