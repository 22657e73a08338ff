/** One Dialer per configured entry, chosen by `kind`, with its password from the loaded secrets. */
import type { LoadedConfig } from '../config/load';
import { AmiDialer } from './ami/ami-dialer';
import { BaresipDialer } from './baresip/baresip-dialer';
import type { Dialer } from './dialer';
import { HttpDialer } from './http/http-dialer';
import { UriDialer } from './uri/uri-dialer';
import { WebdialerDialer } from './webdialer/webdialer-dialer';

export function createDialers({ config, dialerPasswords }: Pick<LoadedConfig, 'config' | 'dialerPasswords'>): Dialer[] {
  return config.dialers.map((d) => {
    const password = dialerPasswords.get(d.id);
    const required = (): string => {
      if (password === undefined) throw new Error(`no password was read for dialer ${d.id}`);
      return password;
    };
    switch (d.kind) {
      case 'uri':
        return new UriDialer(d);
      case 'baresip':
        return new BaresipDialer(d);
      case 'http':
        return new HttpDialer(d, password);
      case 'webdialer':
        return new WebdialerDialer(d, required());
      case 'ami':
        return new AmiDialer(d, required());
    }
  });
}
